"""Test helpers that need real services: an SMTP server on 127.0.0.1."""

import email
import email.policy
import re
import socket
import time

from aiosmtpd.controller import Controller


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Recorder:
    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"


class RecordingSMTPServer:
    def __init__(self):
        self.port = _free_port()
        self._recorder = _Recorder()
        self._controller = Controller(self._recorder, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self._controller.start()
        return self

    def __exit__(self, *exc):
        self._controller.stop()

    @property
    def messages(self):
        return self._recorder.messages

    def wait_for(self, count: int = 1, timeout: float = 5.0):
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.messages


def message_text(message) -> str:
    """The plain-text body of a received message."""
    part = message.get_body(preferencelist=("plain",))
    return part.get_content() if part else ""


def first_link(text: str, contains: str = "") -> str:
    for url in re.findall(r"https?://[^\s<>\"]+", text):
        if contains in url:
            return url
    raise AssertionError(f"no link containing {contains!r} in: {text[:500]}")

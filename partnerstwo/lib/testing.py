"""Test helpers: an SMTP server on 127.0.0.1, the database task queue run by hand, TOTP codes, a test client
whose staff pass two-factor login, and a captcha solved as the browser solves it."""

import base64
import email
import email.policy
import hashlib
import hmac
import re
import socket
import struct
import time
import zlib

import altcha
from aiosmtpd.controller import Controller
from django.test import Client
from django.urls import reverse


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


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def run_queued_tasks() -> int:
    """Run the tasks waiting in the database queue (settings.TASKS = DATABASE_TASKS) as `manage.py db_worker`
    runs each one, in this thread and this test's transaction; returns how many ran. Tasks queued for
    later (run_after) wait until the clock reaches them."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
        max_tasks=None, worker_id="test-worker", excluded_queue_names=[],
    )
    ran = 0
    while (queued := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
        queued.claim(worker.worker_id)
        worker.run_task(queued)
        ran += 1
    return ran


def message_text(message) -> str:
    """The plain-text body of a received message."""
    part = message.get_body(preferencelist=("plain",))
    return part.get_content() if part else ""


def first_link(text: str, contains: str = "") -> str:
    for url in re.findall(r"https?://[^\s<>\"]+", text):
        if contains in url:
            return url
    raise AssertionError(f"no link containing {contains!r} in: {text[:500]}")


def totp_code(secret: str, at: float | None = None) -> str:
    """RFC 6238 (SHA-1, 30 s, 6 digits), written here so tests do not trust allauth's own helper."""
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def give_totp(user, secret: str):
    """The user's authenticator app (TOTP) with this secret, as after allauth's set-up."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
    return TOTP.activate(user, secret).instance


def mark_second_factor_passed(session, user) -> None:
    """Records, as allauth's login does, that this session signed in with the password and then a TOTP code."""
    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
    from allauth.account.internal.flows.login import _AUTHENTICATION_METHODS_USER_SESSION_KEY
    from allauth.mfa.models import Authenticator

    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is None:
        return
    now = time.time()
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": now, "email": user.email},
        {"method": "mfa", "at": now, "id": authenticator.pk, "type": authenticator.type},
    ]
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session.save()


class TwoFactorClient(Client):
    """Django's test client; `force_login` and `login` also pass the second factor for a user who has TOTP.

    Staff (officials, administrators) must have passed two-factor login before the panel or the admin
    opens. The test cast's staff have TOTP, so `client.force_login(official_x)` stands for a full
    sign-in; `second_factor=False` stands for a session that skipped the step.
    """

    def force_login(self, user, backend=None, *, second_factor: bool = True):
        super().force_login(user, backend)
        if second_factor:
            mark_second_factor_passed(self.session, user)

    def login(self, *, second_factor: bool = True, **credentials) -> bool:
        """Django's password login (bypassing allauth's form), also passing the second factor as above."""
        from django.contrib.auth import SESSION_KEY, get_user_model

        signed_in = super().login(**credentials)
        if signed_in and second_factor:
            session = self.session
            mark_second_factor_passed(session, get_user_model().objects.get(pk=session[SESSION_KEY]))
        return signed_in


def solved_captcha(client, challenge: dict | None = None) -> str:
    """The payload the widget would send: a challenge fetched from the site (or the one given), solved."""
    parsed = altcha.Challenge.from_dict(challenge or client.get(reverse("captcha_challenge")).json())
    solution = altcha.solve_challenge(parsed)
    assert solution is not None
    return altcha.Payload(parsed, solution).to_base64()


def assert_tagged_pdf(pdf: bytes) -> None:
    """A tagged PDF (PDF/UA): a structure tree, the document's language and the marked-content flag."""
    assert pdf.startswith(b"%PDF")
    unpacked = pdf + b"".join(_inflate(m) for m in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S))
    assert b"/StructTreeRoot" in unpacked and b"/Lang" in unpacked and b"/MarkInfo" in unpacked


def _inflate(match) -> bytes:
    try:
        return zlib.decompress(match.group(1))
    except zlib.error:
        return b""

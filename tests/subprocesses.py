"""Running the project's commands the way an operator does: in a subprocess with a clean environment.

pytest sets PYTEST_VERSION, which the settings read as "testing" (inline tasks, relaxed checks), so
it must not leak into a subprocess that stands for production or the demo.
"""

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def clean_env(**variables: str) -> dict[str, str]:
    env = {name: os.environ[name] for name in ("PATH", "HOME", "LANG", "TMPDIR") if name in os.environ}
    env.update(variables)
    return env


def manage(env: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    if check and result.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_site(env: dict, *gunicorn_args: str):
    """gunicorn serving partnerstwo.wsgi on a free loopback port; yields the base URL.

    gunicorn_args replace the single sync worker, e.g. ("--workers", "2", "--threads", "8").
    """
    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "partnerstwo.wsgi:application", "--bind", f"127.0.0.1:{port}",
         *(gunicorn_args or ("--workers", "1")), "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            if server.poll() is not None:
                raise AssertionError(f"gunicorn exited:\n{server.stdout.read()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise AssertionError("gunicorn did not start within 30 s") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server.stdout.close()

"""The scheduled jobs: every job runs each time, one failure does not stop the rest, and the
demo's scheduler loop stops cleanly when told to."""

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core import management
from django.core.management import call_command, get_commands

from partnerstwo.lib.scheduling import run_scheduled_jobs
from partnerstwo.lib.tests.management.commands import scheduling_probe

ROOT = Path(__file__).resolve().parents[3]
TEST_COMMANDS = {"scheduling_probe": "partnerstwo.lib.tests", "scheduling_failure": "partnerstwo.lib.tests"}

# The probe commands live under tests/, outside any app's management package: make them callable
# by name, as the real jobs are, in this process and in the scheduler subprocess below.
REGISTER_TEST_COMMANDS = (
    "from django.core import management; _all = management.get_commands(); "
    f"management.get_commands = lambda: {{**_all, **{TEST_COMMANDS!r}}}"
)


@pytest.fixture(autouse=True)
def test_commands(monkeypatch):
    every_command = {**get_commands(), **TEST_COMMANDS}
    monkeypatch.setattr(management, "get_commands", lambda: every_command)
    scheduling_probe.RUNS.clear()


def test_it_runs_every_job_in_scheduled_jobs(settings):
    settings.SCHEDULED_JOBS = ["scheduling_probe", "scheduling_probe"]

    assert run_scheduled_jobs() == {"scheduling_probe": "ok"}
    assert scheduling_probe.RUNS == ["scheduling_probe", "scheduling_probe"]


def test_one_failing_job_does_not_stop_the_others(settings, caplog):
    settings.SCHEDULED_JOBS = ["scheduling_failure", "scheduling_probe"]

    results = run_scheduled_jobs()

    assert results == {"scheduling_failure": "failed", "scheduling_probe": "ok"}
    assert scheduling_probe.RUNS == ["scheduling_probe"]
    assert "Scheduled job scheduling_failure failed" in caplog.text
    assert "this job always fails" in caplog.text


def test_run_scheduled_jobs_reports_each_job_and_exits_non_zero_when_one_failed(settings, capsys):
    settings.SCHEDULED_JOBS = ["scheduling_failure", "scheduling_probe"]

    with pytest.raises(SystemExit) as exit_info:
        call_command("run_scheduled_jobs")

    assert exit_info.value.code == 1
    assert capsys.readouterr().out.splitlines() == ["scheduling_failure: failed", "scheduling_probe: ok"]


def test_run_scheduled_jobs_succeeds_when_every_job_does(settings, capsys):
    settings.SCHEDULED_JOBS = ["scheduling_probe"]

    call_command("run_scheduled_jobs")

    assert capsys.readouterr().out.splitlines() == ["scheduling_probe: ok"]


def test_every_configured_job_is_a_management_command():
    real_commands = get_commands()

    assert [job for job in settings.SCHEDULED_JOBS if job not in real_commands] == []


def test_the_scheduler_loop_repeats_and_stops_on_sigterm(tmp_path):
    probe_file = tmp_path / "runs.txt"
    code = (
        f"import django; django.setup(); {REGISTER_TEST_COMMANDS}; "
        "from django.conf import settings; settings.SCHEDULED_JOBS = ['scheduling_probe']; "
        "management.call_command('scheduler', interval=1)"
    )
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "partnerstwo.settings", "DEBUG": "true",
           "VAR_DIR": str(tmp_path), "PROBE_FILE": str(probe_file)}
    scheduler = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        while not (probe_file.exists() and probe_file.read_text().count("ran") >= 2):
            assert scheduler.poll() is None, scheduler.stderr.read()
            assert time.monotonic() < deadline, "the scheduler did not run the job twice within 20 s"
            time.sleep(0.1)

        stopped_at = time.monotonic()
        scheduler.send_signal(signal.SIGTERM)
        returncode = scheduler.wait(timeout=5)
    finally:
        if scheduler.poll() is None:
            scheduler.kill()
            scheduler.wait()
        scheduler.stderr.close()

    assert returncode == 0
    # Well under the 5 s wait above; a loaded CI machine (three test passes at once) needs the margin.
    assert time.monotonic() - stopped_at < 5

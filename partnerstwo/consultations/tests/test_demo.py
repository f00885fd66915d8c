"""The demo shows every stage: in preparation, announced and not yet started, open with comments on several
provisions (a written opinion, a moderated comment), closed awaiting answers, finished with its report (a shared
answer, the meeting's minutes), finished without comments; the Team's draft opinion on the open one."""

import pytest

from partnerstwo.consultations.models import Consultation, Stage
from partnerstwo.team.models import Position

# The demo as one load gives it (conftest.demo_database); tests/test_demo.py runs it twice.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_database")]


def test_the_demo_has_every_stage(client):
    stages = sorted(c.stage() for c in Consultation.objects.all())
    assert stages == sorted([Stage.DRAFT, Stage.UPCOMING, Stage.OPEN, Stage.CLOSED, Stage.FINISHED, Stage.FINISHED])
    open_one = next(c for c in Consultation.objects.all() if c.stage() == Stage.OPEN)
    assert open_one.comments.values("unit__anchor").distinct().count() >= 3
    assert open_one.versions.count() == 2 and open_one.meeting_event is not None
    assert open_one.writtenopinions.counted().exists() and open_one.comments.filter(removed_at__isnull=False).exists()
    # The Team's draft opinion, opened on the announcement (a second run adds none: tests/test_demo.py).
    assert open_one.team_position.status == "draft" and open_one.team_position.respond_by == open_one.ends_on
    assert Position.objects.filter(consultation__isnull=False).count() == 2  # the open one and the upcoming one
    assert client.get(f"{open_one.get_absolute_url()}wersje/1/").status_code == 200  # the first version, kept
    assert any(c.comments.count() == 0 and c.report_published for c in Consultation.objects.all())
    closed = next(c for c in Consultation.objects.all() if c.stage() == Stage.CLOSED)
    assert closed.answers.exists() and closed.comments.counted().filter(answer__isnull=True).exists()
    finished = next(c for c in Consultation.objects.all() if c.stage() == Stage.FINISHED and c.comments.exists())
    assert finished.meeting_minutes and any(answer.comments.count() > 1 for answer in finished.answers.all())
    assert not finished.comments.counted().filter(answer__isnull=True).exists()
    for consultation in Consultation.objects.public():
        assert client.get(consultation.get_absolute_url()).status_code == 200
        if consultation.report_published:
            assert client.get(consultation.get_absolute_url() + "sprawozdanie/").status_code == 200
    assert client.get("/konsultacje/").status_code == 200

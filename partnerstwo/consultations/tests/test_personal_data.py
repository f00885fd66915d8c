"""A person's comments are exported, and deleting the account removes the name but keeps the comment."""

import datetime as dt

import pytest

from conftest import make_user
from partnerstwo.consultations import participation, personal_data, report
from partnerstwo.consultations.models import Comment
from partnerstwo.consultations.tests import factories as f

pytestmark = pytest.mark.django_db


def test_export_and_forget(department_x, official_x, resident):
    consultation = f.consultation(department_x, by=official_x, for_residents=True)
    participation.submit_comment(consultation, by=resident, capacity="person", unit=None,
                                 proposed_wording="A", justification="B")
    participation.follow(consultation, resident)

    exported = personal_data.export(resident)
    assert exported["comments"][0]["proposed_wording"] == "A" and exported["following"] == [consultation.title]

    personal_data.forget(resident)
    comment = Comment.objects.get()
    assert comment.author is None and comment.author_name == "—" and comment.proposed_wording == "A"


def test_persons_whose_names_are_removed_still_count_one_each(department_x, official_x, resident):
    """Anonymised persons keep their own key: the report's count of persons does not fall when names go."""
    other = make_user("druga@example.org", "resident")
    consultation = f.consultation(department_x, by=official_x, for_residents=True)
    for person in (resident, resident, other):
        participation.submit_comment(consultation, by=person, capacity="person", unit=None,
                                     proposed_wording="A", justification="B")
    for _ in range(2):  # the same person's letters, entered by the official: one person
        participation.enter_received_comment(consultation, by=official_x, channel="paper", capacity="person",
                                             author_name="Jan Nowak", unit=None, proposed_wording="C",
                                             justification="D")
    assert report.participants(consultation)["persons"] == 3

    personal_data.forget(resident)
    personal_data.forget(other)
    consultation.report_published_at = consultation.announced_at
    consultation.save()
    personal_data.expire(consultation.report_published_at + dt.timedelta(days=365 * 50))

    assert set(Comment.objects.values_list("author_name", flat=True)) == {"—"}
    assert report.participants(consultation)["persons"] == 3

"""A person's comments are exported, and deleting the account removes the name but keeps the comment."""

import pytest

from partnerstwo.consultations import participation, personal_data
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

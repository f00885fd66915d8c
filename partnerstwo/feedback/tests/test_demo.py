import io

import pytest

from partnerstwo.feedback import demo
from partnerstwo.feedback.models import FeedbackCategory, FeedbackMessage

pytestmark = pytest.mark.django_db


def test_the_demo_data_loads_twice_without_duplicates():
    demo.load(io.StringIO())
    counts = (FeedbackCategory.objects.count(), FeedbackMessage.objects.count())
    demo.load(io.StringIO())

    assert (FeedbackCategory.objects.count(), FeedbackMessage.objects.count()) == counts
    assert counts[0] == 4
    assert FeedbackMessage.objects.confirmed().count() == len(demo.MESSAGES) >= 3
    statuses = set(FeedbackMessage.objects.values_list("status", flat=True))
    assert statuses == {"new", "answered", "closed"}

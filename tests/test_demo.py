"""The demo (`manage.py demo`) can be run again on a database that has it: a second run adds no row to any
model. Each app's own demo tests read the demo as one load gives it (conftest.demo_database)."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command


def counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()
            if not model._meta.proxy}


@pytest.mark.django_db
def test_a_second_run_of_the_demo_adds_no_row_to_any_model(demo_database):
    before = counts()
    assert before["events.Event"] and before["team.Position"] and before["consultations.Consultation"]

    call_command("demo", stdout=io.StringIO())

    after = counts()
    assert {label: (before[label], after[label]) for label in before if after[label] != before[label]} == {}

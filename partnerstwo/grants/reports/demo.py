"""Demo reports on the demo agreements (agreements/demo.py): an accepted final report (its results on the
competition's page), one returned to the main demo representative with remarks, one overdue, one not yet due, and
the joint offer's being written (part I done), which the main demo representative reads as the partner. Handed in,
each is kept as a PDF with its SHA-256. Idempotent: a report handed in or begun is left as it is."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from partnerstwo.accounts.models import User
from partnerstwo.grants.agreements import demo as agreements_demo
from partnerstwo.grants.agreements.models import Agreement
from partnerstwo.grants.offers import budget as budgets
from partnerstwo.grants.reports import reporting
from partnerstwo.grants.reports.models import Report

# The task of the agreement whose final report the demo shows accepted ended this long ago (agreements/demo.py).
ACCEPTED_AFTER_DAYS = 70


MERIT = {
    "results_description": "Zajęcia odbyły się co tydzień; uczestniczyło w nich więcej osób, niż planowano.",
    "actions_description": "Działania wykonano zgodnie z harmonogramem, bez odstępstw.",
}


def merit_rows(report: Report) -> None:
    """Part I's rows: results a little above the plan, every action done."""
    for row in report.results.select_related("result"):
        row.achieved_value = (row.result.target_value * Decimal("1.1")).quantize(Decimal("1"))
        row.save(update_fields=["achieved_value"])
    for row in report.actions.select_related("action"):
        row.done = f"{row.action.name}: zrealizowano zgodnie z harmonogramem."
        row.save(update_fields=["done"])


def begin(report: Report, by: User) -> Report:
    """A report being written: part I done, the spending and the statements still to come."""
    return reporting.save(report, expected_version=report.version, by=by, fields=MERIT, rows=[
        lambda: merit_rows(report)])


def write(report: Report, by: User) -> Report:
    """The report as the organisation writes it: results a little above the plan, the costs as planned."""
    agreement = report.agreement
    merit_rows(report)
    for row in report.costs.select_related("line"):
        row.spent = budgets.line_value(row.line)
        row.save(update_fields=["spent"])
    return reporting.save(report, expected_version=report.version, by=by, fields={
        **MERIT,
        "grant_spent": agreement.amount, "own_financial": agreement.own_financial,
        "own_non_financial": agreement.own_non_financial, "recipient_payments": agreement.recipient_payments,
        "statements_accepted": True,
    })


@transaction.atomic
def load(stdout, **options):
    main = User.objects.filter(email=agreements_demo.REPRESENTATIVE).first()
    official = User.objects.filter(email=agreements_demo.OFFICIAL).first()
    if main is None or official is None:
        return
    finals = {
        report.agreement.title: report for report in Report.objects.filter(
            kind=Report.Kind.FINAL, status=Report.Status.DRAFT,
            agreement__status=Agreement.Status.SIGNED).select_related("agreement__offer__competition")
    }
    own_title = agreements_demo.OWN_OFFERS[0][1]
    today = timezone.localdate()
    done = 0
    for title, report in sorted(finals.items()):
        representative = agreements_demo.speaker_for(report.agreement.offer.organization, main)
        staff = agreements_demo.staff_for(report.agreement.competition, official)
        if title == own_title:
            report = write(report, representative)
            report = reporting.submit(report, by=representative, expected_version=report.version)
            reporting.return_for_correction(report, by=staff, reason=(
                "Proszę opisać, z czego składał się wkład własny, i poprawić liczbę uczestników według list "
                "obecności."))
            done += 1
        elif (today - report.agreement.task_end).days >= ACCEPTED_AFTER_DAYS:
            report = write(report, representative)
            report = reporting.submit(report, by=representative, expected_version=report.version)
            reporting.accept(report, by=staff)
            done += 1
        # The others stay to be written: one overdue, one not yet due, the joint offer's begun below.
    joint = (Report.objects.filter(kind=Report.Kind.FINAL, status=Report.Status.DRAFT, results_description="",
                                   agreement__offer__online__partners__confirmed_at__isnull=False)
             .select_related("agreement__offer__organization").distinct().first())
    if joint is not None:
        begin(joint, agreements_demo.speaker_for(joint.agreement.offer.organization, main))
    stdout.write(f"  reports: {done} handed in{', one begun' if joint else ''}")

"""Reports on agreements (art. 18; docs/law.md#art-18-report): when they are due, what is missing or does not add up,
saving a part (the version it was read at is checked, all of it or nothing), handing it in (its PDF is kept with
its SHA-256), and the official's acceptance or return with remarks, which the representative corrects.

The final report is due REPORT_DAYS after the task's end in the agreement; a partial one when the department
demands it, not earlier than REPORT_DAYS after the demand (art. 18 ust. 2, as docs/law.md states it).
"""

import datetime as dt
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerstwo.accounts.desk import alert, alerted_at_once
from partnerstwo.accounts.models import User
from partnerstwo.grants import desk
from partnerstwo.grants.agreements.models import Agreement
from partnerstwo.grants.competitions import rules
from partnerstwo.grants.offers.checks import Problem, pln
from partnerstwo.grants.offers.submission import organization_addresses, receipt, representative_addresses
from partnerstwo.grants.reports import document
from partnerstwo.grants.reports.contents import spending
from partnerstwo.grants.reports.models import Report, ReportAction, ReportCost, ReportResult
from partnerstwo.lib.emails import absolute_url, build_email, email_task
from partnerstwo.organizations.models import Organization

REPORT_DAYS = rules.REPORT_DAYS
Status = Report.Status

# The report's parts: (key, URL word, title).
SECTIONS = [
    ("merit", "merytoryczne", gettext_lazy("Część I. Sprawozdanie merytoryczne")),
    ("finance", "finansowe", gettext_lazy("Część II. Sprawozdanie z wykonania wydatków")),
    ("statements", "oswiadczenia", gettext_lazy("Część III. Dodatkowe informacje i oświadczenia")),
]
SECTION_TITLES = {key: title for key, _slug, title in SECTIONS}
SECTION_SLUGS = {slug: key for key, slug, _title in SECTIONS}

def final_due_on(agreement: Agreement) -> dt.date:
    """As the competition's page states it: 30 days after the task's end (rules.report_due)."""
    return rules.report_due(agreement.task_end)


def create(agreement: Agreement, *, kind: str, period_end: dt.date, due_on: dt.date, by=None) -> Report:
    """A report with a row for every result, action and cost line of the agreement."""
    report = Report.objects.create(agreement=agreement, kind=kind, period_end=period_end, due_on=due_on,
                                   demanded_by=by)
    ReportResult.objects.bulk_create([ReportResult(report=report, result=r) for r in agreement.results.all()])
    ReportAction.objects.bulk_create([ReportAction(report=report, action=a) for a in agreement.actions.all()])
    ReportCost.objects.bulk_create([ReportCost(report=report, line=line) for line in agreement.cost_lines.all()])
    return report


def final_report(agreement: Agreement) -> Report:
    """The final report of a signed agreement (once)."""
    existing = agreement.reports.filter(kind=Report.Kind.FINAL).first()
    return existing or create(agreement, kind=Report.Kind.FINAL, period_end=agreement.task_end,
                              due_on=final_due_on(agreement))


@transaction.atomic
def demand_partial(agreement: Agreement, *, by, period_end: dt.date, due_on: dt.date, today=None) -> Report:
    today = today or timezone.localdate()
    if not agreement.is_signed:
        raise ValidationError(_("Sprawozdania żąda się na podstawie podpisanej umowy."))
    if not Agreement.objects.managed_by(by).filter(pk=agreement.pk).exists():
        raise ValidationError(_("Sprawozdania częściowego żąda urzędnik wydziału."))
    if not agreement.task_start <= period_end <= agreement.task_end:
        raise ValidationError({"period_end": _("Okres sprawozdawczy musi się kończyć w czasie realizacji "
                                               "zadania.")})
    if due_on < today + dt.timedelta(days=REPORT_DAYS):
        raise ValidationError({"due_on": _("Termin nie może być krótszy niż %(days)s dni od doręczenia wezwania "
                                           "(art. 18).") % {"days": REPORT_DAYS}})
    report = create(agreement, kind=Report.Kind.PARTIAL, period_end=period_end, due_on=due_on, by=by)
    transaction.on_commit(partial(send_to_organization.enqueue, report.pk, DEMANDED))
    return report


# --- Sums and problems ---------------------------------------------------------------------------


def problems(report: Report, *, results=None, costs=None) -> list[Problem]:
    """What stops the report from being handed in, in the order of its parts."""
    results = list(report.results.select_related("result")) if results is None else list(results)
    required = _("To pole jest wymagane.")
    found = []
    if not report.results_description.strip():
        found.append(Problem("merit", "results_description", required))
    if not report.actions_description.strip():
        found.append(Problem("merit", "actions_description", required))
    for index, row in enumerate(results):
        if row.achieved_value is None:
            found.append(Problem("merit", "achieved_value", _("Podaj osiągniętą wartość rezultatu „%(name)s”.")
                                 % {"name": row.result.name}, index))
    money = spending(report, costs=costs)
    if money.spent_total <= 0:
        found.append(Problem("finance", "", _("Podaj wydatki poniesione na pozycje kosztorysu.")))
    if not money.balanced:
        found.append(Problem("finance", "", _("Wydatki według źródeł (%(sources)s) muszą być równe sumie wydatków "
                                              "według pozycji kosztorysu (%(spent)s).")
                             % {"sources": pln(money.sources_total), "spent": pln(money.spent_total)}))
    if report.grant_spent > report.agreement.amount:
        found.append(Problem("finance", "grant_spent", _("Wykorzystana dotacja nie może przekroczyć kwoty z umowy "
                                                         "(%(amount)s).") % {"amount": pln(report.agreement.amount)}))
    if report.recipient_payments and not report.recipient_payments_info.strip():
        found.append(Problem("finance", "recipient_payments_info", _("Opisz świadczenia pobrane od odbiorców.")))
    if report.other_income and not report.other_income_info.strip():
        found.append(Problem("finance", "other_income_info", _("Opisz inne przychody.")))
    if not report.statements_accepted:
        found.append(Problem("statements", "statements_accepted", _("Potwierdź oświadczenia, aby złożyć "
                                                                    "sprawozdanie.")))
    return found


def by_section(found):
    grouped = {key: [] for key, _slug, _title in SECTIONS}
    for problem in found:
        grouped[problem.section].append(problem)
    return grouped


# --- Writing and handing in ----------------------------------------------------------------------


class Conflict(ValidationError):
    pass


def conflict() -> Conflict:
    return Conflict(_("Ktoś inny zapisał to sprawozdanie, gdy je edytowałeś(-aś). Twoje zmiany nie zostały "
                      "zapisane: sprawdź aktualną wersję poniżej i wprowadź je ponownie."), code="conflict")


def represents(user, report: Report) -> bool:
    return Organization.objects.represented_by(user).filter(pk=report.agreement.offer.organization_id).exists()


def edit_refusal(report: Report, user) -> ValidationError | None:
    if not represents(user, report):
        return ValidationError(_("Sprawozdanie składa przedstawiciel organizacji."))
    if not report.is_editable:
        return ValidationError(_("Sprawozdanie jest złożone; urząd może je zwrócić do poprawy."), code="locked")
    return None


@transaction.atomic
def save(report: Report, *, expected_version: int, by, fields: dict | None = None, rows=None) -> Report:
    if refusal := edit_refusal(report, by):
        raise refusal
    updated = Report.objects.filter(pk=report.pk, version=expected_version,
                                    status__in=[Status.DRAFT, Status.RETURNED]).update(
        version=F("version") + 1, **dict(fields or {}))
    if not updated:
        raise conflict()
    if rows is not None:
        for write in rows:
            write()
    report.refresh_from_db()
    return report


class Refused(ValidationError):
    def __init__(self, message, problems=()):
        super().__init__(message)
        self.problems = list(problems)


def locked(report: Report) -> Report:
    return (Report.objects.select_for_update(of=("self",))
            .select_related("agreement", "agreement__offer", "agreement__offer__organization",
                            "agreement__offer__competition").get(pk=report.pk))


@transaction.atomic
def submit(report: Report, *, by, expected_version: int, now=None) -> Report:
    now = now or timezone.now()
    report = locked(report)
    if report.version != expected_version:
        raise conflict()
    if refusal := edit_refusal(report, by):
        raise Refused(refusal.messages[0])
    if found := problems(report):
        raise Refused(_("Sprawozdania nie można złożyć, dopóki są w nim błędy."), found)
    Report.objects.filter(pk=report.pk).update(
        status=Status.SUBMITTED, submitted_at=now, submitted_by=by, version=F("version") + 1,
        first_submitted_at=report.first_submitted_at or now,
    )
    report.refresh_from_db()
    keep_document(report)
    transaction.on_commit(partial(send_submitted.enqueue, report.pk))
    alert(desk.alert_officials, desk.REPORTS, report.pk)
    return report


def keep_document(report: Report) -> None:
    """The report as handed in, as a PDF with its SHA-256; a report handed in again after a return replaces the
    document of the version returned (removed once the new one is committed)."""
    replaced = report.pdf.name
    data = document.pdf(report)
    report.pdf.save(f"sprawozdanie-{report.pk}.pdf", ContentFile(data), save=False)
    report.pdf_sha256 = document.sha256(data)
    Report.objects.filter(pk=report.pk).update(pdf=report.pdf.name, pdf_sha256=report.pdf_sha256)
    if replaced:
        transaction.on_commit(partial(report.pdf.storage.delete, replaced))


def decision_refusal(report: Report, by) -> ValidationError | None:
    if not Report.objects.managed_by(by).filter(pk=report.pk).exists():
        return ValidationError(_("Sprawozdanie ocenia urzędnik wydziału."))
    if report.status != Status.SUBMITTED:
        return ValidationError(_("Ocenić można tylko złożone sprawozdanie."))
    return None


@transaction.atomic
def accept(report: Report, *, by, now=None) -> Report:
    report = locked(report)
    if refusal := decision_refusal(report, by):
        raise refusal
    Report.objects.filter(pk=report.pk).update(status=Status.ACCEPTED, decided_at=now or timezone.now(),
                                               decided_by=by, version=F("version") + 1)
    transaction.on_commit(partial(send_to_organization.enqueue, report.pk, ACCEPTED))
    report.refresh_from_db()
    return report


@transaction.atomic
def return_for_correction(report: Report, *, by, reason: str, now=None) -> Report:
    report = locked(report)
    if refusal := decision_refusal(report, by):
        raise refusal
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Napisz, co organizacja ma poprawić.")})
    Report.objects.filter(pk=report.pk).update(status=Status.RETURNED, decided_at=now or timezone.now(),
                                               decided_by=by, remarks=reason.strip(), version=F("version") + 1)
    transaction.on_commit(partial(send_to_organization.enqueue, report.pk, RETURNED))
    report.refresh_from_db()
    return report


# --- In public ------------------------------------------------------------------------------------


def achievements(competition):
    """The accepted final reports of the competition's agreements, in the order shown (a queryset: a page of a
    competition of hundreds of grants reads only the reports it shows). with_achieved reads their results."""
    return (
        Report.objects.filter(agreement__offer__competition=competition, kind=Report.Kind.FINAL,
                              status=Status.ACCEPTED)
        .select_related("agreement", "agreement__offer__organization")
        .order_by("agreement__offer__organization__name", "pk")
    )


def with_achieved(reports) -> list[Report]:
    """These reports, each with `achieved`: its results against the planned values; two queries."""
    reports = list(reports)
    prefetch_related_objects(reports, Prefetch("results", queryset=ReportResult.objects.select_related("result")))
    for report in reports:
        report.achieved = list(report.results.all())
    return reports


# --- E-mails to the organisation ---------------------------------------------------------------

DEMANDED, ACCEPTED, RETURNED, DUE_SOON, DUE_TODAY = "demanded", "accepted", "returned", "due_soon", "due_today"


@email_task
def send_to_organization(report_id: int, event: str) -> EmailMessage | None:
    report = Report.objects.select_related("agreement", "agreement__offer", "agreement__offer__organization").filter(
        pk=report_id).first()
    if report is None:
        return None
    organization = report.agreement.offer.organization
    to = sorted(set(organization_addresses(organization) + representative_addresses(organization)))
    if not to:
        return None
    return build_email("grants_report_organization", to, {
        "report": report, "agreement": report.agreement, "event": event,
        "url": absolute_url(reverse("my_grants:report", args=[report.pk])),
    })


@email_task
def send_submitted(report_id: int) -> list[EmailMessage]:
    """Once a report is handed in: its receipt to the organisation (the PDF as kept and its SHA-256, as an
    offer's), and a note to the officials responsible, who assess it."""
    report = Report.objects.select_related(
        "agreement", "agreement__drafted_by", "agreement__offer__organization", "agreement__offer__competition",
        "submitted_by").filter(pk=report_id).first()
    # Sent even if the report was assessed meanwhile: the receipt is of what was handed in, kept as it was.
    if report is None or not report.pdf:
        return []
    agreement = report.agreement
    context = {"report": report, "agreement": agreement, "organization": agreement.offer.organization}
    messages = [receipt("grants_report_submitted", agreement.offer.organization, report.submitted_by,
                        {**context, "url": absolute_url(reverse("my_grants:report", args=[report.pk]))},
                        pdf=report.pdf, filename=f"sprawozdanie-{report.pk}.pdf")]
    # An official who chose to hear of their queue "at once" has the desk's alert of this report already.
    alerted = {user.email for user, _item in alerted_at_once(desk.REPORTS, report.pk)}
    if to := [address for address in responsible_addresses(agreement) if address not in alerted]:
        with translation.override(settings.LANGUAGE_CODE):
            path = reverse("panel:grants_panel:report", args=[report.pk])
        messages.append(build_email("grants_report_submitted_official", to, {**context, "url": absolute_url(path)}))
    return [message for message in messages if message is not None]


def department_addresses(department_id) -> list[str]:
    return list(User.objects.officials_of(department_id).values_list("email", flat=True))


def responsible_addresses(agreement: Agreement) -> list[str]:
    """Who answers for an agreement's reports: the official who drafted it while they are still an active
    official of the competition's department; otherwise (they left, or moved) every official of that department."""
    department = agreement.offer.competition.department_id
    official = agreement.drafted_by
    if (official and official.is_active and official.is_official
            and official.department_id == department and official.email):
        return [official.email]
    return department_addresses(department)

"""Drafting and concluding an agreement on a granted offer (docs/law.md#agreement).

An official of the competition's department drafts it from the offer and the decision (the amount granted),
naming who signs for the city. The organisation's representative gives the bank account and who signs for the
organisation and, when the grant is lower than requested, updates the schedule and the cost table; the sums
are checked by the same rules as the offer (offers/checks.py). The representative sends it for signature
once nothing is wrong (its PDF is then fixed, with its SHA-256 and the city's clauses in their current version,
clauses.py); the official records that it was signed,
which schedules the final report (reports/schedule.py).
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from stdnum import iban

from partnerstwo.grants.agreements import clauses, document
from partnerstwo.grants.agreements.models import Agreement, AgreementAction, AgreementCostLine, AgreementResult
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers import budget as budgets
from partnerstwo.grants.offers import checks
from partnerstwo.grants.offers.checks import Problem, pln
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.offers.submission import organization_addresses, representative_addresses
from partnerstwo.grants.reports import reporting
from partnerstwo.lib.emails import absolute_url, build_email, email_task
from partnerstwo.organizations.models import Organization

Status = Agreement.Status

# The agreement's parts in order: (key, URL word, title, who writes it).
OFFICIAL, REPRESENTATIVE = "official", "representative"
SECTIONS = [
    ("parties", "strony", gettext_lazy("Strony umowy i zadanie"), OFFICIAL),
    ("account", "rachunek", gettext_lazy("Reprezentacja organizacji i rachunek bankowy"), REPRESENTATIVE),
    ("actions", "harmonogram", gettext_lazy("Harmonogram działań"), REPRESENTATIVE),
    ("costs", "koszty", gettext_lazy("Zestawienie kosztów"), REPRESENTATIVE),
    ("sources", "zrodla", gettext_lazy("Źródła finansowania"), REPRESENTATIVE),
]
SECTION_TITLES = {key: title for key, _slug, title, _who in SECTIONS}
SECTION_SLUGS = {slug: key for key, slug, _title, _who in SECTIONS}
WRITER = {key: who for key, _slug, _title, who in SECTIONS}


class Conflict(ValidationError):
    """Someone saved the agreement since this form was read."""


def conflict() -> Conflict:
    return Conflict(_("Ktoś inny zapisał tę umowę, gdy ją edytowałeś(-aś). Twoje zmiany nie zostały zapisane: "
                      "sprawdź aktualną wersję poniżej i wprowadź je ponownie."), code="conflict")


def represents(user, agreement: Agreement) -> bool:
    return Organization.objects.represented_by(user).filter(pk=agreement.offer.organization_id).exists()


def manages(user, agreement: Agreement) -> bool:
    return Agreement.objects.managed_by(user).filter(pk=agreement.pk).exists()


def valid_iban(value: str) -> str:
    """The account number in its compact form; a Polish number may be typed without its "PL"."""
    compact = iban.compact(value or "")
    if compact.isdigit() and len(compact) == 26:
        compact = "PL" + compact
    try:
        return iban.validate(compact)
    except Exception:  # stdnum raises its own ValidationError subclasses for each kind of mistake
        raise ValidationError({"bank_account": _("To nie jest poprawny numer rachunku (IBAN): sprawdź cyfry.")},
                              code="iban") from None


# --- Drafting ------------------------------------------------------------------------------------


def draftable_offers(competitions):
    """Offers granted a subsidy in the published results of `competitions`, with no agreement yet."""
    return Offer.objects.filter(
        competition__in=competitions, competition__status=Competition.Status.RESULTS, awarded_amount__gt=0,
        agreement__isnull=True,
    ).select_related("competition", "organization", "online")


@transaction.atomic
def draft(offer: Offer, *, by, number: str = "", place: str = "", city_representatives: str = "") -> Agreement:
    """The agreement drafted from the offer and the decision; the online offer's rows are copied as they are."""
    offer = Offer.objects.select_for_update(of=("self",)).select_related("competition", "online").get(pk=offer.pk)
    if offer.competition.status != Competition.Status.RESULTS or not offer.awarded_amount:
        raise ValidationError(_("Umowę przygotowuje się dla oferty, której przyznano dotację w ogłoszonych "
                                "wynikach."))
    if Agreement.objects.filter(offer=offer).exists():
        raise ValidationError(_("Umowa dla tej oferty już istnieje."))
    online = offer.online
    source = online or offer.competition
    agreement = Agreement.objects.create(
        offer=offer, number=number, place=place, city_representatives=city_representatives, title=offer.title,
        task_start=source.task_start or offer.competition.task_start,
        task_end=source.task_end or offer.competition.task_end,
        amount=offer.awarded_amount, requested_amount=offer.requested_amount,
        own_financial=online.own_financial if online else 0,
        own_non_financial=online.own_non_financial if online else 0,
        recipient_payments=online.recipient_payments if online else 0,
        drafted_by=by, updated_by=by,
    )
    if online:
        copied = {}
        for action in online.actions.all():
            copied[action.pk] = AgreementAction.objects.create(
                agreement=agreement, position=action.position, name=action.name, description=action.description,
                target_group=action.target_group, starts_on=action.starts_on, ends_on=action.ends_on,
            )
        AgreementResult.objects.bulk_create([
            AgreementResult(agreement=agreement, position=r.position, name=r.name, target_value=r.target_value,
                            unit=r.unit)
            for r in online.results.all()
        ])
        AgreementCostLine.objects.bulk_create([
            AgreementCostLine(agreement=agreement, action=copied.get(line.action_id), position=line.position,
                              name=line.name, unit=line.unit, unit_cost=line.unit_cost, units=line.units,
                              year=line.year)
            for line in online.cost_lines.all()
        ])
    transaction.on_commit(partial(send_to_organization.enqueue, agreement.pk, DRAFTED))
    return agreement


# --- What is missing or wrong --------------------------------------------------------------------


def rows(agreement: Agreement) -> dict:
    return {"actions": list(agreement.actions.all()), "results": list(agreement.results.all()),
            "lines": list(agreement.cost_lines.all())}


def problems(agreement: Agreement, *, actions=None, results=None, lines=None) -> list[Problem]:
    """Everything that stops the agreement from going to signature: the parties, the account, the schedule
    and the offer's sum checks with the grant fixed at the amount granted."""
    actions = list(agreement.actions.all()) if actions is None else list(actions)
    lines = list(agreement.cost_lines.all()) if lines is None else list(lines)
    competition = agreement.competition
    budget = budgets.compute(agreement, lines=lines, actions=actions, partners=[])
    required = _("To pole jest wymagane.")
    found = []
    if not agreement.city_representatives.strip():
        found.append(Problem("parties", "city_representatives", required))
    found += checks.task_dates(agreement, competition, section="parties")
    if not agreement.organization_representatives.strip():
        found.append(Problem("account", "organization_representatives", required))
    if not agreement.bank_account:
        found.append(Problem("account", "bank_account", required))
    if not actions:
        found.append(Problem("actions", "", _("Dodaj co najmniej jedno działanie.")))
    for index, action in enumerate(actions):
        if action.starts_on and action.starts_on < agreement.task_start:
            found.append(Problem("actions", "starts_on", _("Działanie nie może się zacząć przed rozpoczęciem "
                                                           "zadania."), index))
        if action.ends_on and action.ends_on > agreement.task_end:
            found.append(Problem("actions", "ends_on", _("Działanie nie może się skończyć po zakończeniu zadania."),
                                 index))
    found += checks.sums(agreement, competition, budget, lines)
    return found


def by_section(found: list[Problem]) -> dict[str, list[Problem]]:
    grouped = {key: [] for key, _slug, _title, _who in SECTIONS}
    for problem in found:
        grouped.setdefault(problem.section, []).append(problem)
    return grouped


def grant_note(agreement: Agreement) -> str:
    """What the representative is asked to do when the grant is lower than requested."""
    return _("Przyznana dotacja (%(amount)s) jest niższa od wnioskowanej (%(requested)s): zaktualizuj "
             "harmonogram, zestawienie kosztów i źródła finansowania tak, by sumy się zgadzały.") % {
        "amount": pln(agreement.amount), "requested": pln(agreement.requested_amount)}


# --- Writing -------------------------------------------------------------------------------------


def edit_refusal(agreement: Agreement, section: str, user) -> ValidationError | None:
    if agreement.status != Status.PREPARING:
        return ValidationError(_("Umowa jest już przekazana do podpisu albo podpisana; nie można jej zmienić."),
                               code="locked")
    if WRITER.get(section) == OFFICIAL and not manages(user, agreement):
        return ValidationError(_("Tę część umowy wypełnia urząd."), code="official")
    if WRITER.get(section) == REPRESENTATIVE and not represents(user, agreement):
        return ValidationError(_("Tę część umowy wypełnia przedstawiciel organizacji."), code="representative")
    return None


@transaction.atomic
def save(agreement: Agreement, *, section: str, expected_version: int, by, fields: dict | None = None,
         rows=None) -> Agreement:
    """Saves one part: the agreement's `fields` and whatever `rows()` writes (a formset), only if nobody saved
    the agreement since it was read at `expected_version`. All of it or nothing."""
    if refusal := edit_refusal(agreement, section, by):
        raise refusal
    fields = dict(fields or {})
    if "bank_account" in fields and fields["bank_account"]:
        fields["bank_account"] = valid_iban(fields["bank_account"])
    updated = Agreement.objects.filter(pk=agreement.pk, version=expected_version, status=Status.PREPARING).update(
        version=F("version") + 1, updated_by=by, updated_at=timezone.now(), **fields
    )
    if not updated:
        raise conflict()
    if rows is not None:
        rows()
    agreement.refresh_from_db()
    return agreement


def locked(agreement: Agreement) -> Agreement:
    return (Agreement.objects.select_for_update(of=("self",))
            .select_related("offer", "offer__competition", "offer__competition__department", "offer__organization")
            .get(pk=agreement.pk))


class Refused(ValidationError):
    """The step is refused: the message, and the problems that stop it, if any."""

    def __init__(self, message, problems=()):
        super().__init__(message)
        self.problems = list(problems)


@transaction.atomic
def send_for_signature(agreement: Agreement, *, by, expected_version: int, now=None) -> Agreement:
    """The representative confirms the agreement's data; its PDF is fixed with its SHA-256."""
    now = now or timezone.now()
    agreement = locked(agreement)
    if agreement.version != expected_version:
        raise conflict()
    if agreement.status != Status.PREPARING:
        raise Refused(_("Umowa jest już przekazana do podpisu."))
    if not represents(by, agreement):
        raise Refused(_("Umowę do podpisu przekazuje przedstawiciel organizacji."))
    if found := problems(agreement):
        raise Refused(_("Umowy nie można przekazać do podpisu, dopóki są w niej błędy."), found)
    # The city's clauses as they are now: the document keeps them whatever version is published later.
    agreement.clauses = clauses.current()
    pdf = document.pdf(agreement)
    agreement.pdf.save(f"umowa-{agreement.pk}.pdf", ContentFile(pdf), save=False)
    agreement.pdf_sha256 = document.sha256(pdf)
    agreement.status, agreement.ready_at, agreement.updated_by = Status.READY, now, by
    agreement.version += 1
    agreement.save(update_fields=["pdf", "pdf_sha256", "clauses", "status", "ready_at", "updated_by", "version",
                                  "updated_at"])
    return agreement


@transaction.atomic
def reopen(agreement: Agreement, *, by) -> Agreement:
    """The official returns an agreement sent for signature to preparation (e.g. a wrong account)."""
    agreement = locked(agreement)
    if not manages(by, agreement):
        raise Refused(_("Umowę do poprawy zwraca urzędnik wydziału."))
    if agreement.status != Status.READY:
        raise Refused(_("Do poprawy można zwrócić tylko umowę przekazaną do podpisu."))
    agreement.status, agreement.ready_at, agreement.pdf_sha256, agreement.updated_by = Status.PREPARING, None, "", by
    agreement.pdf, agreement.clauses = "", None  # prepared again, it shows the current clauses
    agreement.version += 1
    agreement.save()
    transaction.on_commit(partial(send_to_organization.enqueue, agreement.pk, REOPENED))
    return agreement


@transaction.atomic
def record_signature(agreement: Agreement, *, by, signed_on, now=None) -> Agreement:
    """The official records that the agreement was signed, on `signed_on`; the final report is then due."""
    now = now or timezone.now()
    agreement = locked(agreement)
    if not manages(by, agreement):
        raise Refused(_("Podpisanie umowy odnotowuje urzędnik wydziału."))
    if agreement.status != Status.READY:
        raise Refused(_("Podpisanie można odnotować tylko dla umowy przekazanej do podpisu."))
    if signed_on > timezone.localdate(now):
        raise ValidationError({"signed_on": _("Data zawarcia umowy nie może być w przyszłości.")})
    if signed_on < timezone.localdate(agreement.ready_at):
        raise ValidationError({"signed_on": _("Umowę podpisano najwcześniej w dniu przekazania jej do podpisu.")})
    agreement.status, agreement.signed_on = Status.SIGNED, signed_on
    agreement.signature_recorded_by, agreement.signature_recorded_at = by, now
    agreement.version += 1
    agreement.save(update_fields=["status", "signed_on", "signature_recorded_by", "signature_recorded_at",
                                  "version", "updated_at"])
    reporting.final_report(agreement)
    return agreement


# --- E-mails to the organisation ---------------------------------------------------------------

DRAFTED, REOPENED = "drafted", "reopened"


@email_task
def send_to_organization(agreement_id: int, event: str) -> EmailMessage | None:
    """The agreement waits for the organisation's part: drafted, or returned for correction."""
    agreement = Agreement.objects.select_related("offer__organization").filter(pk=agreement_id).first()
    if agreement is None or agreement.status != Status.PREPARING:
        return None
    organization = agreement.offer.organization
    to = sorted(set(organization_addresses(organization) + representative_addresses(organization)))
    if not to:
        return None
    return build_email("grants_agreement_organization", to, {
        "agreement": agreement, "event": event, "lower": agreement.is_lower_than_requested,
        "url": absolute_url(reverse("my_grants:agreement", args=[agreement.pk])),
    })

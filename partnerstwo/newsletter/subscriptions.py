"""A person's subscription: sign-up with double opt-in, confirmation, preferences, unsubscribing, consent records.

Nothing is mailed to an address until it confirms. The sign-up answers the same whether or not the
address is already subscribed (a confirmed one gets its preferences link by e-mail instead), so
the form cannot be used to learn who reads the newsletter. Every consent is a ConsentRecord with
the text shown, its version, time, IP and browser, so the controller can demonstrate it
(RODO art. 7 ust. 1); withdrawing sets withdrawn_at and keeps the record.
"""

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.lib.emails import build_email, email_task
from partnerstwo.lib.ratelimit import client_ip, hit
from partnerstwo.newsletter import links
from partnerstwo.newsletter.models import ConsentRecord, Delivery, Recipient, RecipientTopic, Topic

# Raise it whenever the wording of the consent or the information clause changes.
CONSENT_TEXT_VERSION = "2026-12-07"
# Unconfirmed sign-ups (and their consent rows) are deleted after this many days.
CONFIRMATION_DAYS = 7
# A second sign-up of one address mails that address; this many mails an hour at most.
ADDRESS_MAILS_PER_HOUR = "3/h"


def signup_rate() -> str:
    return getattr(settings, "NEWSLETTER_SIGNUP_RATE", "10/h")


# The texts of consent -------------------------------------------------------------------------


def consent_label() -> str:
    return _("Wyrażam zgodę na przesyłanie mi newslettera na podany adres e-mail.")


def consent_help() -> str:
    return _(
        "Zgodę wyrażasz wobec administratora danych wskazanego w informacji o przetwarzaniu danych osobowych. "
        "Możesz ją w każdej chwili wycofać."
    )


def consent_statement() -> str:
    """The consent as stored: the checkbox's label and the sentence under it."""
    return f"{consent_label()} {consent_help()}"


def information_clause() -> list[str]:
    """The information of RODO art. 13, one paragraph each, in the active language."""
    controller = settings.CITY.get("data_controller", {})
    centre = settings.CITY.get("centre", {})
    paragraphs = [
        _("Administratorem Twoich danych osobowych jest %(name)s, %(address)s.")
        % {"name": controller.get("name", ""), "address": controller.get("address", "")},
        _("Z inspektorem ochrony danych skontaktujesz się pod adresem %(dpo)s.")
        % {"dpo": controller.get("dpo_email", "")},
        _(
            "Przetwarzamy Twój adres e-mail oraz wybrane tematy, sfery i osiedla, aby wysyłać Ci wybrane "
            "informacje; podstawą jest Twoja zgoda (art. 6 ust. 1 lit. a RODO)."
        ),
        _(
            "Odbiorcami danych są podmioty, które na zlecenie administratora utrzymują serwis i wysyłają "
            "pocztę elektroniczną (dostawcy usług hostingu i poczty, jako podmioty przetwarzające), "
            "oraz %(centre)s, które przygotowuje wiadomości."
        ) % {"centre": centre.get("name", "")},
    ]
    paragraphs.append(organizations_basis())
    paragraphs.append(transfers_paragraph())
    paragraphs += [
        _(
            "Adres e-mail i wybrane tematy, sfery i osiedla przechowujemy do wycofania zgody, a potem "
            "usuwamy je po %(retention)s dniach. Zapis niepotwierdzony usuwamy po %(days)s dniach."
        ) % {"retention": retention_days(), "days": CONFIRMATION_DAYS},
        _(
            "Po usunięciu adresu zachowujemy wyłącznie zapis zgody: jej treść i wersję, adres e-mail oraz czas "
            "jej wyrażenia, potwierdzenia i wycofania. Jest to dowód udzielenia i wycofania zgody (art. 7 "
            "ust. 1 RODO); przechowujemy go do upływu okresu przedawnienia ewentualnych roszczeń, czyli "
            "%(years)s lat od wycofania zgody. Adres IP i nazwę przeglądarki, z których wyrażono zgodę, "
            "usuwamy z zapisu po %(ip_days)s dniach."
        ) % {"years": consent_retention_years(), "ip_days": ip_retention_days()},
        _(
            "Masz prawo dostępu do swoich danych, ich sprostowania, usunięcia, ograniczenia przetwarzania, "
            "przenoszenia oraz wniesienia sprzeciwu. Zgodę możesz wycofać w każdej chwili (link „Wypisz się” "
            "jest w każdej wiadomości), co nie wpływa na zgodność z prawem przetwarzania przed jej "
            "wycofaniem. Przysługuje Ci skarga do Prezesa Urzędu Ochrony Danych Osobowych."
        ),
        _(
            "Podanie danych jest dobrowolne, ale bez adresu e-mail nie możemy wysyłać wiadomości. "
            "Nie podejmujemy wobec Ciebie decyzji w sposób zautomatyzowany, w tym nie profilujemy."
        ),
    ]
    return paragraphs


def organizations_basis() -> str:
    """Organisations are mailed only after a representative agreed, like a subscriber.

    See docs/law.md#pke-art-398-no-mail-to-imported-addresses.
    """
    return _(
        "Wiadomości do organizacji pozarządowych wysyłamy na adres potwierdzony przez organizację "
        "w katalogu organizacji, dopiero gdy jej przedstawiciel wyrazi na to zgodę w imieniu organizacji "
        "i wybierze tematy (art. 6 ust. 1 lit. a RODO i art. 398 Prawa komunikacji elektronicznej). "
        "Zgodę można w każdej chwili wycofać – na stronie organizacji albo linkiem „Wypisz się” w każdej "
        "wiadomości."
    )


def organization_clause() -> list[str]:
    """The short information shown to representatives choosing their organisation's mailings."""
    controller = settings.CITY.get("data_controller", {})
    return [
        _("Administratorem danych jest %(name)s, %(address)s; inspektor ochrony danych: %(dpo)s.")
        % {"name": controller.get("name", ""), "address": controller.get("address", ""),
           "dpo": controller.get("dpo_email", "")},
        organizations_basis(),
        transfers_paragraph(),
    ]


def transfers_paragraph() -> str:
    """Transfers outside the EEA as the city declares them; none declared means none."""
    transfers = settings.CITY.get("data_controller", {}).get("third_country_transfers", "")
    return transfers or _("Nie przekazujemy danych poza Europejski Obszar Gospodarczy.")


def consent_text(topics) -> str:
    """The full text agreed to: the statement, the chosen topics and the information clause."""
    chosen = ", ".join(str(Topic(topic).label) for topic in sorted(topics))
    return "\n\n".join([consent_statement(), _("Wybrane tematy: %(topics)s.") % {"topics": chosen},
                        *information_clause()])


def record_consent(recipient: Recipient, request, topics, *, confirmed: bool) -> ConsentRecord:
    now = timezone.now()
    return ConsentRecord.objects.create(
        recipient=recipient,
        email=recipient.email,
        text_version=CONSENT_TEXT_VERSION,
        text=consent_text(topics),
        ip_address=client_ip(request) or None,
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
        confirmed_at=now if confirmed else None,
    )


# Choices --------------------------------------------------------------------------------------


def set_choices(recipient: Recipient, *, topics, spheres, districts) -> bool:
    """Store the recipient's topics, spheres and districts; True when the set of topics changed."""
    wanted = set(topics)
    current = recipient.topic_set()
    if wanted != current:
        recipient.topics.exclude(topic__in=wanted).delete()
        RecipientTopic.objects.bulk_create(
            [RecipientTopic(recipient=recipient, topic=topic) for topic in sorted(wanted - current)]
        )
    recipient.spheres.set(spheres)
    recipient.districts.set(districts)
    return wanted != current


# Sign-up and confirmation ---------------------------------------------------------------------


def subscribe(*, email: str, topics, spheres, districts, language: str, request, user=None) -> None:
    """Sign an address up, or tell a subscribed address how to manage its subscription.

    The caller shows the same page either way. A logged-in person's own address is linked to the account.
    """
    email = email.strip().lower()
    own_address = user is not None and user.is_authenticated and user.email.lower() == email
    may_mail = hit("newsletter_signup_address", email, ADDRESS_MAILS_PER_HOUR)
    try:
        with transaction.atomic():
            recipient = Recipient.objects.subscribers().select_for_update().filter(email=email).first()
            if recipient is not None and recipient.is_active:
                if may_mail:
                    transaction.on_commit(partial(send_already_subscribed_task.enqueue, recipient.pk))
                return
            if recipient is None:
                recipient = Recipient.objects.create(kind=Recipient.Kind.SUBSCRIBER, email=email, language=language)
            elif recipient.confirmed_at is None:
                # Signing up again restarts the days the confirmation link is valid.
                Recipient.objects.filter(pk=recipient.pk).update(created_at=timezone.now())
            recipient.language = language
            if own_address:
                recipient.user = user
            recipient.save(update_fields=["language", "user", "updated_at"])
            set_choices(recipient, topics=topics, spheres=spheres, districts=districts)
            record_consent(recipient, request, topics, confirmed=False)
            if may_mail:
                transaction.on_commit(partial(send_confirmation_task.enqueue, recipient.pk))
    except IntegrityError:
        # The same address was signed up at the same moment by another request, which mails it.
        return


def confirmation_cutoff():
    return timezone.now() - timedelta(days=CONFIRMATION_DAYS)


def pending_consent(recipient: Recipient) -> ConsentRecord | None:
    """The latest consent still waiting for the address to confirm it (within CONFIRMATION_DAYS)."""
    return (
        recipient.consents.filter(confirmed_at__isnull=True, withdrawn_at__isnull=True,
                                  given_at__gte=confirmation_cutoff())
        .order_by("-given_at").first()
    )


def needs_confirmation(recipient: Recipient) -> bool:
    return not recipient.is_active and pending_consent(recipient) is not None


def confirm(recipient: Recipient) -> bool:
    """Confirm the pending consent: from now on mailings reach the address. False if nothing was pending."""
    with transaction.atomic():
        recipient = Recipient.objects.select_for_update().get(pk=recipient.pk)
        consent = pending_consent(recipient)
        if consent is None or recipient.is_active:
            return False
        now = timezone.now()
        ConsentRecord.objects.filter(pk=consent.pk).update(confirmed_at=now)
        recipient.confirmed_at = now
        recipient.unsubscribed_at = None
        recipient.save(update_fields=["confirmed_at", "unsubscribed_at", "updated_at"])
    return True


# Preferences and leaving ----------------------------------------------------------------------


def update_preferences(recipient: Recipient, *, topics, spheres, districts, language: str, request) -> None:
    """Save a confirmed recipient's choices; also subscribes it again if it had left.

    The link (or the account) proves the address, so a changed set of topics is a new consent
    confirmed at once; organisations' choices are made by their representatives and need none.
    """
    with transaction.atomic():
        resubscribing = recipient.unsubscribed_at is not None
        changed = set_choices(recipient, topics=topics, spheres=spheres, districts=districts)
        recipient.language = language
        recipient.unsubscribed_at = None
        recipient.save(update_fields=["language", "unsubscribed_at", "updated_at"])
        if recipient.kind == Recipient.Kind.SUBSCRIBER and (changed or resubscribing):
            record_consent(recipient, request, topics, confirmed=True)


def unsubscribe(recipient: Recipient) -> None:
    """Stop this one recipient (an organisation opted out by its representatives); consents are withdrawn."""
    _stop(Recipient.objects.filter(pk=recipient.pk))
    recipient.refresh_from_db(fields=["unsubscribed_at", "updated_at"])


def unsubscribe_address(recipient: Recipient) -> list[Recipient]:
    """Leave by the link in a message: no later mailing reaches the ADDRESS, whichever row it was sent to.

    One address can be both a subscriber and an organisation's confirmed address; a mailing goes to
    one of them, so stopping only that one would let the next mailing through the other. Every row
    with the address is stopped and its consents withdrawn. Returns the other rows that were still
    active, so the page can say that an organisation's address was unsubscribed too.
    """
    same_address = Recipient.objects.filter(email__iexact=recipient.email.strip())
    others = list(same_address.active().exclude(pk=recipient.pk).select_related("organization"))
    _stop(same_address)
    recipient.refresh_from_db(fields=["unsubscribed_at", "updated_at"])
    return others


def address_still_reached(recipient: Recipient) -> bool:
    """Whether any row with the recipient's address still receives mailings (one left before this rule)."""
    return Recipient.objects.active().filter(email__iexact=recipient.email.strip()).exists()


def _stop(recipients) -> None:
    now = timezone.now()
    with transaction.atomic():
        ids = list(recipients.values_list("pk", flat=True))
        # Unsubscribing twice keeps the first moment.
        Recipient.objects.filter(pk__in=ids, unsubscribed_at__isnull=True).update(unsubscribed_at=now, updated_at=now)
        # An organisation's agreement is withdrawn with it: only a representative's new consent brings it back.
        Recipient.objects.filter(pk__in=ids, agreed_at__isnull=False).update(agreed_at=None, updated_at=now)
        ConsentRecord.objects.filter(recipient_id__in=ids, withdrawn_at__isnull=True).update(withdrawn_at=now)


def consent_retention_years() -> int:
    """Years a withdrawn consent record is kept as proof: the limitation period for claims."""
    return int(getattr(settings, "NEWSLETTER_CONSENT_RETENTION_YEARS", 6))


def ip_retention_days() -> int:
    return int(getattr(settings, "PERSONAL_DATA_IP_RETENTION_DAYS", 90))


def years_before(moment, years: int):
    """The same instant `years` earlier (29 February becomes 28 February)."""
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:
        return moment.replace(year=moment.year - years, day=28)


def delete_old_withdrawn_consents(now=None) -> int:
    """Consent records withdrawn longer ago than the limitation period: their work as proof is done."""
    cutoff = years_before(now or timezone.now(), consent_retention_years())
    deleted, _counts = ConsentRecord.objects.filter(withdrawn_at__lt=cutoff).delete()
    return deleted


def drop_old_ip_addresses(now=None) -> int:
    """The IP address and browser of consents given longer ago than ip_retention_days(); returns rows changed."""
    cutoff = (now or timezone.now()) - timedelta(days=ip_retention_days())
    return (
        ConsentRecord.objects.filter(given_at__lt=cutoff)
        .filter(Q(ip_address__isnull=False) | ~Q(user_agent=""))
        .update(ip_address=None, user_agent="")
    )


def retention_days() -> int:
    """Days an unsubscribed subscriber is kept before purge_unsubscribed deletes it."""
    return int(getattr(settings, "NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS", 30))


def purge_unsubscribed(now=None) -> int:
    """Delete subscribers unsubscribed more than retention_days() ago; returns how many were deleted.

    Their consent records stay (recipient becomes NULL, the address and texts remain): they prove the
    consent and its withdrawal (RODO art. 7 ust. 1). Organisations are not deleted: their
    representatives may opt them back in. Idempotent.
    """
    cutoff = (now or timezone.now()) - timedelta(days=retention_days())
    stale = Recipient.objects.subscribers().filter(unsubscribed_at__lt=cutoff)
    with transaction.atomic():
        forget_deliveries_to(stale)
        _total, per_model = stale.delete()
    return per_model.get(Recipient._meta.label, 0)


def forget_deliveries_to(recipients) -> int:
    """The sending log of these recipients keeps its counts but not their address (nor a server reply quoting it).

    Only finished deliveries: an active one is skipped at send time anyway, and the worker still owns it.
    """
    finished = [Delivery.Status.SENT, Delivery.Status.FAILED, Delivery.Status.UNCERTAIN, Delivery.Status.SKIPPED]
    return Delivery.objects.filter(recipient__in=recipients.values("pk"), status__in=finished).update(
        email=Concat(Value("usuniety-"), Cast("pk", CharField()), Value("@adres-usuniety.invalid")),
        last_error="",
    )


def expire_unconfirmed(now=None) -> tuple[int, int]:
    """Delete sign-ups nobody confirmed within CONFIRMATION_DAYS; returns (recipients, consents) deleted."""
    cutoff = (now or timezone.now()) - timedelta(days=CONFIRMATION_DAYS)
    stale = Recipient.objects.subscribers().filter(confirmed_at__isnull=True, created_at__lt=cutoff)
    with transaction.atomic():
        consents, _counts = ConsentRecord.objects.filter(
            Q(recipient__in=stale.values("pk")) | Q(confirmed_at__isnull=True, given_at__lt=cutoff)
        ).delete()
        _total, per_model = stale.delete()  # the total counts the cascaded topic rows too
    return per_model.get(Recipient._meta.label, 0), consents


# E-mails (sent by the task queue after the sign-up commits) ----------------------------------


def topic_labels(recipient: Recipient) -> list:
    return [Topic(topic).label for topic in sorted(recipient.topic_set())]


def confirmation_email(recipient_id: int) -> EmailMessage | None:
    recipient = Recipient.objects.filter(pk=recipient_id).first()
    if recipient is None or not needs_confirmation(recipient):
        return None
    return build_email(
        "newsletter_confirm",
        [recipient.email],
        {"confirm_url": links.confirm_url(recipient), "topics": topic_labels(recipient), "days": CONFIRMATION_DAYS},
        language=recipient.language,
    )


def already_subscribed_email(recipient_id: int) -> EmailMessage | None:
    recipient = Recipient.objects.filter(pk=recipient_id).first()
    if recipient is None or not recipient.is_active:
        return None
    return build_email(
        "newsletter_already_subscribed",
        [recipient.email],
        {
            "preferences_url": links.preferences_url(recipient),
            "unsubscribe_url": links.unsubscribe_url(recipient),
            "topics": topic_labels(recipient),
        },
        language=recipient.language,
    )


@email_task
def send_confirmation_task(recipient_id: int) -> EmailMessage | None:
    return confirmation_email(recipient_id)


@email_task
def send_already_subscribed_task(recipient_id: int) -> EmailMessage | None:
    return already_subscribed_email(recipient_id)

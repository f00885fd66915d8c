"""Demo one-off mailings for the panel: one sent a few days ago (with a few failed and uncertain deliveries,
and a suppressed address), one draft, and one draft to the members of a sector group of the advisory body.
Delivery rows are written with their statuses: nothing is sent.

Runs after the demo recipients (demo_recipients.py); without them it uses addresses of its own.
A mailing is created only when no mailing has its subject, so a second run adds nothing.
"""

from datetime import timedelta

from django.utils import timezone

from partnerstwo.accounts.models import User
from partnerstwo.newsletter.models import Delivery, Mailing, Recipient, SuppressedAddress, Topic
from partnerstwo.team.models import Group

SENT_SUBJECT = "Zaproszenie: spotkanie konsultacyjne projektu programu współpracy na 2027 rok"
SENT_BODY = """Szanowni Państwo,

zapraszamy organizacje pozarządowe na **spotkanie konsultacyjne** projektu rocznego programu współpracy
Miasta z organizacjami pozarządowymi na 2027 rok.

- termin: 3 grudnia 2026 r., godz. 16:00,
- miejsce: Centrum Aktywności Społecznej, sala konferencyjna,
- projekt programu i formularz uwag: [strona konsultacji](/konsultacje/).

Uwagi można zgłaszać także na piśmie do 10 grudnia 2026 r.

Z pozdrowieniami
Centrum Aktywności Społecznej"""

DRAFT_SUBJECT = "Szkolenie: jak rozliczyć dotację – sprawozdanie końcowe krok po kroku"
DRAFT_BODY = """Zapraszamy na bezpłatne szkolenie dla organizacji, które w 2026 roku realizowały zadania publiczne
z dotacji Miasta.

## Program

1. Termin i forma sprawozdania końcowego.
2. Najczęstsze błędy w części finansowej.
3. Korekty i zwrot niewykorzystanej dotacji.

Liczba miejsc ograniczona, zapisy w kalendarzu wydarzeń."""

GROUP_SUBJECT = "Grupa branżowa kultury: materiały przed spotkaniem"
GROUP_BODY = """Szanowni Państwo,

przed najbliższym spotkaniem grupy branżowej kultury przesyłamy założenia konkursów w sferze kultury
na przyszły rok. Uwagi prosimy przynieść na spotkanie albo przesłać koordynatorowi grupy.

Z pozdrowieniami
Centrum Aktywności Społecznej"""

FALLBACK_ADDRESSES = [
    "biuro@fundacja-podlaska.example.org",
    "kontakt@stowarzyszenie-bojary.example.org",
    "zarzad@klub-seniora-piaski.example.org",
    "info@teatr-ulicy.example.org",
    "sekretariat@bank-zywnosci.example.org",
    "fundacja@dzieci-z-osiedla.example.org",
    "kontakt@ekologiczny-bialystok.example.org",
    "biuro@uks-dojlidy.example.org",
]
PERMANENT_ERROR = "550 5.1.1 <{email}>: Recipient address rejected: User unknown in virtual mailbox table"
TEMPORARY_ERROR = "Po 5 próbach: 421 4.7.0 Try again later, closing connection"
UNCERTAIN_ERROR = (
    "Proces wysyłający przerwał pracę po przekazaniu wiadomości serwerowi pocztowemu, a przed zapisaniem "
    "wyniku: nie wiadomo, czy wiadomość dotarła."
)


def load(stdout, **options):
    author = User.objects.filter(role=User.Role.OFFICIAL).order_by("pk").first()
    now = timezone.now()
    created = 0
    if not Mailing.objects.filter(subject=SENT_SUBJECT).exists():
        _sent_mailing(author, now)
        created += 1
    if not Mailing.objects.filter(subject=DRAFT_SUBJECT).exists():
        Mailing.objects.create(
            subject=DRAFT_SUBJECT, body=DRAFT_BODY, segment=Mailing.Segment.TOPIC, topic=Topic.TRAININGS,
            created_by=author,
        )
        created += 1
    group = Group.objects.filter(slug="kultura").first()
    if group and not Mailing.objects.filter(subject=GROUP_SUBJECT).exists():
        Mailing.objects.create(
            subject=GROUP_SUBJECT, body=GROUP_BODY, segment=Mailing.Segment.TEAM_GROUP, team_group=group,
            created_by=author,
        )
        created += 1
    stdout.write(f"  wysyłki przygotowane przez Centrum: {created} nowe")


def _recipients() -> list[tuple[Recipient | None, str]]:
    """The demo's organisation recipients, topped up with addresses of our own to a dozen."""
    rows = [
        (recipient, recipient.email)
        for recipient in Recipient.objects.active().filter(kind=Recipient.Kind.ORGANIZATION).order_by("email")[:40]
    ]
    taken = {email for _recipient, email in rows}
    rows += [(None, email) for email in FALLBACK_ADDRESSES if email not in taken][: max(0, 12 - len(rows))]
    return rows


def _sent_mailing(author, now) -> None:
    started = now - timedelta(days=4, hours=2)
    mailing = Mailing.objects.create(
        subject=SENT_SUBJECT, body=SENT_BODY, segment=Mailing.Segment.ALL_ORGANIZATIONS, created_by=author,
        status=Mailing.Status.DONE, started_at=started, finished_at=started + timedelta(minutes=3),
    )
    rows = _recipients()
    # The last four addresses: a permanent refusal, a server that kept saying "later", two uncertain ones.
    outcomes = [("sent", "")] * (len(rows) - 4) + [
        ("failed", PERMANENT_ERROR), ("failed", TEMPORARY_ERROR), ("uncertain", UNCERTAIN_ERROR),
        ("uncertain", UNCERTAIN_ERROR),
    ]
    deliveries = []
    for (recipient, email), (status, error) in zip(rows, outcomes, strict=True):
        deliveries.append(Delivery(
            mailing=mailing, recipient=recipient, email=email, language=getattr(recipient, "language", "pl"),
            status=status, attempts=5 if error == TEMPORARY_ERROR else 1, last_error=error.format(email=email),
            sent_at=started + timedelta(minutes=1) if status == "sent" else None,
        ))
    Delivery.objects.bulk_create(deliveries, ignore_conflicts=True)
    refused = next(delivery for delivery in deliveries if delivery.last_error.startswith("550"))
    SuppressedAddress.objects.get_or_create(
        email=refused.email,
        defaults={"reason": refused.last_error, "delivery": Delivery.objects.get(mailing=mailing, email=refused.email)},
    )

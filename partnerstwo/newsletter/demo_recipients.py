"""Demo newsletter recipients: confirmed subscribers with their consent rows, two unconfirmed sign-ups,
and the organisations whose contact address is confirmed (a few demo organisations get one here).
Every other of those organisations has agreed to mailings through a representative; the rest, among
them those the demo representative speaks for (so they see the question), have not been asked yet."""

from datetime import timedelta
from types import SimpleNamespace

from django.db.models import Q
from django.utils import timezone, translation

from partnerstwo.city.models import District, PublicTaskSphere
from partnerstwo.newsletter.models import ConsentRecord, Recipient, RecipientTopic
from partnerstwo.newsletter.organization_recipients import consent_text as organization_consent_text
from partnerstwo.newsletter.organization_recipients import sync_organization_recipients
from partnerstwo.newsletter.subscriptions import CONSENT_TEXT_VERSION, consent_text
from partnerstwo.organizations.models import Organization, Representation

# e-mail, language, topics, sphere slugs, district names, days since confirmation
SUBSCRIBERS = [
    ("katarzyna.wisniewska@example.org", "pl", ["events_digest", "trainings"], [], [], 120),
    ("marek.kowalski@example.org", "pl", ["grants", "grant_reminders"], ["culture"], [], 95),
    ("joanna.zawadzka@example.org", "pl", ["events_digest"], ["seniors", "health"], ["Bojary"], 80),
    ("pawel.sidorczuk@example.org", "pl", ["consultations", "positions"], [], [], 64),
    ("agnieszka.olszewska@example.org", "pl", ["trainings", "grants"], ["education", "children-and-youth"], [], 60),
    ("tomasz.borowski@example.org", "pl", ["event_notices"], ["sport"], ["Antoniuk", "Dziesięciny I"], 45),
    ("ewa.kaminska@example.org", "pl", ["news", "positions"], [], ["Centrum"], 40),
    ("jan.szymanski@example.org", "pl", ["grants", "consultations", "news"], ["ecology-animals"], [], 33),
    ("anna.lukaszewicz@example.org", "pl", ["events_digest", "event_notices"], ["culture", "tourism"],
     ["Piaski", "Centrum"], 28),
    ("michal.dabrowski@example.org", "pl", ["trainings"], ["ngo-support", "volunteering"], [], 21),
    ("olena.kovalenko@example.org", "en", ["events_digest", "news"], ["foreigners-integration"], [], 17),
    ("barbara.krol@example.org", "pl", ["grant_reminders"], ["social-assistance", "disability"], [], 12),
    ("krzysztof.wasilewski@example.org", "pl", ["events_digest", "grants"], [], ["Wysoki Stoczek"], 7),
    ("magdalena.sawicka@example.org", "pl", ["consultations"], ["revitalisation"], ["Bojary", "Mickiewicza"], 4),
    ("piotr.nazaruk@example.org", "pl", ["events_digest", "trainings", "grants", "positions"], [], [], 1),
]
UNCONFIRMED = [
    ("nowa.osoba@example.org", ["events_digest"]),
    ("jeszcze.niepotwierdzony@example.org", ["grants", "trainings"]),
]
# Demo organisations with a confirmed contact address when the directory's demo gives none.
CONFIRMED_ORGANIZATIONS = 6


def load(stdout, **options):
    now = timezone.now()
    spheres = {sphere.slug: sphere for sphere in PublicTaskSphere.objects.all()}
    districts = {district.name: district for district in District.objects.all()}
    created = 0
    for email, language, topics, sphere_slugs, district_names, days in SUBSCRIBERS:
        confirmed_at = now - timedelta(days=days)
        recipient, is_new = Recipient.objects.get_or_create(
            kind=Recipient.Kind.SUBSCRIBER, email=email,
            defaults={"language": language, "confirmed_at": confirmed_at},
        )
        if not is_new:
            continue
        _choose(recipient, topics, [spheres[s] for s in sphere_slugs if s in spheres],
                [districts[d] for d in district_names if d in districts])
        _consent(recipient, topics, given_at=confirmed_at - timedelta(minutes=7), confirmed_at=confirmed_at)
        created += 1
    for email, topics in UNCONFIRMED:
        recipient, is_new = Recipient.objects.get_or_create(kind=Recipient.Kind.SUBSCRIBER, email=email)
        if is_new:
            _choose(recipient, topics, [], [])
            _consent(recipient, topics, given_at=now - timedelta(days=2), confirmed_at=None)
            created += 1
    stdout.write(f"  subskrybenci newslettera: {created} nowych, razem {Recipient.objects.subscribers().count()}")

    confirmed = _confirm_some_organizations(now)
    counts = sync_organization_recipients()
    agreed = _agree_for_some_organizations(now)
    stdout.write(
        f"  organizacje z potwierdzonym adresem: {confirmed} nowych; odbiorcy-organizacje: {counts['created']} nowych;"
        f" ze zgodą na wiadomości: {agreed} nowych"
    )


def _agree_for_some_organizations(now) -> int:
    """Organisations never asked (no consent row) with an even id agree, except those of the demo representative;
    by id rather than by position, so a second run agrees for nobody more."""
    demo_representative = Representation.objects.filter(user__email="organizacja@example.org")
    never_asked = (
        Recipient.objects.organizations().filter(confirmed_at__isnull=False, consents=None)
        .exclude(organization__in=demo_representative.values("organization"))
        .select_related("organization").order_by("pk")
    )
    agreed = 0
    someone = SimpleNamespace(full_name="przedstawiciel organizacji (dane demonstracyjne)", email="")
    for index, recipient in enumerate(never_asked):
        if recipient.organization_id % 2:
            continue
        moment = now - timedelta(days=20 + index)
        with translation.override("pl"):
            text = organization_consent_text(recipient.organization, recipient, recipient.topic_set(), someone)
        consent = ConsentRecord.objects.create(
            recipient=recipient, email=recipient.email, text_version=CONSENT_TEXT_VERSION, text=text,
            confirmed_at=moment,
        )
        ConsentRecord.objects.filter(pk=consent.pk).update(given_at=moment)
        Recipient.objects.filter(pk=recipient.pk).update(agreed_at=moment)
        agreed += 1
    return agreed


def _choose(recipient, topics, spheres, districts):
    RecipientTopic.objects.bulk_create([RecipientTopic(recipient=recipient, topic=topic) for topic in topics])
    recipient.spheres.set(spheres)
    recipient.districts.set(districts)


def _consent(recipient, topics, *, given_at, confirmed_at):
    with translation.override(recipient.language):
        text = consent_text(topics)
    consent = ConsentRecord.objects.create(
        recipient=recipient, email=recipient.email, text_version=CONSENT_TEXT_VERSION, text=text,
        ip_address="192.0.2.15", user_agent="Mozilla/5.0 (X11; Linux x86_64) Firefox/132.0",
        confirmed_at=confirmed_at,
    )
    # given_at is set on creation; the demo dates it back to the sign-up.
    ConsentRecord.objects.filter(pk=consent.pk).update(given_at=given_at)
    if confirmed_at is None:
        Recipient.objects.filter(pk=recipient.pk).update(created_at=given_at)


def _confirm_some_organizations(now) -> int:
    """As if their representatives had confirmed the address on joining: the organisations the demo
    representative speaks for, and the first few others, when the directory's demo confirmed none."""
    if Organization.objects.exclude(confirmed_contact_email="").exists():
        return 0
    represented = Representation.objects.filter(status=Representation.Status.APPROVED).values("organization")
    chosen = list(
        Organization.objects.filter(is_published=True).exclude(email="")
        .filter(Q(pk__in=represented) | Q(pk__in=Organization.objects.filter(is_published=True).exclude(email="")
                                          .order_by("pk").values("pk")[:CONFIRMED_ORGANIZATIONS]))
    )
    for index, organization in enumerate(chosen):
        organization.confirmed_contact_email = organization.email.lower()
        organization.contact_email_confirmed_at = now - timedelta(days=60 + index * 9)
        organization.save(update_fields=["confirmed_contact_email", "contact_email_confirmed_at"])
    return len(chosen)

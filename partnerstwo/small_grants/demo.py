"""Demo small grants (art. 19a) around today: one offer open for comments with two confirmed comments,
one decided, one received and not yet published. Keyed by title, so running it twice changes nothing."""

from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from partnerstwo.accounts.models import User
from partnerstwo.city.models import Department, PublicTaskSphere
from partnerstwo.lib.workdays import add_working_days
from partnerstwo.organizations.models import Organization
from partnerstwo.small_grants import procedure
from partnerstwo.small_grants.models import SmallGrantComment, SmallGrantOffer

DEPARTMENT = "Departament Spraw Społecznych"

# A one-page PDF standing in for the scanned offer form.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
    b"4 0 obj<</Length 60>>stream\nBT /F1 18 Tf 72 770 Td (Oferta realizacji zadania publicznego) Tj ET\nendstream\n"
    b"endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

# (title, organisation, sphere slug, amount, task starts in days, task days, received days ago, state, summary)
OFFERS = [
    (
        "Sąsiedzka kawiarenka dla seniorów z Dojlid – zimowe spotkania",
        "Stowarzyszenie Przyjaciół Osiedla Dojlidy", "seniors", "6800.00", 21, 60, 4, "open",
        "Osiem środowych spotkań w świetlicy przy ul. Dojlidy Fabryczne: rozmowy przy herbacie, gimnastyka "
        "na krzesłach, warsztaty z bezpiecznego korzystania z bankowości internetowej i wspólne kolędowanie. "
        "Koszty: wynajem sali, materiały, honoraria dwóch prowadzących, poczęstunek.",
    ),
    (
        "Warsztaty kompostowania na działkach przy ul. Lipowej",
        "Fundacja Edukacji Ekologicznej Podlasie", "ecology-animals", "4200.00", -20, 45, 34, "accepted",
        "Sześć sobotnich warsztatów dla mieszkańców i uczniów: zakładanie kompostownika, segregacja odpadów "
        "zielonych, pokaz ogrodu deszczowego.",
    ),
    (
        "Chór „Złota Jesień” na Dniach Antoniuka 2027",
        "Stowarzyszenie Seniorów „Złota Jesień” z Antoniuka", "culture", "3500.00", 120, 30, 1, "received",
        "Przygotowanie koncertu chóru seniorów: próby z akompaniatorem, stroje, transport nagłośnienia.",
    ),
]

# Comments on the open offer, and the one on the decided offer.
COMMENTS = [
    ("Halina Borowska", "h.borowska@example.org",
     "Bardzo potrzebne. Proszę tylko, by spotkania zaczynały się nie wcześniej niż o 11:00 – rano trudno "
     "dojechać autobusem z Dojlid Górnych."),
    ("Rada Osiedla Dojlidy", "rada.dojlidy@example.org",
     "Popieramy. Świetlica jest dostępna dla osób na wózkach od strony parkingu; warto to napisać w zaproszeniu."),
]
DECIDED_COMMENT = ("Marek Zalewski", "m.zalewski@example.org",
                   "Dobry pomysł. Czy jeden z warsztatów mógłby się odbyć w sobotę? W tygodniu pracujemy.")

DECISION = (
    "Oferta przyjęta. W terminie na uwagi wpłynęła jedna uwaga (prośba o termin sobotni), którą organizacja "
    "uwzględniła w harmonogramie. Umowa zostanie zawarta niezwłocznie."
)


def load(stdout, **options):
    department = Department.objects.filter(name=DEPARTMENT).first() or Department.objects.order_by("pk").first()
    official = User.objects.filter(role=User.Role.OFFICIAL, department=department).order_by("pk").first()
    today = procedure.local_today()
    made = 0
    for title, organization_name, sphere_slug, amount, start_in, days, received_ago, state, summary in OFFERS:
        if SmallGrantOffer.objects.filter(title=title).exists():
            continue
        organization = Organization.objects.filter(name=organization_name).first()
        sphere = PublicTaskSphere.objects.filter(slug=sphere_slug).first()
        if organization is None or sphere is None or department is None:
            continue
        task_start = today + timedelta(days=start_in)
        received_on = today - timedelta(days=received_ago)
        offer = SmallGrantOffer(
            organization=organization, department=department, sphere=sphere, title=title, summary=summary,
            amount=Decimal(amount), task_start=task_start, task_end=task_start + timedelta(days=days - 1),
            received_on=received_on, registered_by=official,
        )
        offer.file.save("oferta.pdf", ContentFile(PDF), save=False)
        if state != "received":
            # BIP and the website the next working day, the notice board a day later: the comments count from it.
            offer.bip_published_on = offer.website_published_on = add_working_days(received_on, 1)
            published_on = offer.notice_board_published_on = add_working_days(received_on, 2)
            offer.status = SmallGrantOffer.Status.PUBLISHED
            offer.published_on = published_on
            offer.comments_until = procedure.comments_until(published_on)
        if state == "accepted":
            offer.status = SmallGrantOffer.Status.ACCEPTED
            offer.decision_reason = DECISION
            offer.decided_by = official
            offer.decided_at = timezone.now() - timedelta(days=received_ago - 12)
        offer.save()
        made += 1
        comments = {"open": COMMENTS, "accepted": [DECIDED_COMMENT]}.get(state, [])
        for hours, (name, email, text) in enumerate(comments, start=1):
            sent = timezone.now() - timedelta(days=1, hours=hours) if state == "open" else (
                timezone.now() - timedelta(days=received_ago - 4, hours=hours)
            )
            comment = SmallGrantComment.objects.create(
                offer=offer, author_name=name, email=email, text=text, confirmed_at=sent + timedelta(minutes=9)
            )
            SmallGrantComment.objects.filter(pk=comment.pk).update(created_at=sent)
    stdout.write(f"  małe granty (art. 19a): {SmallGrantOffer.objects.count()} (nowe: {made})")

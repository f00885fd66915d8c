"""Demo organisations' news: a few published items of demo organisations (one with a photo and a link), one
waiting for the Centre's review and one returned. Keyed by title, so running it again creates nothing new."""

import io
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from partnerstwo.accounts.models import User
from partnerstwo.organizations.models import Organization
from partnerstwo.orgnews.models import Post, Status

REPRESENTATIVE = "organizacja@example.org"
OFFICIAL = "urzednik@example.org"

# (title, organisation index, days ago, body, link, photo description or "")
PUBLISHED = [
    ("Wiosenne sprzątanie Lasu Pietrasze", 0, 3,
     "W sobotę **62 osoby** – w tym dwie klasy szkoły podstawowej – zebrały ponad 80 worków śmieci.\n\n"
     "Dziękujemy Zakładowi Oczyszczania za odbiór i wszystkim za rękawice i dobry humor.",
     "https://example.org/relacja-sprzatanie", "Wolontariusze z pełnymi workami na skraju lasu"),
    ("Ruszył punkt porad dla seniorów", 1, 8,
     "Od poniedziałku w naszej siedzibie działa bezpłatny punkt porad prawnych i cyfrowych dla osób 60+.\n\n"
     "- wtorki 10–14: porady prawne,\n- czwartki 12–16: pomoc z telefonem i komputerem.", "", ""),
    ("Drużyna juniorów wygrała turniej wojewódzki", 2, 15,
     "Nasi juniorzy zajęli pierwsze miejsce w turnieju piłki halowej. Trenujemy dalej – zapraszamy nowych "
     "zawodników w wieku 10–14 lat.", "", ""),
    ("Koncert kolęd w Domu Pomocy Społecznej", 3, 24,
     "Chór stowarzyszenia zaśpiewał dla mieszkańców DPS. Za rok chcemy odwiedzić trzy domy.", "", ""),
]
PENDING = ("Zbiórka karmy dla schroniska", "Do końca miesiąca zbieramy karmę i koce w trzech punktach na osiedlu.")
RETURNED = ("Zapraszamy", "Zapraszamy.", "Napiszcie, na co i kiedy zapraszacie – teraz z wiadomości nic nie wynika.")


def demo_photo() -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 500), "#3b7d4f").save(buffer, format="JPEG", quality=80)
    return ContentFile(buffer.getvalue(), name="sprzatanie.jpg")


def load(stdout, **options):
    organizations = list(Organization.objects.public().order_by("pk")[:8])
    if not organizations:
        stdout.write("  z życia organizacji: brak organizacji")
        return
    users = {user.email: user for user in User.objects.filter(email__in=[REPRESENTATIVE, OFFICIAL])}
    now = timezone.now()
    created = 0
    for title, index, days_ago, body, link, alt in PUBLISHED:
        if Post.objects.filter(title=title).exists():
            continue
        Post.objects.create(
            organization=organizations[index % len(organizations)], title=title, body=body, link=link,
            image=demo_photo() if alt else "", image_alt=alt, status=Status.PUBLISHED,
            published_at=now - timedelta(days=days_ago), reviewed_by=users.get(OFFICIAL),
        )
        created += 1
    representative = users.get(REPRESENTATIVE)
    own = Organization.objects.represented_by(representative).first() if representative else None
    for (title, body, *reason), status in ((PENDING, Status.PENDING), (RETURNED, Status.RETURNED)):
        if Post.objects.filter(title=title).exists():
            continue
        Post.objects.create(
            organization=own or organizations[0], title=title, body=body, status=status,
            submitted_by=representative, review_reason=reason[0] if reason else "",
            reviewed_by=users.get(OFFICIAL) if reason else None,
        )
        created += 1
    stdout.write(f"  z życia organizacji: {created} nowych")

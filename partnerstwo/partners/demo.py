"""Demo partner posts: open ones from organisations, a department and the Centre, two past their end date,
one waiting for moderation and one rejected with its reason, and an answer with the poster's reply. Keyed
by title, dated from today."""

from datetime import timedelta

from django.utils import timezone

from partnerstwo.accounts.models import User
from partnerstwo.city.models import Department, District, PublicTaskSphere
from partnerstwo.organizations.models import Organization
from partnerstwo.partners.models import LookingFor, PartnerAnswer, PartnerKind, PartnerPost, PosterKind, Status

REPRESENTATIVE = "organizacja@example.org"
OFFICIAL = "urzednik@example.org"
ADMINISTRATOR = "admin@example.org"

# (title, looking for, poster kind, sphere, district index, partner kind, ends in days, status, description)
POSTS = [
    ("Szukamy partnera do projektu „Sąsiedzi dla klimatu”", LookingFor.PROJECT_PARTNER, PosterKind.ORGANIZATION,
     "local-communities", 0, PartnerKind.NGO, 30, Status.PUBLISHED,
     "Składamy wniosek do programu grantowego na zazielenianie podwórek. Szukamy organizacji, która poprowadzi "
     "warsztaty dla dzieci (ok. 10 spotkań) i ma doświadczenie w edukacji ekologicznej."),
    ("Wolontariusze na Dzień Sąsiada", LookingFor.VOLUNTEERS, PosterKind.ORGANIZATION, "volunteering", 0, "",
     14, Status.PUBLISHED,
     "Potrzebujemy 8 osób do pomocy przy stoiskach i grach dla dzieci w sobotę od 10:00 do 15:00. Zapewniamy "
     "posiłek, koszulkę i zaświadczenie o wolontariacie."),
    ("Sala na spotkania grupy wsparcia", LookingFor.VENUE, PosterKind.ORGANIZATION, "health", 2,
     PartnerKind.CITY_UNIT, 45, Status.PUBLISHED,
     "Szukamy sali dla 15 osób, dostępnej dla osób na wózkach, w czwartki 17:00–19:00. Możemy się dołożyć do "
     "kosztów sprzątania."),
    ("Wspólna oferta na wypoczynek letni dzieci", LookingFor.JOINT_OFFER, PosterKind.DEPARTMENT,
     "children-and-youth", None, PartnerKind.NGO, 60, Status.PUBLISHED,
     "Departament zachęca organizacje do złożenia wspólnej oferty (art. 14 ust. 2 ustawy) na półkolonie "
     "w czterech osiedlach. Chętnie połączymy organizacje, które się jeszcze nie znają."),
    ("Nagłośnienie i namiot do użyczenia", LookingFor.EQUIPMENT, PosterKind.CENTRE, "ngo-support", None, "",
     90, Status.PUBLISHED,
     "Centrum użycza organizacjom zestaw nagłośnieniowy i namiot 3×6 m na wydarzenia plenerowe. Napisz, na "
     "kiedy i na jakie wydarzenie."),
    ("Partner biznesowy do zbiórki żywności", LookingFor.PROJECT_PARTNER, PosterKind.ORGANIZATION,
     "social-assistance", 1, PartnerKind.BUSINESS, 21, Status.PUBLISHED,
     "Szukamy sklepu lub hurtowni, która przyjmie naszych wolontariuszy podczas świątecznej zbiórki."),
    ("Szkoła do wspólnych warsztatów teatralnych", LookingFor.PROJECT_PARTNER, PosterKind.ORGANIZATION,
     "culture", 3, PartnerKind.SCHOOL, 35, Status.PUBLISHED,
     "Teatr uliczny szuka szkoły, która udostępni salę gimnastyczną i zaprosi uczniów na cykl warsztatów."),
    ("Wolontariusze do wiosennego sprzątania", LookingFor.VOLUNTEERS, PosterKind.ORGANIZATION, "ecology-animals",
     0, "", -10, Status.PUBLISHED, "Akcja sprzątania brzegów stawów – już się odbyła."),
    ("Sprzęt do festynu (ogłoszenie zakończone)", LookingFor.EQUIPMENT, PosterKind.ORGANIZATION, "culture", 1, "",
     -40, Status.PUBLISHED, "Szukaliśmy stołów i ławek na festyn osiedlowy."),
    ("Szukamy partnera do biegu charytatywnego", LookingFor.PROJECT_PARTNER, PosterKind.ORGANIZATION, "sport", 0,
     PartnerKind.NGO, 50, Status.PENDING, "Bieg wokół stawów Dojlidzkich – szukamy klubu sportowego do pomiaru czasu."),
    ("Sprzedam rower", LookingFor.EQUIPMENT, PosterKind.ORGANIZATION, "", None, "", 20, Status.REJECTED,
     "Tanio, stan dobry."),
]
REJECTION = "Ogłoszenia sprzedaży nie dotyczą współpracy na rzecz mieszkańców (zasady serwisu, pkt 2)."


def load(stdout, **options):
    today = timezone.localdate()
    now = timezone.now()
    organizations = list(Organization.objects.public().order_by("pk")[:8])
    districts = list(District.objects.order_by("pk"))
    spheres = {sphere.slug: sphere for sphere in PublicTaskSphere.objects.all()}
    users = {u.email: u for u in User.objects.filter(email__in=[REPRESENTATIVE, OFFICIAL, ADMINISTRATOR])}
    department = Department.objects.filter(name="Departament Spraw Społecznych").first()
    if not organizations or not users.get(REPRESENTATIVE):
        return
    created = 0
    for index, (title, looking_for, poster, sphere, district, partner, ends_in, status, text) in enumerate(POSTS):
        if PartnerPost.objects.filter(title=title).exists():
            continue
        by = {PosterKind.ORGANIZATION: REPRESENTATIVE, PosterKind.DEPARTMENT: OFFICIAL}.get(poster, ADMINISTRATOR)
        post = PartnerPost(
            title=title, looking_for=looking_for, description=text, poster_kind=poster,
            organization=(organizations[0] if index < 2 or status != Status.PUBLISHED else
                          organizations[index % len(organizations)]) if poster == PosterKind.ORGANIZATION else None,
            department=department if poster == PosterKind.DEPARTMENT else None,
            sphere=spheres.get(sphere), district=districts[district] if district is not None and districts else None,
            partner_kind=partner, ends_on=today + timedelta(days=ends_in), created_by=users.get(by), status=status,
            published_at=now - timedelta(days=len(POSTS) - index) if status == Status.PUBLISHED else None,
            moderation_reason=REJECTION if status == Status.REJECTED else "",
            moderated_by=users.get(OFFICIAL) if status != Status.PENDING else None,
        )
        post.save()
        created += 1
        if index == 0:
            PartnerAnswer.objects.create(
                post=post, sender_name="Fundacja Edukacji Ekologicznej Podlasie", sender_email="fee@example.org",
                text="Chętnie poprowadzimy warsztaty – mamy program dla klas 1–3. Porozmawiajmy o terminach.",
                reply_text="Dziękujemy! Zadzwonię w przyszłym tygodniu.", replied_at=now,
            )
    stdout.write(f"  ogłoszenia partnerskie: {created} nowych")

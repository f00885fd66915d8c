"""Demo events for this month and the next: one-off and repeating, a full training with a waiting list,
the NGO Forum with its programme, some cancelled, some waiting for review. Keyed by slug, so running it
twice creates nothing new (dates follow the current month when it runs in a later one).

The demo representative speaks for the first organisation and sees only its events under "Moje
wydarzenia": one published (with a change of it awaiting review), one with registration here (with a
registration whose address is not yet confirmed), one pending and one returned.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone

from partnerstwo.accounts.models import User
from partnerstwo.city.models import Department, District, PublicTaskSphere
from partnerstwo.events import recurrence, schedule
from partnerstwo.events import registration as registrations
from partnerstwo.events.models import (
    Event,
    EventChange,
    EventKind,
    EventStatus,
    ForumSession,
    OrganizerKind,
    Registration,
    RegistrationMode,
)
from partnerstwo.lib.workdays import is_public_holiday, is_working_day
from partnerstwo.organizations.models import Organization, Representation

DEPARTMENT = "Departament Spraw Społecznych"
REPRESENTATIVE = "organizacja@example.org"
TEAM_MEMBER = "zespol@example.org"
OFFICIAL = "urzednik@example.org"

# The events of the demo representative's own organisation (the first one); the rest belong to others.
OWN_EVENTS = {"piknik-dojlidy", "pierwsza-pomoc", "rajd-rowerowy", "akcja-krwiodawstwo"}

K = EventKind
# key, title, kind, day offset from the 1st of this month, hour, hours, flags
# flags: o=organisation, c=centre, z=advisory body, m=city, w=online, f=paid, a=accessible, h=registration here,
#        e=external registration, x=cancelled, p=pending, r=returned
EVENTS = [
    ("konsultacje-programu", "Spotkanie konsultacyjne programu współpracy na przyszły rok", K.MEETING, 2, 17, 2, "ma"),
    ("rodo-w-ngo", "Szkolenie: RODO w małej organizacji", K.TRAINING, 3, 10, 4, "cha"),
    ("piknik-dojlidy", "Piknik sąsiedzki nad stawami Dojlidzkimi", K.INTEGRATION, 4, 12, 5, "oa"),
    ("debata-seniorzy", "Debata: miasto przyjazne seniorom", K.PANEL, 5, 16, 2, "oa"),
    ("sprzatanie-bialej", "Sprzątanie brzegów rzeki Białej", K.VOLUNTEERING, 6, 9, 3, "o"),
    ("ksiegowosc-ngo", "Szkolenie online: księgowość fundacji i stowarzyszeń", K.TRAINING, 7, 18, 2, "cwh"),
    ("zespol-posiedzenie", "Posiedzenie Zespołu Konsultacyjnego", K.MEETING, 8, 16, 2, "za"),
    ("warsztaty-ekologiczne", "Warsztaty ekologiczne dla rodzin z dziećmi", K.TRAINING, 9, 11, 3, "oe"),
    ("koncert-charytatywny", "Koncert charytatywny dla schroniska", K.OTHER, 10, 19, 2, "ofa"),
    ("fundraising", "Szkolenie: fundraising i crowdfunding", K.TRAINING, 11, 10, 5, "ch"),
    ("wigilia-organizacji", "Spotkanie opłatkowe organizacji pozarządowych", K.INTEGRATION, 12, 15, 3, "ca"),
    ("turniej-orlik", "Turniej piłkarski dzieci z osiedli", K.OTHER, 13, 10, 6, "o"),
    ("wolontariat-akcja", "Akcja wolontariacka: paczki dla potrzebujących", K.VOLUNTEERING, 14, 9, 8, "o"),
    ("panel-mlodziez", "Panel: młodzież w organizacjach", K.PANEL, 15, 17, 2, "ox"),
    ("dostepnosc-szkolenie", "Szkolenie: wydarzenia dostępne dla wszystkich", K.TRAINING, 16, 10, 4, "cah"),
    ("wieczor-gier", "Wieczór gier planszowych", K.INTEGRATION, 17, 18, 3, "o"),
    ("konkurs-ofert", "Spotkanie informacyjne o otwartym konkursie ofert", K.MEETING, 19, 12, 2, "mwa"),
    ("warsztaty-rekodziela", "Warsztaty rękodzieła i wycinanki kurpiowskiej", K.TRAINING, 20, 14, 3, "of"),
    ("bieg-charytatywny", "Bieg charytatywny wokół Parku Planty", K.VOLUNTEERING, 22, 10, 3, "ox"),
    ("pierwsza-pomoc", "Kurs pierwszej pomocy dla wolontariuszy", K.TRAINING, 23, 9, 6, "oha"),
    ("debata-klimat", "Debata o klimacie w mieście", K.PANEL, 25, 17, 2, "cwa"),
    ("spotkanie-sasiedzkie", "Spotkanie sąsiedzkie na Antoniuku", K.MEETING, 27, 18, 2, "o"),
    ("warsztat-wnioski", "Warsztat pisania wniosków grantowych", K.TRAINING, 33, 10, 4, "ch"),
    ("ferie-zajecia", "Zajęcia dla dzieci w czasie ferii", K.OTHER, 35, 9, 5, "of"),
    ("zbiorka-karmy", "Zbiórka karmy dla zwierząt", K.VOLUNTEERING, 37, 10, 6, "o"),
    ("kawiarenka-seniora", "Kawiarenka seniora: rozmowy o zdrowiu", K.MEETING, 38, 11, 2, "oa"),
    ("panel-partycypacja", "Panel: budżet obywatelski a organizacje", K.PANEL, 40, 17, 2, "ma"),
    ("webinar-1-5", "Webinar: jak pozyskać 1,5% podatku", K.TRAINING, 42, 18, 1, "cw"),
    ("integracja-kultur", "Spotkanie integracyjne: kuchnie świata", K.INTEGRATION, 44, 16, 3, "ox"),
    ("rajd-rowerowy", "Rajd rowerowy szlakiem podlaskich tradycji", K.OTHER, 47, 9, 6, "op"),
    ("warsztaty-teatralne", "Warsztaty teatralne dla młodzieży", K.TRAINING, 49, 15, 3, "op"),
    ("akcja-krwiodawstwo", "Akcja honorowego krwiodawstwa", K.VOLUNTEERING, 52, 9, 5, "or"),
]

SPHERE_CYCLE = [
    ["local-communities"], ["education"], ["ecology-animals"], ["seniors"], ["culture"], ["social-assistance"],
    ["sport"], ["children-and-youth"], ["family-support"], ["volunteering"],
]


# The Centre's events the demo news announce (news/demo_texts), by slug: the news link them and give their days.
ANNOUNCED_MEETING = "demo-spotkanie-integracyjne-organizacji"
ANNOUNCED_TRAINING = "demo-szkolenie-sprawozdawczosc-opp"
ADVISORY_HOURS = "demo-dyzury-doradcze"
FORUM = "demo-forum-inicjatyw-pozarzadowych"
FORUM_IN_DAYS = 20  # the Forum always lies ahead: its first day is this many days from today
ADVISORY_HOURS_FROM = -29  # days from today: publication_day of the news about them (06-dyzury-doradcze…)


def working_day_from(day: datetime.date, step: int = 1) -> datetime.date:
    """The day itself if it is a working day, else the nearest one after it (step 1) or before it (step -1)."""
    while not is_working_day(day):
        day += datetime.timedelta(days=step)
    return day


def announced_days(today: datetime.date) -> dict[str, datetime.date]:
    """The days of the announced events, as the news texts name them ({{ meeting_day }}, {{ training_day }}...)."""
    return {
        "meeting_day": working_day_from(today + datetime.timedelta(days=19)),
        "training_day": working_day_from(today + datetime.timedelta(days=5)),
        "forum_day": today + datetime.timedelta(days=FORUM_IN_DAYS),
    }


def centre() -> dict:
    """The city's NGO Cooperation Centre as configured (config/cities/*.toml): its events happen there, and
    the demo's texts give the same address and telephone as the footer."""
    return settings.CITY["centre"]

def load(stdout, **options):
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    first = timezone.localdate().replace(day=1)
    department = Department.objects.filter(name=DEPARTMENT).first()
    organizations = list(Organization.objects.public().order_by("pk")[:16])
    districts = list(District.objects.order_by("pk"))
    spheres = {sphere.slug: sphere for sphere in PublicTaskSphere.objects.all()}
    users = {user.email: user for user in User.objects.filter(email__in=[REPRESENTATIVE, TEAM_MEMBER, OFFICIAL])}
    representative = users.get(REPRESENTATIVE)
    if representative and organizations:
        # The demo representative speaks for the first organisation, so "Moje wydarzenia" has something to show.
        Representation.objects.get_or_create(
            user=representative, organization=organizations[0],
            defaults={"status": Representation.Status.APPROVED, "role_in_organization": "prezes zarządu"},
        )

    def at(offset, hour, minute=0, *, base=first):
        day = base + datetime.timedelta(days=offset)
        return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)

    def soon(offset, hour, minute=0):
        """Relative to today: the full training and the Forum should always lie ahead."""
        return at(offset, hour, minute, base=timezone.localdate())

    count = 0
    for index, (key, title, kind, offset, hour, hours, flags) in enumerate(EVENTS):
        organization = None
        if organizations and "o" in flags:
            others = organizations[1:] or organizations
            organization = organizations[0] if key in OWN_EVENTS else others[index % len(others)]
        organizer_kind = (
            OrganizerKind.ORGANIZATION if organization
            else OrganizerKind.ADVISORY_BODY if "z" in flags
            else OrganizerKind.CITY if "m" in flags
            else OrganizerKind.CENTRE
        )
        status = (
            EventStatus.CANCELLED if "x" in flags else EventStatus.PENDING if "p" in flags
            else EventStatus.RETURNED if "r" in flags else EventStatus.PUBLISHED
        )
        online_only = "w" in flags
        district = districts[(index * 7) % len(districts)] if districts and not online_only else None
        values = {
            "title": title, "kind": kind, "organizer_kind": organizer_kind, "organization": organization,
            # Published organisation events were approved by the demo department, which now answers for them.
            "department": department if organizer_kind in (OrganizerKind.CITY, OrganizerKind.CENTRE)
            or status in (EventStatus.PUBLISHED, EventStatus.CANCELLED) else None,
            "starts_at": at(offset, hour), "ends_at": at(offset, hour + hours), "status": status,
            "venue": "" if online_only else (organization.short_name or organization.name) if organization
            else centre()["name"],
            "street": "" if online_only else (organization.street if organization else centre()["street"]),
            "town": "" if online_only else centre()["city"],
            "district": district,
            "online_url": "https://spotkania.example.org/" + key if online_only else "",
            "description": _description(title, flags),
            "audience": "seniorzy" if "senior" in key else "organizacje pozarządowe" if "c" in flags
            else "mieszkańcy Białegostoku",
            "step_free_access": "a" in flags, "sign_language": "a" in flags and index % 2 == 0,
            "induction_loop": "a" in flags and index % 3 == 0,
            "accessibility_notes": "Toaleta dostosowana, miejsce parkingowe przy wejściu." if "a" in flags else "",
            "is_free": "f" not in flags, "price": "20 zł (cegiełka)" if "f" in flags else "",
            "registration_mode": (
                RegistrationMode.HERE if "h" in flags else RegistrationMode.EXTERNAL if "e" in flags
                else RegistrationMode.NONE
            ),
            "external_registration_url": "https://zapisy.example.org/" + key if "e" in flags else "",
            "capacity": 25 if "h" in flags else None,
            "cancellation_reason": "Choroba prowadzącej; nowy termin podamy wkrótce." if "x" in flags else "",
            "review_reason": "Dodaj informację o dostępności miejsca." if "r" in flags else "",
            "submitted_by": _submitter(users, organizer_kind, own=key in OWN_EVENTS),
            "sequence": 1 if "x" in flags else 0,
        }
        _save(f"demo-{key}", values, spheres, SPHERE_CYCLE[index % len(SPHERE_CYCLE)])
        count += 1

    _pending_change_and_unconfirmed_registration(users.get(REPRESENTATIVE))
    count += _weekly_classes(at, department, organizations, districts, spheres, users)
    count += _announced_in_the_news(zone, department, districts, spheres, users)
    count += _full_training(soon, department, districts, spheres, users)
    count += _forum(soon, department, organizations, districts, spheres, users)
    stdout.write(f"  wydarzenia demonstracyjne: {count}")


def _submitter(users, organizer_kind, *, own=False):
    """Other organisations' events were submitted by people outside the demo."""
    if organizer_kind == OrganizerKind.ORGANIZATION:
        return users.get(REPRESENTATIVE) if own else None
    return users.get(TEAM_MEMBER) if organizer_kind == OrganizerKind.ADVISORY_BODY else users.get(OFFICIAL)


def _pending_change_and_unconfirmed_registration(representative):
    """A change of the representative's published picnic awaiting review, and someone who registered for
    their first-aid course but has not yet clicked the link in the e-mail."""
    picnic = Event.objects.filter(slug="demo-piknik-dojlidy", status=EventStatus.PUBLISHED).first()
    if picnic and not picnic.changes.filter(status=EventChange.Status.PENDING).exists():
        EventChange.objects.create(event=picnic, proposed_by=representative, values={
            "venue": "Plaża miejska Dojlidy, przy wypożyczalni kajaków",
            "description": picnic.description + "\n\nW programie także **pokaz ratownictwa wodnego**.",
        })
    if Registration.objects.filter(email="karolina.wysocka@example.org").exists():
        return
    # The course when it is still ahead this month, otherwise the first date anyone can register for.
    candidates = registrations.open_occurrences().filter(event__slug__startswith="demo-").order_by("starts_at")
    occurrence = candidates.filter(event__slug="demo-pierwsza-pomoc").first() or candidates.first()
    if occurrence:
        now = timezone.now()
        Registration.objects.create(
            occurrence=occurrence, name="Karolina Wysocka", email="karolina.wysocka@example.org", consent_at=now,
            status=Registration.Status.UNCONFIRMED, holds_place=True,
            hold_expires_at=now + registrations.hold_duration(),
        )


def _description(title, flags):
    lines = [f"**{title}** – zapraszamy!", ""]
    if "h" in flags:
        lines.append("Liczba miejsc jest ograniczona, obowiązują zapisy na stronie wydarzenia.")
    if "w" in flags:
        lines.append("Spotkanie odbywa się online; link działa w przeglądarce, bez instalowania programów.")
    lines += ["", f"Więcej informacji: {centre()['name']}, tel. {centre()['phone']}."]
    return "\n".join(lines)


def _save(slug, values, spheres, sphere_slugs) -> Event:
    event, _created = Event.objects.update_or_create(slug=slug, defaults=values)
    event.spheres.set([spheres[s] for s in sphere_slugs if s in spheres])
    schedule.rebuild(event)
    if event.status == EventStatus.CANCELLED:
        event.occurrences.update(is_cancelled=True)
    return event


def _weekly_classes(at, department, organizations, districts, spheres, users) -> int:
    """Every Tuesday for nine weeks, except one (a public holiday in the story)."""
    organization = organizations[3 % len(organizations)] if organizations else None
    start = at(0, 10)
    start += datetime.timedelta(days=(1 - start.weekday()) % 7)  # the first Tuesday of the month
    skipped = (start + datetime.timedelta(weeks=2)).date().isoformat()
    _save("demo-zajecia-ruchowe-seniorow", {
        "title": "Zajęcia ruchowe dla seniorów (co wtorek)", "kind": EventKind.MEETING,
        "organizer_kind": OrganizerKind.ORGANIZATION if organization else OrganizerKind.CENTRE,
        "organization": organization, "department": None if organization else department,
        "starts_at": start, "ends_at": start + datetime.timedelta(hours=1, minutes=30),
        "rrule": "FREQ=WEEKLY;BYDAY=TU;COUNT=9", "exdates": [skipped], "status": EventStatus.PUBLISHED,
        "venue": "Klub seniora", "street": "ul. Antoniukowska 18", "town": "Białystok",
        "district": districts[0] if districts else None,
        "description": "Gimnastyka przy muzyce i ćwiczenia równowagi. **Jednego wtorku zajęć nie ma** – "
                       "sprawdź terminy w kalendarzu.",
        "audience": "seniorzy", "step_free_access": True, "induction_loop": True,
        "registration_mode": RegistrationMode.HERE, "capacity": 20, "submitted_by": None,
    }, spheres, ["seniors", "sport"])
    return 1


def _announced_in_the_news(zone, department, districts, spheres, users) -> int:
    """The Centre's integration meeting, its training on reporting and its advisory hours, as the news tell."""
    today = timezone.localdate()
    days = announced_days(today)

    def at(day, hour):
        return datetime.datetime.combine(day, datetime.time(hour), tzinfo=zone)

    where = {
        "organizer_kind": OrganizerKind.CENTRE, "organization": None, "department": department,
        "status": EventStatus.PUBLISHED, "venue": centre()["name"], "street": centre()["street"],
        "town": centre()["city"], "district": districts[0] if districts else None, "step_free_access": True,
        "audience": "organizacje pozarządowe", "submitted_by": users.get(OFFICIAL),
    }
    _save(ANNOUNCED_MEETING, {
        **where, "title": "Spotkanie integracyjne organizacji pozarządowych", "kind": EventKind.INTEGRATION,
        "starts_at": at(days["meeting_day"], 17), "ends_at": at(days["meeting_day"], 19),
        "description": "Podsumowanie roku współpracy organizacji z miastem, prezentacje trzech nowych organizacji "
                       "i rozmowy przy herbacie. Najwyżej dwie osoby z jednej organizacji.\n\n"
                       f"Pytania: {centre()['name']}, tel. {centre()['phone']}.",
        "registration_mode": RegistrationMode.HERE, "capacity": 40,
    }, spheres, ["local-communities"])
    _save(ANNOUNCED_TRAINING, {
        **where, "title": "Szkolenie: sprawozdawczość organizacji pożytku publicznego", "kind": EventKind.TRAINING,
        "starts_at": at(days["training_day"], 10), "ends_at": at(days["training_day"], 14),
        "description": "Terminy i adresaci sprawozdań finansowych i merytorycznych, najczęstsze błędy, publikowanie "
                       "sprawozdań. Bezpłatne.\n\n"
                       f"Pytania: {centre()['name']}, tel. {centre()['phone']}.",
        "registration_mode": RegistrationMode.HERE, "capacity": 20,
    }, spheres, ["education"])
    # Every Tuesday and Thursday for about four months, but not on a public holiday (Christmas Eve, say).
    first = today + datetime.timedelta(days=ADVISORY_HOURS_FROM)
    first += datetime.timedelta(days=min((day - first.weekday()) % 7 for day in (1, 3)))
    plain = recurrence.Recurrence(recurrence.WEEKLY, weekdays=(1, 3), until=first + datetime.timedelta(weeks=17))
    dates = (first + datetime.timedelta(days=n) for n in range((plain.until - first).days + 1))
    days_off = [day for day in dates if day.weekday() in plain.weekdays and is_public_holiday(day)]
    _save(ADVISORY_HOURS, {
        **where, "title": "Dyżury doradcze: zakładanie stowarzyszenia i sprawy prawne", "kind": EventKind.MEETING,
        "starts_at": at(first, 12), "ends_at": at(first, 16), "rrule": plain.to_rule(),
        "exdates": [day.isoformat() for day in days_off],
        "description": "Doradcy Centrum pomagają wybrać formę prawną, przygotować statut i dokumenty do KRS oraz "
                       "zgłosić zmiany w zarządzie. Bezpłatnie; prosimy o wcześniejsze umówienie się: "
                       f"tel. {centre()['phone']}. W święta dyżurów nie ma.",
        "registration_mode": RegistrationMode.NONE,
    }, spheres, ["local-communities"])
    return 3


def _full_training(at, department, districts, spheres, users) -> int:
    """A training whose places are all taken, with three people waiting."""
    event = _save("demo-szkolenie-oferty-konkursowe", {
        "title": "Szkolenie: jak napisać ofertę w otwartym konkursie", "kind": EventKind.TRAINING,
        "organizer_kind": OrganizerKind.CENTRE, "organization": None, "department": department,
        "starts_at": at(6, 9), "ends_at": at(6, 15), "status": EventStatus.PUBLISHED,
        "venue": f"{centre()['name']}, sala 1", "street": centre()["street"],
        "town": centre()["city"], "district": districts[0] if districts else None,
        "description": "Praktyczne szkolenie z wypełniania oferty w generatorze: budżet, rezultaty, harmonogram.",
        "audience": "organizacje pozarządowe", "step_free_access": True, "sign_language": True,
        "registration_mode": RegistrationMode.HERE, "capacity": 12, "submitted_by": users.get(OFFICIAL),
    }, spheres, ["education"])
    occurrence = event.occurrences.order_by("starts_at").first()
    if occurrence and not occurrence.registrations.exists():
        now = timezone.now()
        names = [
            "Anna Kowalska", "Piotr Nowak", "Ewa Wiśniewska", "Marek Wójcik", "Joanna Kamińska",
            "Tomasz Lewandowski", "Katarzyna Zielińska", "Paweł Szymański", "Agnieszka Woźniak", "Michał Dąbrowski",
            "Magdalena Kozłowska", "Krzysztof Jankowski", "Barbara Mazur", "Andrzej Krawczyk", "Zofia Piotrowska",
        ]
        Registration.objects.bulk_create(
            Registration(
                occurrence=occurrence, name=name, email=f"uczestnik{n + 1}@example.org", consent_at=now,
                status=Registration.Status.CONFIRMED if n < 12 else Registration.Status.WAITING,
                needs="Pętla indukcyjna" if n == 4 else "",
            )
            for n, name in enumerate(names)
        )
    return 1


def _forum(at, department, organizations, districts, spheres, users) -> int:
    """The yearly NGO Initiatives Forum: two days, a programme and the organisations presenting themselves."""
    event = _save(FORUM, {
        "title": "Forum Inicjatyw Pozarządowych", "kind": EventKind.CONFERENCE,
        "organizer_kind": OrganizerKind.CITY, "organization": None, "department": department,
        "starts_at": at(FORUM_IN_DAYS, 10), "ends_at": at(FORUM_IN_DAYS + 1, 16), "status": EventStatus.PUBLISHED,
        "venue": "Pałac Branickich, Aula Magna", "street": "ul. Jana Kilińskiego 1", "town": "Białystok",
        "district": districts[0] if districts else None,
        "description": "Coroczne święto białostockich organizacji: debaty, warsztaty i stoiska organizacji. "
                       "Wstęp wolny, bez zapisów.",
        "audience": "wszyscy mieszkańcy", "step_free_access": True, "sign_language": True, "induction_loop": True,
        "registration_mode": RegistrationMode.NONE, "submitted_by": users.get(OFFICIAL),
    }, spheres, ["local-communities", "volunteering"])
    if not event.sessions.exists():
        programme = [
            (0, 10, 11, "Aula Magna", "Otwarcie Forum", "Prezydent Miasta, Przewodnicząca Zespołu"),
            (0, 11, 13, "Aula Magna", "Debata: współpraca miasta i organizacji", "przedstawiciele organizacji"),
            (0, 13, 15, "Sala 2", "Warsztat: wolontariat pracowniczy", "Centrum Wolontariatu"),
            (1, 10, 12, "Sala 2", "Warsztat: sprawozdania finansowe", "biegła rewident"),
            (1, 12, 16, "Dziedziniec", "Targi organizacji – stoiska", ""),
        ]
        ForumSession.objects.bulk_create(
            ForumSession(event=event, starts_at=at(FORUM_IN_DAYS + day, start), ends_at=at(FORUM_IN_DAYS + day, end),
                         room=room, title=title, speakers=speakers)
            for day, start, end, room, title, speakers in programme
        )
    event.presenting_organizations.set(organizations[:8])
    return 1

"""The advisory body of the demo: its rules, a past term and the current one with ten members (five NGO
representatives, three of the mayor, two of the City Council, each with a drawn portrait as their photo), one of
whom left during the term; four past
meetings (the minutes of the first three approved at the next one, the last still a draft with a comment) and
one coming meeting with a department, a guest and the invitations sent; a tracked legal act, positions adopted
(at a meeting and electronically) and rejected, an electronic vote still open and a draft with an amendment;
two sector groups (the demo representative's organisation in one) and a working team for a competition, each
with a past meeting (minutes published) and a coming one (groups/demo.py).

The demo Team member (zespol@example.org) is the current term's secretary, so she runs the body's staff pages.
Dates follow the day the demo is loaded: the current term always includes today. Keyed by term number, person
and meeting title, so running it twice creates nothing new.
"""

import datetime as dt
import io
import zoneinfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from partnerstwo.accounts.models import User
from partnerstwo.city.models import Department, PublicTaskSphere
from partnerstwo.organizations.models import Organization
from partnerstwo.team.body import terms
from partnerstwo.team.groups import demo as group_demo
from partnerstwo.team.meetings import conduct, minutes
from partnerstwo.team.models import (
    ActionItem,
    AgendaItem,
    Amendment,
    Attendance,
    Body,
    Group,
    GroupMember,
    Guest,
    LegalAct,
    Meeting,
    Membership,
    Position,
    PositionVote,
    Term,
)
from partnerstwo.team.positions import voting

SECRETARY = "zespol@example.org"
DESCRIPTION = (
    "Zespół jest organem konsultacyjnym i doradczym Prezydenta Miasta w sprawach współpracy z organizacjami "
    "pozarządowymi. Opiniuje projekty uchwał i programów dotyczących organizacji, w tym roczny program "
    "współpracy, rekomenduje przedstawicieli organizacji do komisji konkursowych i monitoruje realizację "
    "programu współpracy.\n\nPosiedzenia Zespołu są jawne; protokoły publikujemy po ich przyjęciu."
)

R = Membership.Role
S = Membership.Represents
# (name, role, represents, organization (name in the demo directory), position, account e-mail)
CURRENT = [
    ("Anna Sokołowska", R.CO_CHAIR, S.ORGANIZATION, "Fundacja Pomocy Rodzinie „Przystań”", "", ""),
    ("Krzysztof Malinowski", R.CO_CHAIR, S.MAYOR, "", "zastępca dyrektora Departamentu Spraw Społecznych", ""),
    ("Małgorzata Kowalczyk", R.SECRETARY, S.ORGANIZATION, "Stowarzyszenie Seniorów „Złota Jesień” z Antoniuka", "",
     SECRETARY),
    ("Paweł Jankowski", R.MEMBER, S.ORGANIZATION, "Fundacja Edukacji Ekologicznej Podlasie", "", ""),
    ("Ewa Dąbrowska", R.MEMBER, S.ORGANIZATION, "Podlaskie Stowarzyszenie Pomocy Bezdomnym", "", ""),
    ("Marek Wróblewski", R.MEMBER, S.ORGANIZATION, "Klub Sportowy „Jaroszówka Biega”", "", ""),
    ("Joanna Kamińska", R.MEMBER, S.MAYOR, "", "Centrum Współpracy Organizacji Pozarządowych", ""),
    ("Tomasz Zieliński", R.MEMBER, S.MAYOR, "", "Departament Kultury, Promocji i Sportu", ""),
    ("Barbara Piotrowska", R.MEMBER, S.COUNCIL, "", "radna, Komisja Rodziny i Polityki Społecznej", ""),
    ("Grzegorz Lis", R.MEMBER, S.COUNCIL, "", "radny, Komisja Kultury", ""),
]
# Left after the first year; the council's seat passed to Grzegorz Lis (who joined that day).
LEFT = ("Robert Nowak", R.MEMBER, S.COUNCIL, "", "radny", "")
REPLACED_BY = "Grzegorz Lis"
PAST = [
    ("Halina Borowska", R.CHAIR, S.ORGANIZATION, "Stowarzyszenie Przyjaciół Osiedla Dojlidy", "", ""),
    ("Anna Sokołowska", R.MEMBER, S.ORGANIZATION, "Fundacja Pomocy Rodzinie „Przystań”", "", ""),
    ("Jan Wysocki", R.MEMBER, S.ORGANIZATION, "Fundacja Kultury Ulicznej „Bojary”", "", ""),
    ("Zofia Grabowska", R.SECRETARY, S.ORGANIZATION, "Stowarzyszenie Historyczne „Białystok Dawniej”", "", ""),
    ("Krzysztof Malinowski", R.MEMBER, S.MAYOR, "", "Departament Spraw Społecznych", ""),
    ("Adam Kowalewski", R.MEMBER, S.MAYOR, "", "Centrum Współpracy Organizacji Pozarządowych", ""),
    ("Irena Michalska", R.MEMBER, S.COUNCIL, "", "radna", ""),
]


def load(stdout, **options):
    body = Body.objects.the_body()
    if not body.resolution:
        body.description = DESCRIPTION
        body.resolution = "Uchwała Nr XII/144/15 Rady Miasta Białystok z dnia 28 września 2015 r."
        body.save()
    today = timezone.localdate()
    # The current term began over a year ago (so the seat given up in its first year is history on any day
    # the demo is loaded, New Year's Day too); the past one three years before it.
    current_start = (today - dt.timedelta(days=400)).replace(day=1)
    past_start = current_start.replace(year=current_start.year - 3)
    past = _term(body, 1, past_start, current_start - dt.timedelta(days=1), "Zarządzenie Nr 120/19 Prezydenta Miasta")
    current = _term(body, 2, current_start, terms.default_term_end(body, current_start),
                    "Zarządzenie Nr 45/23 Prezydenta Miasta")
    for row in PAST:
        _seat(past, row, joined_on=past.starts_on)
    change_day = current.starts_on.replace(year=current.starts_on.year + 1) - dt.timedelta(days=1)
    _seat(current, LEFT, joined_on=current.starts_on, left_on=change_day)
    for index, row in enumerate(CURRENT):
        joined = change_day + dt.timedelta(days=1) if row[0] == REPLACED_BY else current.starts_on
        seat = _seat(current, row, joined_on=joined)
        if not seat.photo:  # the public page shows the current members with their photos
            seat.photo.save(f"demo-{index + 1:02d}.png", _portrait(index), save=True)
    _meetings(body)
    _positions(body)
    _groups(body)
    group_demo.load()
    stdout.write(f"  kadencje: 2, członkostwa: {Membership.objects.filter(term__body=body).count()}, "
                 f"posiedzenia: {body.meetings.count()}, stanowiska: {body.positions.count()}")


# Background and figure colours of the demo's portraits (no real person's photo in the demo).
PORTRAIT_COLOURS = [((31, 78, 121), (236, 240, 244)), ((120, 60, 20), (250, 236, 220)),
                    ((40, 100, 60), (230, 245, 235)), ((90, 40, 110), (242, 232, 246)), ((60, 60, 60), (240, 240, 240))]


def _portrait(index: int) -> ContentFile:
    """A drawn head-and-shoulders silhouette as a member's photo (PNG, 320 px square)."""
    background, figure = PORTRAIT_COLOURS[index % len(PORTRAIT_COLOURS)]
    image = Image.new("RGB", (320, 320), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((105, 55, 215, 175), fill=figure)
    draw.ellipse((50, 190, 270, 420), fill=figure)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return ContentFile(buffer.getvalue())


def _term(body, number, starts_on, ends_on, appointed_by) -> Term:
    term = body.terms.filter(number=number).first()
    if term is None:
        term = terms.save_term(term=Term(body=body, number=number, starts_on=starts_on, ends_on=ends_on,
                                         appointed_by=appointed_by))
    return term


def _seat(term, row, *, joined_on, left_on=None) -> Membership:
    name, role, represents, organization, position, email = row
    found = term.memberships.filter(person_name=name).first()
    if found:
        return found
    seat = Membership(
        term=term, person_name=name, role=role, represents=represents, position=position, joined_on=joined_on,
        left_on=left_on, organization=Organization.objects.filter(name=organization).first() if organization else None,
    )
    if organization and seat.organization is None:  # the directory's demo was not loaded
        seat.represents, seat.position = S.MAYOR, organization
    has_account = User.objects.filter(email=email).exists()
    return terms.save_membership(membership=seat, account_email=email if has_account else "")


# (title, days from today, agenda: (title, presenter, department or "", vote?), action items: (what, owner))
PAST_MEETINGS = [
    ("Posiedzenie nr 5", -200, [
        ("Przyjęcie porządku obrad", "", "", False),
        ("Sprawozdanie z realizacji programu współpracy za poprzedni rok", "Joanna Kamińska",
         "Departament Spraw Społecznych", True),
        ("Wolne wnioski", "", "", False),
    ], [("Przygotować uwagi do sprawozdania", "Paweł Jankowski")]),
    ("Posiedzenie nr 6", -140, [
        ("Harmonogram otwartych konkursów ofert na przyszły rok", "Krzysztof Malinowski",
         "Departament Spraw Społecznych", False),
        ("Rekomendacje do komisji konkursowych", "Anna Sokołowska", "", True),
    ], [("Zebrać zgłoszenia kandydatów do komisji", "Anna Sokołowska")]),
    ("Posiedzenie nr 7", -80, [
        ("Konsultacje projektu programu współpracy", "Joanna Kamińska", "Departament Spraw Społecznych", True),
        ("Małe granty – doświadczenia organizacji", "Ewa Dąbrowska", "", False),
    ], [("Przekazać opinię Zespołu do Departamentu", "Małgorzata Kowalczyk")]),
    ("Posiedzenie nr 8", -20, [
        ("Wsparcie lokalowe dla organizacji", "Tomasz Zieliński", "Departament Kultury, Promocji i Sportu", False),
        ("Forum Inicjatyw Pozarządowych – przygotowania", "Marek Wróblewski", "", False),
    ], [("Sporządzić listę lokali miejskich do wynajęcia", "Tomasz Zieliński")]),
]
COMING = ("Posiedzenie nr 9", 14, [
    ("Przyjęcie protokołu z posiedzenia nr 8", "", "", False),
    ("Opinia o projekcie programu współpracy na kolejny rok", "Joanna Kamińska", "Departament Spraw Społecznych",
     False),
    ("Nabór do Zespołu w następnej kadencji", "Małgorzata Kowalczyk", "", False),
])
PLACE = "Urząd Miejski, ul. Słonimska 1, sala 20"


def _at(days: int) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(16, 0), tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))


def _meeting(body, title, days, agenda) -> tuple[Meeting, bool]:
    found = body.meetings.filter(title=title).first()
    if found:
        return found, False
    departments = {d.name: d for d in Department.objects.all()}
    meeting = conduct.save_meeting(
        meeting=Meeting(body=body, title=title, starts_at=_at(days), ends_at=_at(days) + dt.timedelta(hours=2),
                        place=PLACE),
        departments=[departments[d] for _t, _p, d, _v in agenda if d in departments],
    )
    for item_title, presenter, department, _vote in agenda:
        conduct.save_item(item=AgendaItem(meeting=meeting, title=item_title, presenter=presenter,
                                           department=departments.get(department)))
    return meeting, True


def _meetings(body) -> None:
    held = []
    for title, days, agenda, actions in PAST_MEETINGS:
        meeting, created = _meeting(body, title, days, agenda)
        held.append(meeting)
        if not created:
            continue
        seats = list(conduct.members_of(meeting).in_order())
        statuses = {seat.pk: Attendance.Status.PRESENT for seat in seats}
        statuses[seats[-1].pk] = Attendance.Status.EXCUSED
        statuses[seats[-2].pk] = Attendance.Status.ABSENT
        conduct.record_attendance(meeting=meeting, statuses=statuses, guests={})
        meeting.minutes_intro = "Posiedzenie otworzyła współprzewodnicząca Anna Sokołowska. Porządek obrad przyjęto."
        meeting.save(update_fields=["minutes_intro"])
        present = conduct.quorum(meeting).present
        for item, (_t, _p, _d, vote) in zip(meeting.items.all(), agenda, strict=True):
            item.discussion = "Członkowie omówili materiały przedstawione przez prowadzącego punkt."
            item.decisions = "Zespół przyjął informację." if not vote else "Zespół wydał opinię pozytywną."
            if vote:
                item.votes_for, item.votes_against, item.votes_abstain = present - 1, 0, 1
            conduct.save_item_minutes(item=item)
        for what, owner in actions:
            seat = conduct.members_of(meeting).filter(person_name=owner).first()
            conduct.save_action_item(action=ActionItem(
                meeting=meeting, what=what, owner=seat, owner_name="" if seat else owner,
                due_on=meeting.day + dt.timedelta(days=30),
            ))
    for earlier, later in zip(held, held[1:], strict=False):
        if not earlier.minutes_published:
            present = conduct.quorum(later).present
            minutes.approve(meeting=earlier, at_meeting=later, votes_for=present - 1, votes_against=0,
                            votes_abstain=1)
    # The first two meetings' action items were done; the later ones are still open.
    ActionItem.objects.filter(meeting__in=held[:2], done_on=None).update(done_on=held[2].day)
    last = held[-1]
    secretary = User.objects.filter(email=SECRETARY).first()
    if secretary and not last.minutes_comments.exists():
        minutes.add_comment(meeting=last, user=secretary, item=last.items.first(),
                            text="Proszę dopisać, że Departament przekaże listę lokali do końca miesiąca.")
    coming, created = _meeting(body, *COMING)
    if created:
        Guest.objects.create(meeting=coming, name="Katarzyna Wysocka", affiliation="Departament Spraw Społecznych",
                             email="k.wysocka@example.org")
        for seat in list(conduct.members_of(coming).in_order())[:4]:
            conduct.respond(meeting=coming, membership=seat, response=Attendance.Response.COMING)
        Meeting.objects.filter(pk=coming.pk).update(invitations_sent_at=timezone.now())


PROGRAMME_TEXT = (
    "Zespół pozytywnie opiniuje projekt programu współpracy. Rekomenduje:\n\n"
    "1. zwiększenie puli małych grantów,\n2. wieloletnie umowy dla zadań ciągłych,\n"
    "3. coroczne spotkanie sprawozdawcze z organizacjami."
)


def _positions(body) -> None:
    if body.positions.exists():
        return
    department = Department.objects.filter(name="Departament Spraw Społecznych").first()
    act = LegalAct.objects.create(
        body=body, title="Program współpracy Miasta z organizacjami pozarządowymi na kolejny rok",
        stage=LegalAct.Stage.CONSULTATION, department=department,
        next_step="Opinia Zespołu, potem projekt uchwały dla Rady Miasta",
        next_step_on=timezone.localdate() + dt.timedelta(days=9),
    )
    # Adopted at a meeting: every member present votes for, one abstains.
    at = body.meetings.get(title="Posiedzenie nr 7")
    opinion = voting.save_draft(position=Position(
        body=body, kind=Position.Kind.OPINION, title="Opinia o założeniach programu współpracy",
        text=PROGRAMME_TEXT, concerns=Position.Concerns.LEGAL_ACT, legal_act=act,
    ))
    present = [seat for seat, record in conduct.attendance_of(at) if record and record.status == "present"]
    choices = {seat.pk: PositionVote.Choice.FOR for seat in present}
    choices[present[-1].pk] = PositionVote.Choice.ABSTAIN
    voting.record_meeting_vote(position=opinion, meeting=at, choices=choices)
    seats = list(Membership.objects.current().filter(term__body=body).in_order())
    # Decided electronically: one adopted, one rejected.
    electronic_position(body, seats, "Rekomendacje do komisji konkursowych w sferze kultury",
                "Zespół rekomenduje do komisji konkursowej Annę Sokołowską i Pawła Jankowskiego.",
                Position.Concerns.TOPIC, ["for"] * 7 + ["abstain"], subject=("Konkursy ofert", "/konkursy/"))
    electronic_position(body, seats, "Stanowisko w sprawie wkładu własnego w konkursach",
                "Zespół postuluje zniesienie wymogu wkładu własnego finansowego w konkursach do 10 000 zł.",
                Position.Concerns.TOPIC, ["for"] * 3 + ["against"] * 4 + ["abstain"])
    # Still voting: an opinion the Act asks for with a deadline (14 days from the delivery of the draft).
    open_vote = voting.save_draft(position=Position(
        body=body, kind=Position.Kind.OPINION, title="Opinia o projekcie programu współpracy na kolejny rok",
        text=PROGRAMME_TEXT, concerns=Position.Concerns.PROGRAMME,
        delivered_on=timezone.localdate() - dt.timedelta(days=5),
    ))
    voting.open_electronic_vote(position=open_vote, until=timezone.now() + dt.timedelta(days=3))
    for seat in seats[3:5]:
        voting.cast(position=open_vote, seat=seat, choice=PositionVote.Choice.FOR)
    # Drafted by the demo member in the members' area, where she can still change it; another member amends it.
    draft = voting.save_draft(position=Position(
        body=body, title="Stanowisko w sprawie lokali dla organizacji",
        text="Zespół wnosi o przygotowanie wykazu lokali miejskich dostępnych dla organizacji.",
        drafted_by=User.objects.filter(email=SECRETARY).first(),
    ))
    anna = seats[0]
    Amendment.objects.create(position=draft, text="Dopisać lokale w budynkach szkół po godzinach zajęć.",
                             proposed_by=anna.user, proposed_by_name=anna.person_name)


def electronic_position(body, seats, title, text, concerns, votes, subject=("", ""), competition=None,
                addressed_to=None) -> Position:
    position = voting.save_draft(position=Position(
        body=body, title=title, text=text, concerns=concerns, subject_title=subject[0],
        subject_url=f"{settings.SITE_URL}{subject[1]}" if subject[1] else "", competition=competition,
    ), addressed_to=addressed_to)
    voting.open_electronic_vote(position=position, until=timezone.now() + dt.timedelta(minutes=5))
    for seat, choice in zip(seats, votes, strict=False):
        voting.cast(position=position, seat=seat, choice=choice)
    Position.objects.filter(pk=position.pk).update(voting_until=timezone.now() - dt.timedelta(days=7))
    voting.close(position=position)
    return Position.objects.get(pk=position.pk)  # as closed: its result and register number


GROUPS = [
    ("sector", "Grupa branżowa: kultura", "kultura", "culture",
     "Organizacje kultury wymieniają się informacjami o konkursach i wspólnie opiniują program współpracy "
     "w sferze kultury.",
     ["Fundacja Kultury Ulicznej „Bojary”", "Białostockie Stowarzyszenie Muzyczne „Con Brio”",
      "Fundacja Teatru Lalek „Bajka”"], []),
    ("sector", "Grupa branżowa: pomoc społeczna", "pomoc-spoleczna", "social-assistance",
     "Organizacje pomocy społecznej: wspólne stanowiska w sprawie usług społecznych i lokali.",
     ["Stowarzyszenie Przyjaciół Osiedla Dojlidy", "Podlaskie Stowarzyszenie Pomocy Bezdomnym",
      "Fundacja Pomocy Rodzinie „Przystań”"], []),
    ("working", "Zespół roboczy: konkurs na kluby seniora", "zespol-kluby-seniora", "seniors",
     "Przygotowanie ogłoszenia konkursu na prowadzenie klubów seniora: zakres zadań, kryteria oceny, kwoty.",
     ["Stowarzyszenie Seniorów „Złota Jesień” z Antoniuka"],
     [("Joanna Kamińska", "Departament Spraw Społecznych", True),
      ("Ewa Dąbrowska", "Podlaskie Stowarzyszenie Pomocy Bezdomnym", False)]),
]


def _groups(body) -> None:
    for kind, name, slug, sphere, purpose, organizations, people in GROUPS:
        if Group.objects.filter(slug=slug).exists():
            continue
        group = Group.objects.create(
            body=body, kind=kind, name=name, slug=slug, purpose=purpose, is_open=kind == "sector",
            sphere=PublicTaskSphere.objects.filter(slug=sphere).first(),
            ends_on=timezone.localdate() + dt.timedelta(days=120) if kind == "working" else None,
        )
        for index, organization in enumerate(Organization.objects.filter(name__in=organizations).order_by("name")):
            GroupMember.objects.create(group=group, organization=organization,
                                       role=GroupMember.Role.COORDINATOR if index == 0 else GroupMember.Role.MEMBER)
        for person, affiliation, city in people:
            GroupMember.objects.create(group=group, person_name=person, affiliation=affiliation,
                                       is_city_representative=city)

"""Demo consultations around today, one in every stage: one in preparation (the panel only), one announced that
has not started, one open with comments on several provisions (an organisation, the Team on its adopted
opinion, a paper one, a written opinion, one removed by the moderator, a new version of the draft), one closed
awaiting answers (one answer drafted), one finished with its report (identical comments answered together,
the meeting's minutes), and one finished that received no comments. Announcing the open one opens the Team's draft
opinion on it (drafting.open_body_position), linked both ways. Keyed by title, so running it twice
changes nothing."""

import datetime as dt

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from partnerstwo.accounts.models import User
from partnerstwo.city.models import Department, PublicTaskSphere
from partnerstwo.consultations import answering, drafting, participation
from partnerstwo.consultations.models import Answer, Comment, Consultation, WrittenOpinion
from partnerstwo.organizations.models import Organization
from partnerstwo.team.models import Position

DEPARTMENT = "Departament Spraw Społecznych"

PROGRAMME = """UCHWAŁA NR …/26 RADY MIASTA BIAŁYSTOK
w sprawie Programu współpracy Miasta Białystok z organizacjami pozarządowymi na rok 2027
Na podstawie art. 5a ust. 1 ustawy o działalności pożytku publicznego i o wolontariacie uchwala się, co następuje:
Rozdział 1
Postanowienia ogólne
§ 1. Uchwala się Program współpracy Miasta Białystok z organizacjami pozarządowymi na rok 2027.
§ 2. 1. Celem głównym programu jest rozwój partnerstwa miasta i organizacji.
2. Cele szczegółowe programu to:
1) wzmacnianie potencjału organizacji;
2) zwiększanie udziału mieszkańców w życiu publicznym;
3) wspieranie wolontariatu, w szczególności:
a) wolontariatu seniorów,
b) wolontariatu młodzieży.
Rozdział 2
Formy i priorytety współpracy
§ 3. Współpraca odbywa się w formie:
– zlecania realizacji zadań publicznych,
– konsultowania projektów aktów prawa miejscowego,
– tworzenia wspólnych zespołów o charakterze doradczym.
§ 4. 1. Na realizację programu przeznacza się kwotę 12 000 000 zł.
2. Konkursy ogłasza się do 31 stycznia 2027 r.
§ 5. Wykonanie uchwały powierza się Prezydentowi Miasta Białegostoku."""

SIMPLE = """§ 1. Ustala się regulamin przyznawania nagrody „Białostocki Wolontariusz Roku”.
§ 2. 1. Nagrodę przyznaje Prezydent Miasta na wniosek organizacji.
2. Wnioski składa się do 30 listopada.
§ 3. Zarządzenie wchodzi w życie z dniem podpisania."""

OPINION_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
    b"4 0 obj<</Length 49>>stream\nBT /F1 18 Tf 72 770 Td (Opinia o programie) Tj ET\nendstream\n"
    b"endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

# (title, kind, starts in days, days, text, sphere slugs, state)
CONSULTATIONS = [
    ("Program współpracy Miasta Białystok z organizacjami pozarządowymi na rok 2027", "programme", -5, 15,
     PROGRAMME, ["ngo-support"], "open"),
    ("Regulamin nagrody „Białostocki Wolontariusz Roku”", "order", -20, 10, SIMPLE, ["volunteering"], "closed"),
    ("Zasady udzielania dotacji na wkład własny organizacji", "resolution", -60, 14, SIMPLE.replace(
        "regulamin przyznawania nagrody „Białostocki Wolontariusz Roku”", "zasady udzielania dotacji na wkład własny"),
     ["ngo-support"], "finished"),
    ("Program „Senior w Białymstoku” na lata 2027–2030", "programme", -45, 15, SIMPLE.replace(
        "regulamin przyznawania nagrody „Białostocki Wolontariusz Roku”", "program „Senior w Białymstoku”"),
     ["seniors"], "empty"),
    ("Strategia rozwoju ekonomii społecznej w Białymstoku do 2030 r.", "strategy", 10, 14, SIMPLE.replace(
        "regulamin przyznawania nagrody „Białostocki Wolontariusz Roku”", "strategię rozwoju ekonomii społecznej"),
     ["ngo-support"], "draft"),
    ("Zasady korzystania z lokali miejskich przez organizacje pozarządowe", "resolution", 5, 14, SIMPLE.replace(
        "regulamin przyznawania nagrody „Białostocki Wolontariusz Roku”", "zasady korzystania z lokali miejskich"),
     ["ngo-support"], "upcoming"),
]


# The Centre as configured, so that the demo's meeting place is the address the footer shows.
CENTRE_ADDRESS = f"{settings.CITY['centre']['name']}, {settings.CITY['centre']['street']}"

def load(stdout, **options):
    department = Department.objects.get(name=DEPARTMENT)
    official = User.objects.filter(role=User.Role.OFFICIAL, department=department).order_by("pk").first()
    representative = User.objects.get(email="organizacja@example.org")
    team_member = User.objects.get(email="zespol@example.org")
    organizations = list(Organization.objects.represented_by(representative).order_by("pk")[:1]) + list(
        Organization.objects.public().exclude(representations__user=representative).order_by("pk")[:2])
    today = timezone.localdate()
    created = 0
    for title, kind, starts, days, text, spheres, state in CONSULTATIONS:
        if Consultation.objects.filter(title=title).exists():
            continue
        created += 1
        consultation = drafting.create(Consultation(
            title=title, kind=kind, legal_basis="art. 5 ust. 2 pkt 3 i art. 5a ustawy o działalności pożytku "
            "publicznego i o wolontariacie; uchwała Nr LX/800/10 Rady Miejskiej Białegostoku",
            summary="Zapraszamy organizacje pozarządowe do zgłaszania uwag do projektu. Uwagi zgłasza się przy "
                    "konkretnych przepisach; wydział odpowie na każdą w sprawozdaniu.",
            department=department, starts_on=today + dt.timedelta(days=starts),
            ends_on=today + dt.timedelta(days=starts + days - 1), contact_name=official.full_name,
            contact_email=official.email, contact_phone="85 879 79 79", form_meeting=state == "open",
            for_residents=state == "upcoming",
            meeting_starts_at=timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=2), dt.time(17)))
            if state == "open" else None,
            meeting_ends_at=timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=2), dt.time(19)))
            if state == "open" else None,
            meeting_place=CENTRE_ADDRESS if state == "open" else "",
        ), by=official, save_m2m=None)
        consultation.spheres.set(PublicTaskSphere.objects.filter(slug__in=spheres))
        drafting.save_text(consultation, text=text, by=official)
        if state == "draft":
            continue
        if state in ("open", "upcoming"):
            drafting.announce(consultation, by=official)
            if state == "upcoming":
                continue
        else:
            Consultation.objects.filter(pk=consultation.pk).update(
                announced_at=timezone.make_aware(dt.datetime.combine(consultation.starts_on, dt.time(9))))
            consultation.refresh_from_db()
        if state == "empty":
            _publish(consultation, official, "Nie wpłynęły uwagi. Projekt zostanie skierowany pod obrady Rady Miasta "
                     "w brzmieniu konsultowanym.")
            continue
        _comments(consultation, official, representative, team_member, organizations, state)
        if state == "open":
            drafting.save_text(consultation, text=PROGRAMME.replace("12 000 000 zł", "12 500 000 zł"), by=official,
                               note="Zwiększono kwotę na realizację programu (§ 4 ust. 1).")
        if state == "open":
            _opinion_and_moderation(consultation, official, representative, organizations)
        if state == "closed":  # one answer drafted, the rest still to do
            first = consultation.comments.order_by("pk").first()
            Answer.objects.create(consultation=consultation, decision=Answer.Decision.ACCEPTED,
                                  justification="Termin zostanie wydłużony.", answered_by=official).comments.add(first)
        if state == "finished":
            _answer_all(consultation, official, organizations)
            Consultation.objects.filter(pk=consultation.pk).update(
                form_meeting=True, meeting_place=CENTRE_ADDRESS,
                meeting_starts_at=timezone.make_aware(dt.datetime.combine(consultation.starts_on
                                                                          + dt.timedelta(days=3), dt.time(17))),
                meeting_ends_at=timezone.make_aware(dt.datetime.combine(consultation.starts_on
                                                                        + dt.timedelta(days=3), dt.time(19))),
                meeting_minutes="W spotkaniu wzięło udział 12 osób z 8 organizacji. Omówiono wysokość wkładu "
                                "własnego i terminy rozliczeń; uwagi zgłoszone na spotkaniu wpisano do zestawienia.",
            )
            _publish(consultation, official, "Wpłynęły uwagi trzech organizacji; dwie jednakowe uwzględniono, "
                     "pozostałe odrzucono z uzasadnieniem.")
    stdout.write(f"  konsultacje: {created} nowych")


def _comments(consultation, official, representative, team_member, organizations, state):
    """Comments as they would be made: through the domain code, on the clock of the open period."""
    version = consultation.current_version()
    anchors = [unit.anchor for unit in version.units.all() if unit.takes_comments]
    position = Position.objects.adopted().order_by("pk").first()
    made = [
        (representative, "organization", organizations[0] if organizations else None, "par-2-ust-1" if state == "open"
         else anchors[1], "Celem głównym programu jest rozwój partnerstwa miasta i organizacji oraz ich niezależności.",
         "Niezależność organizacji to zasada suwerenności stron (art. 5 ust. 3 ustawy)."),
        (representative, "organization", organizations[0] if organizations else None, "par-4-ust-2" if state == "open"
         else anchors[-1], "Konkursy ogłasza się do 15 grudnia 2026 r.",
         "Wcześniejsze ogłoszenie pozwoli rozpocząć zadania od stycznia."),
    ]
    if position and team_member.is_team_member and state == "open":
        made.append((team_member, "body", None, "par-3-tir-2",
                     "– konsultowania projektów aktów prawa miejscowego i innych dokumentów strategicznych,",
                     "Zgodnie z opinią Zespołu o założeniach programu."))
    when = timezone.make_aware(dt.datetime.combine(consultation.starts_on, dt.time(12)))
    for user, capacity, organization, anchor, proposed, why in made:
        if capacity == "organization" and organization is None:
            continue
        unit = version.units.get(anchor=anchor)
        comment = Comment(consultation=consultation, unit=unit, capacity=capacity, author=user,
                          organization=organization, body_position=position if capacity == "body" else None,
                          author_name=organization.name if organization else "Zespół Konsultacyjny",
                          current_wording=unit.text, proposed_wording=proposed, justification=why, created_at=when)
        comment.save()
    if len(organizations) > 1:
        participation.enter_received_comment(
            consultation, by=official, channel="paper", capacity="organization", author_name=organizations[1].name,
            unit=None, proposed_wording="Dodać rozdział o ewaluacji programu.",
            justification="Program powinien mierzyć swoje efekty.", received_at=when,
        )


def _opinion_and_moderation(consultation, official, representative, organizations):
    """A written opinion uploaded by the organisation, and a paper comment the moderator removed, with the reason."""
    if organizations:
        WrittenOpinion.objects.create(
            consultation=consultation, capacity="organization", author=representative,
            organization=organizations[0], author_name=organizations[0].name,
            title="Opinia o projekcie programu współpracy na rok 2027",
            file=ContentFile(OPINION_PDF, name="opinia.pdf"),
        )
    removed = participation.enter_received_comment(
        consultation, by=official, channel="email", capacity="person", author_name="Jan Nowak", unit=None,
        proposed_wording="Uwaga z danymi osobowymi sąsiadów.", justification="…",
    )
    participation.remove(removed, by=official, reason="Uwaga zawierała dane osobowe innych osób (regulamin serwisu).")


def _answer_all(consultation, official, organizations):
    """Two identical comments of two organisations share one answer and stay listed one by one; the rest are
    rejected with their reasons."""
    first = consultation.comments.order_by("pk").first()
    if len(organizations) > 2:
        participation.enter_received_comment(
            consultation, by=official, channel="email", capacity="organization", author_name=organizations[2].name,
            organization=organizations[2], unit=first.unit, proposed_wording=first.proposed_wording,
            justification=first.justification, received_at=first.created_at,
        )
    identical = consultation.comments.filter(unit=first.unit, proposed_wording=first.proposed_wording)
    Answer.objects.create(consultation=consultation, decision=Answer.Decision.ACCEPTED,
                          justification="Uwzględniono: przepis otrzyma proponowane brzmienie.",
                          answered_by=official).comments.set(identical)
    for comment in answering.unanswered(consultation):
        Answer.objects.create(consultation=consultation, decision=Answer.Decision.REJECTED,
                              justification="Nieuwzględniona: kwota wynika z projektu budżetu miasta.",
                              answered_by=official).comments.add(comment)


def _publish(consultation, official, outcome):
    Consultation.objects.filter(pk=consultation.pk).update(
        outcome=outcome, report_published_at=timezone.make_aware(
            dt.datetime.combine(consultation.ends_on + dt.timedelta(days=7), dt.time(10))))

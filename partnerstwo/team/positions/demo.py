"""The body's positions that reach the rest of the platform, loaded after the competitions' demo: an opinion on a
demo competition, adopted electronically, shown on the competition's page and sent to its department's address
(the e-mail is queued as in real use; the demo prints it). Keyed by title: running it twice adds nothing.

The body's meetings are already in the events calendar: the team demo saves them through conduct.save_meeting.
"""

from partnerstwo.grants.competitions.models import Competition
from partnerstwo.team.demo import electronic_position
from partnerstwo.team.models import Body, Membership, Position

COMPETITION = "seniorzy-2027"
TITLE = "Opinia o ogłoszeniu konkursu „Wspieranie aktywności seniorów w 2027 roku”"
TEXT = (
    "Zespół pozytywnie opiniuje ogłoszenie konkursu. Rekomenduje:\n\n"
    "1. dopuszczenie wkładu osobowego (wolontariat) zamiast wkładu finansowego,\n"
    "2. ocenę dostępności zajęć dla osób z niepełnosprawnościami jako osobne kryterium,\n"
    "3. ogłaszanie konkursu do końca listopada, by kluby seniora działały od stycznia."
)


def load(stdout, **options):
    body = Body.objects.the_body()
    competition = Competition.objects.filter(slug=COMPETITION).first()
    if body is None or competition is None or body.positions.filter(title=TITLE).exists():
        stdout.write("  stanowiska o konkursach: bez zmian")
        return
    seats = list(Membership.objects.current().filter(term__body=body).in_order())
    position = electronic_position(body, seats, TITLE, TEXT, Position.Concerns.COMPETITION, ["for"] * 6 + ["abstain"],
                           competition=competition, addressed_to=[competition.department])
    stdout.write(f"  stanowisko {position.register_label} o konkursie „{competition.title}”, "
                 f"wysłane do: {competition.department.name}")

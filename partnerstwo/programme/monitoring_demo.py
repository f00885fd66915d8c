"""Demo indicators of the programmes (baselines and targets, one entered by hand with its values) and last year's
report, written and published with the dates it went to the council and to BIP.

Runs after the programmes' own demo (programme/demo.py), which makes the programmes: this one finds them by the
years they cover and adds nothing when there are none. Keyed by names and years, so a second run adds no row.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from partnerstwo.accounts.models import User
from partnerstwo.programme.models import Indicator, IndicatorValue, Programme, YearReport

OFFICIAL = "urzednik@example.org"

# (measure or "" for a manual one, name, unit, baseline, target)
INDICATORS = [
    ("competitions", "Liczba otwartych konkursów ofert", "konkursów", "10", "12"),
    ("offers", "Liczba ofert złożonych w konkursach", "ofert", "60", "80"),
    ("funds_awarded_share", "Dotacje przyznane wobec środków zaplanowanych", "%", "85", "95"),
    ("first_funded", "Organizacje, które po raz pierwszy otrzymały dotację", "organizacji", "3", "5"),
    ("small_grants", "Zadania zlecone w trybie art. 19a (małe granty)", "zadań", "6", "10"),
    ("rejected_formally_share", "Odsetek ofert odrzuconych z przyczyn formalnych", "%", "12", ""),
    ("consultations", "Konsultacje z organizacjami", "konsultacji", "4", "6"),
    ("comments_answered", "Uwagi z konsultacji, na które urząd odpowiedział", "uwag", "20", "30"),
    ("body_meetings", "Posiedzenia Zespołu Konsultacyjnego", "posiedzeń", "4", "6"),
    ("body_positions", "Stanowiska i opinie Zespołu Konsultacyjnego", "stanowisk", "3", "5"),
    ("trainings", "Szkolenia dla organizacji", "szkoleń", "8", "12"),
    ("training_participants", "Uczestnicy szkoleń", "osób", "120", "200"),
    ("organizations_with_report", "Organizacje z opublikowanym sprawozdaniem rocznym", "organizacji", "15", "30"),
    ("", "Wolontariusze zaangażowani w zadania zlecone", "osób", "350", "500"),
]
MANUAL_SOURCE = "Sprawozdania końcowe z realizacji zadań, zebrane przez wydziały"

NARRATIVE = {
    "introduction": (
        "Sprawozdanie przedstawia realizację programu współpracy w roku {year}. Liczby w tabelach pochodzą "
        "z serwisu: z konkursów, małych grantów, konsultacji, prac Zespołu Konsultacyjnego, szkoleń i bazy "
        "organizacji."),
    "priorities_text": "Wszystkie zadania priorytetowe objęto konkursami; w sferze ekologii ogłoszono dwa nabory.",
    "cooperation_text": "Najczęstszą formą współpracy było zlecanie zadań w otwartych konkursach ofert.",
    "indicators_text": "Większość wskaźników osiągnęła wartości docelowe; poniżej celu pozostała liczba szkoleń.",
    "funds_text": "Środki niewykorzystane w konkursach przeznaczono na małe granty.",
    "competitions_text": "Wyniki każdego konkursu ogłoszono w BIP, na tablicy ogłoszeń i w serwisie.",
    "conclusions": "- utrzymać liczbę konkursów,\n- zwiększyć udział organizacji po raz pierwszy sięgających "
                   "po dotację,\n- prowadzić więcej szkoleń z rozliczania dotacji.",
}


def _indicators(programme: Programme, official, years) -> int:
    made = 0
    for position, (measure, name, unit, baseline, target) in enumerate(INDICATORS):
        indicator, created = Indicator.objects.get_or_create(programme=programme, name=name, defaults={
            "position": position, "unit": unit, "measure": measure,
            "source": Indicator.Source.COMPUTED if measure else Indicator.Source.MANUAL,
            "source_description": "" if measure else MANUAL_SOURCE,
            "baseline": Decimal(baseline), "baseline_year": programme.year_from - 1,
            "target": Decimal(target) if target else None,
        })
        made += created
        if not measure:
            for offset, year in enumerate(years):
                IndicatorValue.objects.get_or_create(indicator=indicator, year=year, defaults={
                    "value": Decimal(380 + 45 * offset), "entered_by": official, "note": MANUAL_SOURCE,
                })
    return made


def _report(programme: Programme, year: int, official, today) -> YearReport:
    submitted = min(dt.date(year + 1, 4, 28), today - dt.timedelta(days=14))
    published = min(submitted + dt.timedelta(days=9), today - dt.timedelta(days=1))
    report, _created = YearReport.objects.get_or_create(programme=programme, year=year, defaults={
        **{name: text.format(year=year) for name, text in NARRATIVE.items()},
        "submitted_to_council_on": submitted, "published_in_bip_on": published,
        "published_at": timezone.make_aware(dt.datetime.combine(published, dt.time(12))), "updated_by": official,
    })
    return report


def load(stdout, **options):
    today = timezone.localdate()
    official = User.objects.filter(email=OFFICIAL).first()
    programmes = list(Programme.objects.filter(year_to__gte=today.year - 1, year_from__lte=today.year + 1))
    if not programmes:
        stdout.write("  brak programów współpracy: bez wskaźników i sprawozdania")
        return
    made = 0
    for programme in programmes:
        years = [year for year in programme.years if year <= today.year]
        made += _indicators(programme, official, years)
    last_year = today.year - 1
    reported = [p for p in programmes if p.year_from <= last_year <= p.year_to]
    for programme in reported[:1]:
        _report(programme, last_year, official, today)
    stdout.write(f"  wskaźniki programów: {made} nowych; sprawozdanie za {last_year}: {len(reported[:1])}")

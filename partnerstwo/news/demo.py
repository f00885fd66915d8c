"""Demo news of the Centre and the advisory body, dated relative to the day the demo is loaded.

An item is only created when its address is free, so editors' changes survive a second run.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import dateformat, timezone, translation

from partnerstwo.news.editing import save_news_item
from partnerstwo.news.models import NewsItem
from partnerstwo.pages.demo import demo_editor, mail_link, tel_link

# Fixed public holidays (domain.md §7.2); demo meetings avoid them and weekends.
FIXED_HOLIDAYS = {(1, 1), (1, 6), (5, 1), (5, 3), (8, 15), (11, 1), (11, 11), (12, 24), (12, 25), (12, 26)}


def _working_day(day, step: int = 1):
    while day.weekday() >= 5 or (day.month, day.day) in FIXED_HOLIDAYS:
        day += timedelta(days=step)
    return day


def _at(day, hour: int, minute: int = 0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _pl(day) -> str:
    return dateformat.format(day, "j E Y") + " r."


def demo_news(today) -> list[dict]:
    centre = settings.CITY["centre"]
    body = settings.CITY["advisory_body_name"]
    next_year = today.year + 1
    address = f"{centre['street']}, {centre['postal_code']} {centre['city']}"
    contact = f"tel. {tel_link(centre['phone'])}, e-mail {mail_link(centre['email'])}"
    meeting_day = _working_day(today + timedelta(days=19))
    training_day = _working_day(today + timedelta(days=5))
    team_meeting_day = _working_day(today - timedelta(days=17), step=-1)
    schedule_deadline = _working_day(today + timedelta(days=14))
    forum_day = _working_day(today - timedelta(days=41), step=-1)
    return [
        {
            "slug": "harmonogram-konkursow-ofert-projekt",
            "title": f"Projekt harmonogramu otwartych konkursów ofert na {next_year} rok",
            "published_at": _at(today - timedelta(days=1), 12, 15),
            "lead": (
                f"Departamenty urzędu zaplanowały terminy konkursów ofert na realizację zadań publicznych "
                f"w {next_year} roku. Do {_pl(schedule_deadline)} czekamy na uwagi organizacji."
            ),
            "body": f"""\
Przygotowaliśmy projekt harmonogramu otwartych konkursów ofert na {next_year} rok. Ustalanie harmonogramu \
razem z organizacjami to jedno z zadań, które {body} wpisał do swoich celów: dzięki niemu organizacje \
mogą wcześniej zaplanować pracę nad ofertami i wkład własny.

W projekcie znalazły się konkursy z zakresu:

- pomocy społecznej i działań na rzecz osób z niepełnosprawnościami,
- kultury, sztuki i ochrony dziedzictwa kulturowego,
- wspierania kultury fizycznej,
- ochrony i promocji zdrowia, w tym przeciwdziałania uzależnieniom,
- działań na rzecz dzieci i młodzieży oraz seniorów.

## Jak zgłosić uwagi

Uwagi do terminów i zakresu konkursów można przesyłać do {_pl(schedule_deadline)} e-mailem na adres \
{mail_link(centre['email'])} albo złożyć osobiście w Centrum ({address}). \
Zestawienie uwag wraz ze stanowiskiem departamentów opublikujemy w aktualnościach.
""",
        },
        {
            "slug": "spotkanie-integracyjne-organizacji-zapisy",
            "title": "Spotkanie integracyjne organizacji pozarządowych – ruszyły zapisy",
            "published_at": _at(today - timedelta(days=3), 9, 30),
            "lead": (
                f"Zapraszamy przedstawicieli białostockich organizacji na spotkanie {_pl(meeting_day)} "
                "w Centrum Współpracy Organizacji Pozarządowych. Liczba miejsc jest ograniczona."
            ),
            "body": f"""\
Spotkania integrujące środowisko organizacji pozarządowych to tradycja, o którą dba {body}. \
Tym razem spotykamy się **{_pl(meeting_day)} o godz. 17:00** w Centrum Współpracy Organizacji \
Pozarządowych, {address}.

W programie:

- krótkie podsumowanie mijającego roku współpracy organizacji z miastem,
- prezentacje trzech organizacji, które w tym roku rozpoczęły działalność,
- rozmowy przy herbacie i wymiana kontaktów.

## Zapisy

Liczba miejsc jest ograniczona – prosimy o zgłoszenie maksymalnie dwóch osób z jednej organizacji: \
{contact}. Jeśli potrzebujesz pomocy w dotarciu na miejsce albo tłumaczenia na polski język migowy, \
napisz o tym w zgłoszeniu.
""",
        },
        {
            "slug": "szkolenie-sprawozdawczosc-opp",
            "title": "Szkolenie: sprawozdawczość organizacji pożytku publicznego",
            "published_at": _at(today - timedelta(days=10), 10, 0),
            "lead": (
                f"Bezpłatne szkolenie {_pl(training_day)} dla organizacji, które przygotowują sprawozdanie "
                "merytoryczne i finansowe. Poprowadzi je doradczyni z wieloletnim doświadczeniem w księgowości NGO."
            ),
            "body": f"""\
Zapraszamy na bezpłatne szkolenie o obowiązkach sprawozdawczych organizacji pozarządowych, w tym \
organizacji pożytku publicznego. Szkolenie odbędzie się **{_pl(training_day)} w godz. 10:00–14:00** \
w Centrum Współpracy Organizacji Pozarządowych, {address}.

Omówimy:

1. terminy i adresatów sprawozdań finansowych i merytorycznych,
2. najczęstsze błędy w sprawozdaniach i jak ich uniknąć,
3. publikowanie sprawozdań tak, aby były łatwo dostępne dla darczyńców i mieszkańców.

Szkolenie jest skierowane przede wszystkim do osób, które po raz pierwszy przygotowują sprawozdanie. \
Zgłoszenia: {contact}.
""",
        },
        {
            "slug": "zespol-konsultacyjny-spotkanie-departament-spraw-spolecznych",
            "title": "Zespół Konsultacyjny spotkał się z Departamentem Spraw Społecznych",
            "published_at": _at(today - timedelta(days=16), 14, 45),
            "lead": (
                "Rozmawialiśmy o potrzebach organizacji działających na rzecz seniorów i osób "
                "w kryzysie bezdomności oraz o zasadach rozliczania dotacji."
            ),
            "body": f"""\
{_pl(team_meeting_day)} członkowie Zespołu spotkali się z przedstawicielami Departamentu \
Spraw Społecznych Urzędu Miejskiego w Białymstoku. Spotkania z poszczególnymi departamentami urzędu \
to jedno z zadań, które {body} realizuje w ramach rzecznictwa interesów organizacji.

Najważniejsze ustalenia:

- departament przedstawi organizacjom plan konkursów w obszarze pomocy społecznej na przyszły rok \
jeszcze przed ich ogłoszeniem,
- Zespół przygotuje zestawienie najczęstszych trudności organizacji przy rozliczaniu dotacji,
- kolejne spotkanie poświęcimy współpracy przy programach dla seniorów.

Notatkę ze spotkania można otrzymać w Centrum Współpracy Organizacji Pozarządowych.
""",
        },
        {
            "slug": "podsumowanie-konsultacji-programu-wspolpracy",
            "title": f"Podsumowanie konsultacji programu współpracy na {next_year} rok",
            "published_at": _at(today - timedelta(days=22), 11, 0),
            "lead": (
                "Zakończyły się konsultacje projektu programu współpracy miasta z organizacjami pozarządowymi. "
                "Dziękujemy za wszystkie uwagi – zestawienie wraz z odpowiedziami jest już dostępne."
            ),
            "body": f"""\
Zakończyły się konsultacje projektu „Programu współpracy Miasta Białystok z organizacjami pozarządowymi \
oraz innymi podmiotami prowadzącymi działalność pożytku publicznego na {next_year} rok”.

Organizacje zgłaszały uwagi przede wszystkim do:

- terminów ogłaszania konkursów i podpisywania umów,
- możliwości przesuwania środków między pozycjami kosztorysu,
- wsparcia dla młodych organizacji, które dopiero zaczynają starać się o dotacje.

Każda uwaga otrzymała odpowiedź z uzasadnieniem: uwzględniona, uwzględniona częściowo albo \
nieuwzględniona. Sprawozdanie z konsultacji można pobrać w Centrum lub otrzymać e-mailem \
({mail_link(centre['email'])}). Projekt programu trafi teraz pod obrady Rady Miasta.
""",
        },
        {
            "slug": "dyzury-doradcze-w-centrum",
            "title": "Dyżury doradcze w Centrum: zakładanie stowarzyszenia i sprawy prawne",
            "published_at": _at(today - timedelta(days=29), 8, 45),
            "lead": (
                "W każdy wtorek i czwartek doradcy Centrum pomagają grupom, które chcą założyć stowarzyszenie "
                "lub fundację, oraz organizacjom, które mają pytania o statut i rejestrację w KRS."
            ),
            "body": f"""\
Centrum Współpracy Organizacji Pozarządowych zaprasza na bezpłatne dyżury doradcze. Doradcy pomagają:

- wybrać formę prawną (stowarzyszenie, stowarzyszenie zwykłe, fundacja),
- przygotować statut i dokumenty do rejestracji w Krajowym Rejestrze Sądowym,
- zgłosić zmiany w zarządzie i w statucie,
- przygotować się do uzyskania statusu organizacji pożytku publicznego.

Dyżury odbywają się **we wtorki i czwartki w godz. 12:00–16:00** w Centrum, {address}. \
Prosimy o wcześniejsze umówienie się: {contact}.
""",
        },
        {
            "slug": "forum-inicjatyw-pozarzadowych-relacja",
            "title": "Forum Inicjatyw Pozarządowych: dziękujemy za wspólne święto organizacji",
            "published_at": _at(today - timedelta(days=40), 16, 0),
            "lead": (
                "Kilkadziesiąt organizacji zaprezentowało swoją działalność mieszkańcom. Była część artystyczna, "
                "panel dyskusyjny o wolontariacie i stoiska z informacją o przekazywaniu 1,5% podatku."
            ),
            "body": f"""\
{_pl(forum_day)} odbyło się Forum Inicjatyw Pozarządowych – coroczne spotkanie, na którym \
białostockie organizacje pokazują mieszkańcom, czym się zajmują.

Na stoiskach można było porozmawiać z organizacjami działającymi na rzecz dzieci i młodzieży, seniorów, \
osób z niepełnosprawnościami, zwierząt i przyrody. Część artystyczną przygotowały zespoły działające przy \
stowarzyszeniach kulturalnych z osiedli Antoniuk, Bojary i Piaski.

W panelu dyskusyjnym rozmawialiśmy o tym, jak zachęcać do wolontariatu osoby pracujące zawodowo \
i seniorów. Wnioski z dyskusji {body} wykorzysta w pracach nad programem współpracy.

Dziękujemy wszystkim organizacjom, wolontariuszom i gościom!
""",
        },
        {
            "slug": "nabor-do-grup-branzowych",
            "title": "Nabór do grup branżowych Zespołu Konsultacyjnego",
            # Scheduled: editors see it in the panel; the public sees it from its publication date.
            "published_at": _at(today + timedelta(days=2), 9, 0),
            "lead": (
                "Zapraszamy organizacje do grup branżowych: pomocy społecznej, kultury, sportu, edukacji "
                "i ekologii. Grupy przygotują stanowiska do konsultacji aktów prawa miejscowego."
            ),
            "body": f"""\
Powołanie grup branżowych to jedno z zadań, które {body} zapisał w swoich celach. Grupy skupią \
organizacje działające w podobnych dziedzinach, aby wspólnie przygotowywać opinie do projektów uchwał \
i programów miejskich.

Planujemy grupy:

- pomocy społecznej i zdrowia,
- kultury i dziedzictwa,
- sportu i rekreacji,
- edukacji, dzieci i młodzieży,
- ekologii i ochrony zwierząt.

Zgłoszenia (nazwa organizacji, wybrana grupa, osoba do kontaktu) przyjmujemy e-mailem: \
{mail_link(centre['email'])}.
""",
        },
    ]


def load(stdout, **options):
    editor = demo_editor()
    created = 0
    with translation.override(settings.LANGUAGE_CODE):
        for data in demo_news(timezone.localdate()):
            if NewsItem.objects.filter(slug=data["slug"]).exists():
                continue
            item = save_news_item(NewsItem(is_published=True, **data), editor=editor)
            # As if written on the day it went out, not when the demo was loaded.
            written = min(item.published_at, timezone.now())
            NewsItem.objects.filter(pk=item.pk).update(created_at=written, updated_at=written)
            created += 1
    stdout.write(f"  aktualności: {NewsItem.objects.count()} (nowe: {created})")

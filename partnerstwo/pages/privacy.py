"""The part of the privacy policy that must agree with the code: every place that collects personal data,
with its purpose, legal basis, retention and recipients, and the truth about the map's tiles.

The privacy page's body is editable content; this part is generated from settings on every request
and shown under it, so changing a retention setting or MAP_TILES_URL changes the page, and an editor
cannot leave it out of date. Figures that are constants in other apps are repeated here and checked
against them by tests (pages imports no app above it).
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

PRIVACY_SLUG = "polityka-prywatnosci"

# newsletter.subscriptions.CONFIRMATION_DAYS and small_grants.procedure.CONFIRMATION_DAYS (tests compare them).
NEWSLETTER_CONFIRMATION_DAYS = 7
SMALL_GRANT_COMMENT_CONFIRMATION_DAYS = 7

# Operators of well-known public tile servers, named in the policy; any other host is named by its address.
TILE_OPERATORS = {
    "tile.openstreetmap.org": "OpenStreetMap Foundation",
}


@dataclass(frozen=True)
class Processing:
    name: str
    data: str
    purpose: str
    basis: str
    retention: list[str]
    recipients: str


def _days(count: int) -> str:
    return ngettext("%(count)s dzień", "%(count)s dni", count) % {"count": count}


def _years(count: int) -> str:
    return ngettext("%(count)s rok", "%(count)s lat", count) % {"count": count}


def processing_register() -> list[Processing]:
    centre = settings.CITY.get("centre", {}).get("name", "")
    processors = _("dostawcy hostingu i poczty elektronicznej jako podmioty przetwarzające")
    ip_days = _days(settings.PERSONAL_DATA_IP_RETENTION_DAYS)
    return [
        Processing(
            name=_("Konto w serwisie"),
            data=_("adres e-mail, imię i nazwisko (jeśli je podasz), skrót hasła, rola, język, ustawienia "
                   "autoryzacji dwuskładnikowej, czas założenia konta i ostatniego logowania"),
            purpose=_("logowanie i korzystanie z funkcji dla zalogowanych"),
            basis=_("Twoja zgoda wyrażona przez założenie konta (art. 6 ust. 1 lit. a RODO); konta pracowników "
                    "urzędu i członków Zespołu – wykonywanie zadania publicznego (art. 6 ust. 1 lit. e RODO)"),
            retention=[_("do usunięcia konta – możesz je usunąć sam(a) na stronie „Moje konto”, gdzie możesz też "
                         "pobrać wszystkie swoje dane w pliku JSON")],
            recipients=processors,
        ),
        Processing(
            name=_("Przedstawiciele organizacji"),
            data=_("powiązanie konta z organizacją, funkcja w organizacji, potwierdzenie adresu organizacji, "
                   "decyzja urzędu i jej uzasadnienie, proponowane zmiany danych organizacji"),
            purpose=_("sprawdzenie, kto może aktualizować wpis organizacji w katalogu"),
            basis=_("wykonywanie zadania publicznego – współpraca miasta z organizacjami pozarządowymi "
                    "(art. 6 ust. 1 lit. e RODO w związku z ustawą o działalności pożytku publicznego "
                    "i o wolontariacie)"),
            retention=[_("do usunięcia konta albo odwołania przedstawiciela; historia zmian danych organizacji "
                         "zostaje, ale bez powiązania z Tobą")],
            recipients=_("pracownicy urzędu rozpatrujący zgłoszenia; %(processors)s") % {"processors": processors},
        ),
        Processing(
            name=_("Newsletter"),
            data=_("adres e-mail, wybrane tematy, sfery i osiedla, język, zapis zgody (jej treść i wersja, czas "
                   "wyrażenia, potwierdzenia i wycofania, adres IP i przeglądarka), rejestr wysłanych wiadomości"),
            purpose=_("wysyłanie wybranych informacji"),
            basis=_("Twoja zgoda (art. 6 ust. 1 lit. a RODO, art. 398 Prawa komunikacji elektronicznej); zapis "
                    "zgody – wykazanie, że ją wyrażono (art. 7 ust. 1 RODO)"),
            retention=[
                _("zapis niepotwierdzony – %(days)s") % {"days": _days(NEWSLETTER_CONFIRMATION_DAYS)},
                _("adres i wybory – do wycofania zgody, a potem %(days)s")
                % {"days": _days(settings.NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS)},
                _("zapis zgody – %(years)s od jej wycofania (okres przedawnienia roszczeń)")
                % {"years": _years(settings.NEWSLETTER_CONSENT_RETENTION_YEARS)},
                _("adres IP i przeglądarka w zapisie zgody – %(days)s") % {"days": ip_days},
            ],
            recipients=_("%(centre)s, które przygotowuje wiadomości; %(processors)s")
            % {"centre": centre, "processors": processors},
        ),
        Processing(
            name=_("Wiadomości do organizacji"),
            data=_("potwierdzony adres e-mail organizacji (może być adresem konkretnej osoby), wybrane tematy, "
                   "zapis zgody wyrażonej przez przedstawiciela (kto, kiedy, na co, adres IP i przeglądarka)"),
            purpose=_("wysyłanie organizacjom informacji o konkursach, szkoleniach i wydarzeniach"),
            basis=_("zgoda wyrażona w imieniu organizacji przez jej przedstawiciela (art. 6 ust. 1 lit. a RODO, "
                    "art. 398 Prawa komunikacji elektronicznej); bez niej nie wysyłamy organizacji wiadomości"),
            retention=[
                _("do wycofania zgody albo zmiany potwierdzonego adresu organizacji"),
                _("zapis zgody – %(years)s od jej wycofania; adres IP i przeglądarka – %(days)s")
                % {"years": _years(settings.NEWSLETTER_CONSENT_RETENTION_YEARS), "days": ip_days},
            ],
            recipients=_("%(centre)s; %(processors)s") % {"centre": centre, "processors": processors},
        ),
        Processing(
            name=_("Zapisy na wydarzenia i szkolenia"),
            data=_("imię i nazwisko, adres e-mail i inne dane, o które prosi formularz zapisu, miejsce na liście "
                   "oczekujących"),
            purpose=_("przygotowanie wydarzenia, lista uczestników i oczekujących, przypomnienia"),
            basis=_("wykonywanie zadania publicznego (art. 6 ust. 1 lit. e RODO)"),
            retention=[_("dane uczestnika anonimizujemy %(days)s po wydarzeniu; zostaje tylko liczba uczestników")
                       % {"days": _days(settings.EVENTS_REGISTRATION_RETENTION_DAYS)}],
            recipients=_("organizator wydarzenia (%(centre)s, wydział urzędu albo organizacja); %(processors)s")
            % {"centre": centre, "processors": processors},
        ),
        Processing(
            name=_("Uwagi do ofert małych grantów"),
            data=_("imię i nazwisko lub nazwa, adres e-mail, treść uwagi"),
            purpose=_("zgłaszanie uwag do oferty w trybie art. 19a ust. 4 ustawy o działalności pożytku publicznego "
                      "i o wolontariacie i ich rozpatrzenie przed decyzją"),
            basis=_("wykonywanie zadania publicznego i obowiązku prawnego (art. 6 ust. 1 lit. c i e RODO)"),
            retention=[
                _("uwaga niepotwierdzona – %(days)s") % {"days": _days(SMALL_GRANT_COMMENT_CONFIRMATION_DAYS)},
                _("uwaga potwierdzona – razem z dokumentacją oferty, przez okres wynikający z przepisów "
                  "o archiwizacji"),
            ],
            recipients=_("pracownicy wydziału, który rozpatruje ofertę; %(processors)s") % {"processors": processors},
        ),
        Processing(
            name=_("Umowy dotacyjne i sprawozdania"),
            data=_("imiona, nazwiska i funkcje osób podpisujących umowę w imieniu miasta i organizacji, numer "
                   "rachunku bankowego organizacji, kto przygotował umowę, zapisał wersję jej postanowień, złożył "
                   "sprawozdanie i je ocenił"),
            purpose=_("zawarcie umowy o realizację zadania publicznego i jej rozliczenie (art. 16 i 18 ustawy "
                      "o działalności pożytku publicznego i o wolontariacie)"),
            basis=_("wykonywanie zadania publicznego i obowiązku prawnego (art. 6 ust. 1 lit. c i e RODO)"),
            retention=[_("razem z dokumentacją umowy, przez okres wynikający z przepisów o archiwizacji; po usunięciu "
                         "konta zostają w niej imiona i nazwiska z treści umowy, bez powiązania z kontem")],
            recipients=_("pracownicy wydziału, który prowadzi konkurs; %(processors)s") % {"processors": processors},
        ),
        Processing(
            name=_("Formularz „Napisz do nas”"),
            data=_("adres e-mail, treść wiadomości, strona, której dotyczy"),
            purpose=_("potwierdzenie adresu nadawcy, rozpatrzenie wiadomości i odpowiedź"),
            basis=_("Twoja zgoda (art. 6 ust. 1 lit. a RODO)"),
            retention=[
                _("wiadomość niepotwierdzona – %(days)s") % {"days": _days(settings.FEEDBACK_CONFIRMATION_DAYS)},
                _("wiadomość potwierdzona – %(days)s od potwierdzenia")
                % {"days": _days(settings.FEEDBACK_RETENTION_DAYS)},
            ],
            recipients=_("upoważnieni pracownicy %(centre)s; %(processors)s")
            % {"centre": centre, "processors": processors},
        ),
        Processing(
            name=_("Komisje konkursowe"),
            data=_("imię i nazwisko, rola w komisji, organizacja wskazująca, oświadczenie o bezstronności "
                   "(w tym organizacje, których ofert członek nie ocenia), oceny ofert"),
            purpose=_("przeprowadzenie otwartego konkursu ofert i udokumentowanie bezstronności oceny"),
            basis=_("obowiązek prawny (art. 6 ust. 1 lit. c RODO w związku z art. 15 ustawy o działalności pożytku "
                    "publicznego i o wolontariacie)"),
            retention=[_("razem z dokumentacją konkursu, przez okres wynikający z przepisów o archiwizacji; "
                         "konto członka komisji usuwamy na jego prośbę")],
            recipients=_("pracownicy wydziału prowadzącego konkurs, członkowie komisji; skład komisji jest "
                         "podawany w protokole"),
        ),
        Processing(
            name=_("Członkowie Zespołu Konsultacyjnego"),
            data=_("imię i nazwisko, funkcja, kogo członek reprezentuje, daty członkostwa, zdjęcie (za zgodą), "
                   "adres e-mail do zaproszeń"),
            purpose=_("jawność składu ciała doradczego miasta i organizacja jego pracy"),
            basis=_("wykonywanie zadania publicznego (art. 6 ust. 1 lit. e RODO w związku z art. 41e–41i ustawy "
                    "o działalności pożytku publicznego i o wolontariacie); zdjęcie – zgoda "
                    "(art. 6 ust. 1 lit. a RODO)"),
            retention=[_("skład każdej kadencji zostaje w jej publicznej historii; zdjęcie i adres do zaproszeń "
                         "usuwamy z kontem albo na prośbę")],
            recipients=_("wszyscy odwiedzający (skład Zespołu jest publiczny); %(processors)s")
            % {"processors": processors},
        ),
        Processing(
            name=_("Propozycje dobrych praktyk"),
            data=_("konto osoby, która zaproponowała praktykę w imieniu organizacji, uwagi Centrum do propozycji"),
            purpose=_("ocena i publikacja dobrych praktyk organizacji"),
            basis=_("wykonywanie zadania publicznego (art. 6 ust. 1 lit. e RODO w związku z art. 4 ust. 1 pkt 32 "
                    "ustawy o działalności pożytku publicznego i o wolontariacie)"),
            retention=[_("do usunięcia konta; opublikowana praktyka zostaje jako materiał organizacji, "
                         "bez powiązania z Tobą")],
            recipients=_("pracownicy urzędu oceniający propozycje; %(processors)s") % {"processors": processors},
        ),
        Processing(
            name=_("Wiadomości „Z życia organizacji”"),
            data=_("konto osoby, która napisała wiadomość w imieniu organizacji, uwagi Centrum do wiadomości; "
                   "zdjęcie dołączone przez organizację"),
            purpose=_("ocena i publikacja wiadomości o działalności organizacji"),
            basis=_("wykonywanie zadania publicznego (art. 6 ust. 1 lit. e RODO w związku z art. 4 ust. 1 pkt 32 "
                    "ustawy o działalności pożytku publicznego i o wolontariacie)"),
            retention=[_("do usunięcia konta; opublikowana wiadomość zostaje jako wiadomość organizacji, "
                         "bez powiązania z Tobą")],
            recipients=_("pracownicy urzędu oceniający wiadomości; po publikacji wszyscy odwiedzający; "
                         "%(processors)s") % {"processors": processors},
        ),
        Processing(
            name=_("Kontakty w mediach biuletynu miejskiego"),
            data=_("imię i nazwisko, redakcja, adres e-mail; rejestr wysłanych wydań biuletynu"),
            purpose=_("wysyłanie dziennikarzom nowych wydań biuletynu o działaniach organizacji pozarządowych"),
            basis=_("zgoda dziennikarza na otrzymywanie biuletynu (art. 6 ust. 1 lit. a RODO, art. 398 Prawa "
                    "komunikacji elektronicznej); każda wiadomość ma link do wypisania się"),
            retention=[_("do usunięcia z listy przez Centrum albo do wypisania się lub usunięcia konta o tym "
                         "samym adresie")],
            recipients=_("pracownicy urzędu przygotowujący biuletyn; %(processors)s") % {"processors": processors},
        ),
        Processing(
            name=_("Badania potrzeb organizacji"),
            data=_("odpowiedzi organizacji na ankietę (należą do organizacji); konto przedstawiciela, który je "
                   "wysłał lub zmienił, i czas wysłania"),
            purpose=_("poznanie potrzeb organizacji przy przygotowaniu programu współpracy, szkoleń i konkursów"),
            basis=_("wykonywanie zadania publicznego (art. 6 ust. 1 lit. e RODO w związku z art. 5 i 5a ustawy "
                    "o działalności pożytku publicznego i o wolontariacie)"),
            retention=[_("powiązanie odpowiedzi z kontem – do usunięcia konta; odpowiedzi zostają jako "
                         "odpowiedzi organizacji")],
            recipients=_("pracownicy Centrum i urzędu oraz członkowie Zespołu przygotowujący badanie; po zamknięciu "
                         "badania, jeśli tak ustalono, wszyscy odwiedzający widzą zbiorcze liczby bez odpowiedzi "
                         "tekstowych i nazw organizacji; %(processors)s") % {"processors": processors},
        ),
        Processing(
            name=_("Ogłoszenia „Szukam partnera” i odpowiedzi na nie"),
            data=_("konto ogłaszającego; w odpowiedzi: imię i nazwisko lub nazwa, adres e-mail, treść wiadomości "
                   "i odpowiedź ogłaszającego"),
            purpose=_("przekazanie wiadomości między ogłaszającym a odpowiadającym bez ujawniania ich adresów"),
            basis=_("Twoja zgoda wyrażona przez wysłanie wiadomości (art. 6 ust. 1 lit. a RODO)"),
            retention=[_("wiadomość i odpowiedź – %(days)s od wysłania; ogłoszenie – do usunięcia konta "
                         "albo organizacji") % {"days": _days(settings.PARTNERS_ANSWER_RETENTION_DAYS)}],
            recipients=_("ogłaszający (bez Twojego adresu, dopóki nie odpowie); moderatorzy urzędu widzą "
                         "ogłoszenia; %(processors)s") % {"processors": processors},
        ),
        Processing(
            name=_("Członkowie grup branżowych i zespołów roboczych Zespołu"),
            data=_("imię i nazwisko, instytucja lub funkcja, rola w grupie, adres e-mail do zaproszeń (niepubliczny), "
                   "konto koordynatora"),
            purpose=_("praca grup i zespołów roboczych: skład, zaproszenia na posiedzenia i protokoły"),
            basis=_("wykonywanie zadania publicznego (art. 6 ust. 1 lit. e RODO w związku z art. 5 ustawy "
                    "o działalności pożytku publicznego i o wolontariacie)"),
            retention=[_("skład grupy zostaje na jej stronie; adres do zaproszeń i powiązanie z kontem usuwamy "
                         "z kontem albo na prośbę")],
            recipients=_("wszyscy odwiedzający (skład grupy jest publiczny); %(processors)s")
            % {"processors": processors},
        ),
    ]


def _host(url: str) -> str:
    return (urlsplit(url.replace("{s}", "a")).hostname or "").lower()


def _own_hosts() -> set[str]:
    hosts = {_host(settings.SITE_URL)}
    hosts.update(host.lstrip(".").lower() for host in settings.ALLOWED_HOSTS if host not in ("*", ""))
    hosts.update(domain.lower() for domain in settings.CITY.get("data_controller", {}).get("own_domains", []))
    return {host for host in hosts if host}


def map_tiles() -> dict:
    """Who learns a reader's IP address when the directory map loads its tiles.

    kind: "none" (no tiles), "own" (the controller's own server), "third_party" (anyone else).
    """
    url = (settings.MAP_TILES_URL or "").strip()
    if not url:
        return {"kind": "none", "host": "", "operator": ""}
    host = _host(url)
    if url.startswith("/") and not url.startswith("//"):
        return {"kind": "own", "host": _host(settings.SITE_URL), "operator": ""}
    own = _own_hosts()
    if any(host == domain or host.endswith("." + domain) for domain in own):
        return {"kind": "own", "host": host, "operator": ""}
    return {"kind": "third_party", "host": host, "operator": TILE_OPERATORS.get(host, "")}

"""Demo content pages: the seed's "Misja i cele", contact, accessibility statement, privacy notice.

A page is only created when it is missing: once an editor has changed it, loading the demo
again leaves their text alone.
"""

from django.conf import settings
from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils import timezone, translation

from partnerstwo.accounts.models import User
from partnerstwo.lib.display import COOKIE_MAX_AGE, COOKIE_NAME
from partnerstwo.pages.editing import save_page
from partnerstwo.pages.models import ContentPage

DEMO_NOTE = "Treść początkowa (dane demonstracyjne)"

MISSION = """\
Podczas wyjazdowego spotkania w Goniądzu w dniach 12–13 stycznia 2008 r. członkowie Zespołu opracowali misję \
i cele Zespołu na najbliższą kadencję.

## Misja Zespołu Konsultacyjnego Organizacji Pozarządowych

Jesteśmy reprezentacją organizacji pozarządowych i inicjatyw społecznych działających na terenie miasta \
Białegostoku.

Misją Zespołu Konsultacyjnego Organizacji Pozarządowych jest budowanie dialogu, partnerstwa i współpracy \
pomiędzy organizacjami pozarządowymi, inicjatywami społecznymi, władzami lokalnymi i innymi podmiotami \
działającymi na rzecz mieszkańców miasta.

## Cele Zespołu Konsultacyjnego Organizacji Pozarządowych

1. Rzecznictwo interesów i przedstawianie potrzeb organizacji pozarządowych wobec administracji rządowej \
i samorządowej.
2. Inicjowanie współpracy i integracja sektora pozarządowego.
3. Upowszechnianie standardów działania organizacji pozarządowych.
4. Dbanie o pozytywny wizerunek organizacji pozarządowych i ich promocja wśród mieszkańców Białegostoku \
oraz władz miasta.

### Rzecznictwo interesów i przedstawianie potrzeb organizacji wobec administracji samorządowej i rządowej – zadania

- organizacja spotkań Zespołu Konsultacyjnego z przedstawicielami poszczególnych departamentów Urzędu \
Miejskiego w Białymstoku
- współpraca z Biurem Komunikacji Społecznej Urzędu Miejskiego w Białymstoku
- inicjatywa legislacyjna, opiniowanie i monitorowanie aktów prawnych
- spotkania członków Zespołu z przedstawicielami organizacji pozarządowych (badania potrzeb, prezentacja \
Programu Współpracy, budżetu i in.)
- wypracowywanie stanowisk Zespołu Konsultacyjnego Organizacji Pozarządowych
- udział w pracach komisji oceny projektów
- dbanie o przejrzystość procedur, monitoring Programu Współpracy
- ustalenie harmonogramu konkursów ofert na realizację zadań publicznych gminy

### Inicjowanie współpracy i integracja sektora pozarządowego – zadania

- organizacja konferencji – forum inicjatyw pozarządowych
- działania na rzecz pozyskania nowego lokalu Centrum Współpracy Organizacji Pozarządowych
- utworzenie banku informacji o organizacjach pozarządowych i umieszczenie go na portalu miejskim
- stworzenie kalendarza wydarzeń organizacji pozarządowych oraz wysyłanie informacji do wszystkich organizacji \
elektronicznie na bieżąco oraz zamieszczenie go na portalu miejskim
- przesyłanie organizacjom pocztą elektroniczną informacji o konkursach grantowych ogłaszanych przez Urząd \
Miejski w Białymstoku
- organizacja spotkań integrujących środowisko organizacji pozarządowych, np. majówka, spotkanie wigilijne
- organizacja tematycznych paneli dyskusyjnych, spotkań z ekspertami
- planowanie i współorganizacja wspólnych przedsięwzięć
- powołanie grup branżowych
- budowanie solidarności organizacji pozarządowych
- realizacja partnerskich projektów
- organizacja szkoleń
- inicjowanie spotkań z przedstawicielami samorządu

### Dbanie o pozytywny wizerunek organizacji pozarządowych i ich promocja wśród mieszkańców Białegostoku i władz miasta – zadania

- zainteresowanie mediów działalnością organizacji pozarządowych:
  - próba przekonania mediów do opracowania cyklicznych publikacji (np. 1x kwartał)
  - opracowanie jednego numeru Biuletynu Miejskiego jako wkładki prasowej o najciekawszych działaniach \
organizacji
- przeprowadzenie kampanii 1%
- prezentacja organizacji na Forum Inicjatyw Pozarządowych połączona z częścią artystyczną
- przeszkolenie Zespołu Konsultacyjnego w zakresie podstaw PR

### Upowszechnianie standardów działań organizacji pozarządowych – zadania

- korzystanie z portalu miejskiego w celu zamieszczania aktualnych informacji o standardach oraz konferencji, \
np. Forum Inicjatyw Pozarządowych, Forum Szkół
- współpraca z mediami
- przygotowanie i przeprowadzenie kampanii promocyjnej w sprawie przygotowania raportów rocznych \
ze sprawozdaniami finansowymi
- organizacja szkoleń: sprawozdawczość, pozyskanie statusu organizacji pożytku publicznego
- pozyskiwanie i upowszechnianie informacji o dobrych praktykach i standardach branżowych
- tworzenie zespołów roboczych złożonych z przedstawicieli samorządu i organizacji pozarządowych (np. dla udziału \
w konkursach ofert na realizację zadań publicznych gminy)
"""  # noqa: E501 - a Markdown heading cannot be wrapped


def tel_link(number: str) -> str:
    """A Markdown link that dials the number on a phone."""
    digits = "".join(ch for ch in number if ch.isdigit())
    if number == digits and len(digits) == 9:
        # A landline written as bare digits reads better in the usual groups: 85 732 82 20.
        number = f"{digits[:2]} {digits[2:5]} {digits[5:7]} {digits[7:]}"
    return f"[{number}](tel:+48{digits})"


def mail_link(address: str) -> str:
    return f"[{address}](mailto:{address})"


def contact_body() -> str:
    centre = settings.CITY["centre"]
    phones = (
        f"- telefon i faks: {tel_link(centre['phone'])}"
        if centre.get("fax") == centre["phone"]
        else f"- telefon: {tel_link(centre['phone'])}\n- faks: {centre['fax']}"
    )
    return f"""\
{centre['name']} prowadzi sprawy współpracy miasta z organizacjami pozarządowymi. Napisz lub zadzwoń, \
jeśli masz pytanie o współpracę organizacji z miastem albo o ten serwis.

## {centre['name']}

{centre['street']}\\
{centre['postal_code']} {centre['city']}

{phones}
- telefon komórkowy: {tel_link(centre['mobile'])}
- e-mail: {mail_link(centre['email'])}

## Napisz do nas

Uwagi i propozycje dotyczące serwisu lub którejkolwiek z jego stron możesz przesłać przez \
[formularz „Napisz do nas”]({reverse('feedback:create')}). Odpowiemy na adres e-mail, który podasz \
w formularzu. Możesz też napisać bezpośrednio na {mail_link(centre['email'])}.

## Dostępność

Jak dostosowaliśmy serwis do potrzeb osób z niepełnosprawnościami i jak zgłosić problem z dostępnością, \
opisujemy w [deklaracji dostępności]({reverse('pages:page', kwargs={'slug': 'deklaracja-dostepnosci'})}).
"""


def accessibility_body(today) -> str:
    city, centre, contact = settings.CITY, settings.CITY["centre"], settings.CITY["accessibility"]
    date = today.isoformat()
    statement_url = reverse("pages:page", kwargs={"slug": "deklaracja-dostepnosci"})
    feedback_url = f"{reverse('feedback:create')}?strona={statement_url}"
    return f"""\
{city['city_office_name']} zobowiązuje się zapewnić dostępność cyfrową serwisu internetowego \
{city['site_name']} zgodnie z przepisami ustawy z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron \
internetowych i aplikacji mobilnych podmiotów publicznych (Dz. U. z 2023 r. poz. 1440).

Deklaracja dostępności dotyczy strony internetowej serwisu {city['site_name']}, dostępnej pod adresem \
<{settings.SITE_URL}/>.

- Data publikacji strony internetowej: {date}.
- Data ostatniej istotnej aktualizacji: {date}.

## Stan dostępności cyfrowej

Strona internetowa jest **częściowo zgodna** z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej \
stron internetowych i aplikacji mobilnych podmiotów publicznych z powodu niezgodności lub wyłączeń \
wymienionych poniżej. Serwis projektujemy zgodnie ze standardem WCAG 2.1 na poziomie AA.

### Treści niedostępne

- Załączniki (pliki PDF i dokumenty biurowe) dodawane przez organizacje pozarządowe mogą nie być w pełni \
dostępne cyfrowo, np. mogą być skanami bez warstwy tekstowej albo nie mieć oznaczonej struktury. \
Na prośbę przekażemy ich treść w dostępnej formie.
- Zdjęcia i grafiki dodawane przez organizacje mogą nie mieć opisu alternatywnego.
- Widoki map (położenie organizacji i miejsc wydarzeń) nie są w pełni dostępne dla osób niewidomych \
i korzystających wyłącznie z klawiatury. Te same informacje – adresy – zawsze podajemy na stronie także \
w postaci tekstu.
- Formularz „Napisz do nas” wymaga włączonej obsługi JavaScriptu, ponieważ chroni go przed spamem \
zabezpieczenie obliczane w przeglądarce. Bez JavaScriptu można napisać do nas bezpośrednio na adres \
e-mail podany niżej.

### Wyłączenia

Zgodnie z ustawą z obowiązku zapewnienia dostępności cyfrowej wyłączone są m.in. dokumenty opublikowane \
przed 23 września 2018 r. oraz multimedia nadawane na żywo. Jeśli takie treści pojawią się w serwisie \
(np. archiwalne dokumenty organizacji), na żądanie udostępnimy je w sposób alternatywny.

## Przygotowanie deklaracji w sprawie dostępności

- Deklarację sporządzono dnia: {date}.
- Deklarację ostatnio przejrzano i zaktualizowano dnia: {date}.
- Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny.

## Skróty klawiaturowe i ułatwienia

Serwis nie ma własnych skrótów klawiaturowych: działają standardowe skróty przeglądarki i czytnika ekranu. \
Na każdej stronie są dostępne następujące ułatwienia:

- link „Przejdź do treści” – pierwszy element strony, widoczny po naciśnięciu klawisza Tab; przenosi \
od razu do treści głównej;
- przełącznik rozmiaru tekstu „A A A” (normalny, większy, największy) – wybór jest zapamiętywany na \
kolejnych stronach;
- przełącznik „Wysoki kontrast” – jasny tekst na czarnym tle; wybór jest zapamiętywany;
- obsługa wszystkich elementów klawiaturą i wyraźne obramowanie elementu, na którym jest fokus;
- układ dopasowujący się do ekranu telefonu i do powiększenia w przeglądarce (np. Ctrl i „+”);
- nagłówki, listy i obszary strony (nagłówek, nawigacja, treść, stopka) oznaczone tak, aby ułatwić \
poruszanie się czytnikiem ekranu;
- przycisk „Drukuj stronę” (lub Ctrl i P) – wydruk zawiera samą treść, bez menu, z adresami linków;
- serwis działa bez JavaScriptu, z wyjątkiem formularza „Napisz do nas”.

## Informacje zwrotne i dane kontaktowe

Każdy ma prawo:

- zgłosić uwagi dotyczące dostępności cyfrowej strony lub jej elementu,
- zgłosić żądanie zapewnienia dostępności cyfrowej strony lub jej elementu,
- wnioskować o udostępnienie niedostępnej informacji w innej, alternatywnej formie.

W przypadku problemów z dostępnością serwisu prosimy o kontakt. Za rozpatrywanie uwag i żądań odpowiada \
{contact['contact_name']}:

- e-mail: {mail_link(contact['contact_email'])}
- telefon: {tel_link(contact['contact_phone'])}

Tą samą drogą można składać wnioski o udostępnienie informacji niedostępnej oraz żądania zapewnienia \
dostępności. Problem możesz też zgłosić przez [formularz „Napisz do nas”]({feedback_url}).

## Procedura wnioskowo-skargowa

Każdy ma prawo wystąpić z żądaniem zapewnienia dostępności cyfrowej strony internetowej lub jej elementu. \
Można także zażądać udostępnienia informacji za pomocą alternatywnego sposobu dostępu, na przykład przez \
odczytanie niedostępnego cyfrowo dokumentu lub opisanie zawartości zdjęcia.

Żądanie powinno zawierać:

- dane kontaktowe osoby zgłaszającej żądanie,
- wskazanie strony internetowej lub elementu strony, którego dotyczy żądanie,
- sposób kontaktu z osobą zgłaszającą,
- jeśli żądanie dotyczy informacji w alternatywnej formie – dogodny dla tej osoby sposób przedstawienia \
informacji.

Żądanie zrealizujemy niezwłocznie, nie później niż w ciągu 7 dni od dnia jego wystąpienia. Jeżeli \
dotrzymanie tego terminu nie będzie możliwe, niezwłocznie poinformujemy o tym osobę zgłaszającą i wskażemy, \
kiedy realizacja żądania będzie możliwa, w terminie przewidzianym w ustawie. Jeżeli zapewnienie dostępności \
cyfrowej nie będzie możliwe, zaproponujemy alternatywny sposób dostępu do informacji.

Jeżeli odmówimy realizacji żądania zapewnienia dostępności lub alternatywnego sposobu dostępu do informacji, \
osoba zgłaszająca może złożyć skargę na zasadach określonych w ustawie. Po wyczerpaniu tej procedury, \
na zasadach określonych w ustawie, można także zwrócić się do Rzecznika Praw Obywatelskich.

## Dostępność architektoniczna

### {centre['name']}, {centre['street']}, {centre['postal_code']} {centre['city']}

Opis dostępności architektonicznej lokalu uzupełni {centre['name']} po sprawdzeniu go na miejscu. \
Opis obejmie w szczególności:

- położenie wejścia do budynku i do lokalu oraz to, czy prowadzą do nich schody, progi lub podjazd,
- szerokość drzwi i korytarzy oraz dostęp do windy, jeśli lokal nie znajduje się na parterze,
- dostępność toalety dla osób z niepełnosprawnościami,
- miejsca parkingowe dla osób z niepełnosprawnościami w pobliżu budynku,
- możliwość wejścia z psem asystującym,
- dostępność pętli indukcyjnej i tłumacza polskiego języka migowego.

Jeśli planujesz wizytę, zadzwoń ({tel_link(centre['phone'])}) lub napisz ({mail_link(centre['email'])}) przed \
przyjściem – podpowiemy, jak dotrzeć do lokalu, i powiemy, czy możemy zapewnić potrzebną Ci pomoc.

## Aplikacje mobilne

Serwis nie ma aplikacji mobilnej. Strona działa w przeglądarkach internetowych na telefonach i tabletach.
"""


def privacy_body() -> str:
    city, controller = settings.CITY, settings.CITY["data_controller"]
    session_days = settings.SESSION_COOKIE_AGE // 86400
    csrf_days = settings.CSRF_COOKIE_AGE // 86400
    display_days = COOKIE_MAX_AGE // 86400
    return f"""\
Ta informacja wypełnia obowiązek z art. 13 rozporządzenia Parlamentu Europejskiego i Rady (UE) 2016/679 \
z dnia 27 kwietnia 2016 r. (RODO). Wyjaśnia, jakie dane osobowe przetwarzamy w serwisie {city['site_name']}, \
w jakim celu, na jakiej podstawie i jakie masz prawa.

## Administrator danych

Administratorem Twoich danych osobowych jest {controller['name']}, {controller['address']}.

## Inspektor ochrony danych

Administrator wyznaczył inspektora ochrony danych. We wszystkich sprawach dotyczących przetwarzania Twoich \
danych możesz się z nim skontaktować e-mailem: {mail_link(controller['dpo_email'])} albo listownie na adres \
administratora z dopiskiem „Inspektor ochrony danych”.

## Cele i podstawy prawne przetwarzania

1. **Konto w serwisie** (adres e-mail, imię i nazwisko, jeśli je podasz, hasło zapisane w postaci \
zabezpieczonego skrótu, ustawienia konta) – aby umożliwić Ci logowanie i korzystanie z funkcji dla \
zalogowanych. Podstawa: Twoja zgoda, wyrażona przez założenie konta (art. 6 ust. 1 lit. a RODO).
2. **Wiadomości z formularza „Napisz do nas”** (adres e-mail, treść wiadomości, strona, której dotyczy) – \
aby potwierdzić adres nadawcy, rozpatrzyć wiadomość i odpowiedzieć. Podstawa: Twoja zgoda \
(art. 6 ust. 1 lit. a RODO).
3. **Prowadzenie serwisu jako narzędzia współpracy miasta z organizacjami pozarządowymi**, w tym \
publikowanie informacji oraz obsługa kont pracowników urzędu i członków ciała doradczego \
({city['advisory_body_name']}) – \
podstawa: wykonywanie zadania realizowanego w interesie publicznym (art. 6 ust. 1 lit. e RODO) w związku \
z ustawą z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie.
4. **Bezpieczeństwo serwisu** (adres IP w postaci skrótu, liczba prób logowania i wysłanych formularzy) – \
aby chronić serwis i jego użytkowników przed nadużyciami. Podstawa: art. 6 ust. 1 lit. e RODO.
5. **Wypełnianie obowiązków prawnych**, np. rozpatrywanie żądań zapewnienia dostępności cyfrowej \
i archiwizacja korespondencji – podstawa: art. 6 ust. 1 lit. c RODO w związku z przepisami, które nakładają \
te obowiązki.

## Odbiorcy danych

Twoje dane mogą otrzymać wyłącznie:

- podmioty przetwarzające je w naszym imieniu na podstawie umowy powierzenia: dostawca usług hostingu \
(serwerów, na których działa serwis) oraz dostawca usług poczty elektronicznej (wysyłka wiadomości z serwisu),
- organy uprawnione do ich otrzymania na podstawie przepisów prawa.

Wiadomości z formularza „Napisz do nas” czytają upoważnieni pracownicy {city['centre']['name']}.

## Przekazywanie danych poza Europejski Obszar Gospodarczy

Nie przekazujemy Twoich danych do państw spoza Europejskiego Obszaru Gospodarczego ani do organizacji \
międzynarodowych. Serwis nie wczytuje czcionek, statystyk ani reklam z serwerów innych firm. Jedynym \
wyjątkiem może być podkład mapy organizacji – co wtedy dzieje się z Twoim adresem IP, opisujemy w części \
„Mapa organizacji i podkład mapowy” poniżej.

## Okres przechowywania danych

Okresy przechowywania danych z każdej części serwisu (konta, newslettera, zapisów na wydarzenia, uwag \
do ofert, formularza „Napisz do nas”, komisji konkursowych) podajemy poniżej, w części „Dane w poszczególnych \
częściach serwisu”. Ponadto:

- Liczniki chroniące przed nadużyciami (skrót adresu IP) – nie dłużej niż dobę.
- Kopie zapasowe – dane usunięte z serwisu znikają z kopii zapasowych, gdy te są kolejno zastępowane nowymi.

## Twoje prawa

Masz prawo do:

- dostępu do swoich danych i otrzymania ich kopii,
- sprostowania (poprawienia) danych,
- usunięcia danych,
- ograniczenia przetwarzania,
- przenoszenia danych – gdy przetwarzamy je na podstawie Twojej zgody,
- wniesienia sprzeciwu wobec przetwarzania – gdy przetwarzamy je na podstawie art. 6 ust. 1 lit. e RODO,
- cofnięcia zgody w dowolnym momencie – bez wpływu na zgodność z prawem przetwarzania, którego dokonano \
na podstawie zgody przed jej cofnięciem. Zgodę na prowadzenie konta cofasz, usuwając konto.

Aby skorzystać ze swoich praw, napisz do inspektora ochrony danych.

## Prawo wniesienia skargi

Jeśli uważasz, że przetwarzamy Twoje dane niezgodnie z prawem, masz prawo wnieść skargę do Prezesa Urzędu \
Ochrony Danych Osobowych (ul. Stawki 2, 00-193 Warszawa).

## Dobrowolność podania danych

Podanie danych jest dobrowolne. Bez adresu e-mail nie można jednak założyć konta ani otrzymać odpowiedzi \
na wiadomość wysłaną formularzem. Przeglądanie serwisu nie wymaga podawania żadnych danych.

## Zautomatyzowane podejmowanie decyzji

Nie podejmujemy wobec Ciebie decyzji w sposób zautomatyzowany i nie profilujemy Cię.

## Pliki cookies

Serwis zapisuje w Twojej przeglądarce wyłącznie pliki cookies niezbędne do jego działania. Nie używamy \
cookies analitycznych ani reklamowych, a inne firmy nie zapisują cookies przez nasz serwis.

| Nazwa | Do czego służy | Jak długo jest przechowywany |
| --- | --- | --- |
| `sessionid` | utrzymanie zalogowania (sesja) | do zamknięcia przeglądarki albo do {session_days} dni, \
jeśli przy logowaniu wybierzesz zapamiętanie |
| `csrftoken` | ochrona formularzy przed wysłaniem ich w Twoim imieniu przez inną stronę | {csrf_days} dni |
| `{COOKIE_NAME}` | zapamiętanie wybranego rozmiaru tekstu i trybu wysokiego kontrastu | {display_days} dni |
| `messages` | jednorazowy komunikat po wykonaniu czynności, np. „Zapisano” | do wyświetlenia komunikatu |

Cookies możesz usunąć lub zablokować w ustawieniach przeglądarki. Bez nich nie można się zalogować \
ani wysłać formularza, ale można przeglądać serwis.
"""


def demo_editor():
    """The demo's official (or, failing that, any content editor) signs the pages."""
    role_order = Case(When(role=User.Role.OFFICIAL, then=Value(0)), default=Value(1), output_field=IntegerField())
    return (
        User.objects.filter(is_active=True, role__in=[User.Role.OFFICIAL, User.Role.ADMINISTRATOR])
        .order_by(role_order, "pk")
        .first()
    )


def demo_pages(today) -> list[tuple[str, str, str]]:
    return [
        ("misja-i-cele", "Misja i cele", MISSION),
        ("kontakt", "Kontakt", contact_body()),
        ("deklaracja-dostepnosci", "Deklaracja dostępności", accessibility_body(today)),
        ("polityka-prywatnosci", "Polityka prywatności", privacy_body()),
    ]


def load(stdout, **options):
    editor = demo_editor()
    created = 0
    with translation.override(settings.LANGUAGE_CODE):
        for slug, title, body in demo_pages(timezone.localdate()):
            if ContentPage.objects.filter(slug=slug).exists():
                continue
            page = ContentPage(slug=slug, title=title, body=body, is_published=True)
            save_page(page, editor=editor, note=DEMO_NOTE)
            created += 1
    stdout.write(f"  strony: {ContentPage.objects.count()} (nowe: {created})")

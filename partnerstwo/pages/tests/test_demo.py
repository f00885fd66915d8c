import datetime
import io

from django.utils import translation

from partnerstwo.pages import demo
from partnerstwo.pages.editing import save_page
from partnerstwo.pages.models import ContentPage, PageRevision

SLUGS = {"misja-i-cele", "kontakt", "deklaracja-dostepnosci", "polityka-prywatnosci"}


def test_the_demo_creates_the_four_pages_published_and_signed(official_x):
    demo.load(io.StringIO())

    pages = ContentPage.objects.all()
    assert {page.slug for page in pages} == SLUGS
    assert all(page.is_published and page.updated_by == official_x for page in pages)


def test_running_the_demo_twice_creates_no_duplicates(db):
    demo.load(io.StringIO())
    demo.load(io.StringIO())

    assert ContentPage.objects.count() == 4
    assert PageRevision.objects.count() == 4


def test_the_demo_leaves_a_page_an_editor_changed(official_x):
    demo.load(io.StringIO())
    page = ContentPage.objects.get(slug="kontakt")
    page.body = "Zmienione przez redakcję"
    save_page(page, editor=official_x)

    demo.load(io.StringIO())

    page.refresh_from_db()
    assert page.body == "Zmienione przez redakcję"


def test_the_mission_page_has_the_seeds_full_text(client, db):
    demo.load(io.StringIO())

    html = client.get("/misja-i-cele/").content.decode()

    assert "Podczas wyjazdowego spotkania w Goniądzu" in html
    assert "<li>Inicjowanie współpracy i integracja sektora pozarządowego.</li>" in html
    assert "<li>próba przekonania mediów do opracowania cyklicznych publikacji (np. 1x kwartał)</li>" in html
    assert "tworzenie zespołów roboczych złożonych z przedstawicieli samorządu" in html
    assert "Ostatnia modyfikacja" not in ContentPage.objects.get(slug="misja-i-cele").body
    assert html.count("<h1") == 1


def test_the_accessibility_statement_has_every_required_section(client, db):
    demo.load(io.StringIO())

    html = client.get("/deklaracja-dostepnosci/").content.decode()

    for heading in (
        "Stan dostępności cyfrowej",
        "Treści niedostępne",
        "Wyłączenia",
        "Przygotowanie deklaracji w sprawie dostępności",
        "Skróty klawiaturowe i ułatwienia",
        "Informacje zwrotne i dane kontaktowe",
        "Procedura wnioskowo-skargowa",
        "Dostępność architektoniczna",
    ):
        assert f"<h2>{heading}</h2>" in html or f"<h3>{heading}</h3>" in html, heading
    for fact in ("Urząd Miejski w Białymstoku", "Data publikacji strony internetowej", "częściowo zgodna",
                 "samooceny", "7 dni", "centrum@um.bialystok.pl", "tel:+48857328220", "ul. Świętojańska 22 lok. 1"):
        assert fact in html, fact
    assert "2 miesi" not in html


def test_the_privacy_notice_covers_the_information_clause(client, db):
    demo.load(io.StringIO())

    html = client.get("/polityka-prywatnosci/").content.decode()

    for fact in ("Prezydent Miasta Białegostoku", "ul. Słonimska 1", "iod@um.bialystok.pl", "lit. a", "lit. c",
                 "lit. e", "Prezesa Urzędu Ochrony Danych Osobowych", "cofnięcia zgody", "nie profilujemy",
                 "sessionid", "csrftoken", "<code>display</code>", "Europejskiego Obszaru Gospodarczego"):
        assert fact in html, fact


def test_the_contact_page_has_the_centres_details(client, db):
    demo.load(io.StringIO())

    html = client.get("/kontakt/").content.decode()

    assert "Centrum Współpracy Organizacji Pozarządowych" in html
    assert 'href="tel:+48857328220"' in html
    assert 'href="mailto:centrum@um.bialystok.pl"' in html


def test_the_accessibility_statement_is_dated_on_the_day_the_demo_is_loaded(db):
    with translation.override("pl"):
        pages = {slug: body for slug, _title, body in demo.demo_pages(datetime.date(2027, 3, 24))}

    assert "- Data publikacji strony internetowej: 2027-03-24." in pages["deklaracja-dostepnosci"]
    assert "- Deklarację sporządzono dnia: 2027-03-24." in pages["deklaracja-dostepnosci"]


def test_every_markdown_file_becomes_one_page(db):
    files = sorted(demo.TEXTS.glob("*.md"))

    assert [path.name.split("-", 1)[1] for path in files] == [
        "misja-i-cele.md", "kontakt.md", "deklaracja-dostepnosci.md", "polityka-prywatnosci.md"
    ]
    assert {slug for slug, _title, _body in demo.demo_pages(datetime.date(2027, 3, 24))} == SLUGS

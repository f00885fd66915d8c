"""Hostile input to every form and every GET filter of the site: never a server error, never reflected unescaped.

TARGETS is the registry: each later issue adds its forms and filters to it. A target is a name,
a method, a URL and its fields with a valid value each (a callable receives the `Rows` made for
the test, for ids and one-time values such as a solved captcha). A field written as `{name}` in
the URL is a path parameter. Each hostile value is sent in all fields at once and then in one
field at a time with the others valid, so that it also travels past the first failing check.
"""

import importlib
import pkgutil
import traceback
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import pytest
from django.test import Client

from conftest import PASSWORD
from partnerstwo.events.tests import factories as event_factories
from partnerstwo.lib.testing import solved_captcha
from partnerstwo.organizations.tests import upkeep_helpers as upkeep

XSS = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>"
REFLECTIONS = ("<script>alert(1)</script>", "onerror=alert(1)>")

# Each hostile value, given the field's valid value.
HOSTILE = {
    "xss": lambda valid: XSS,
    "100000-characters": lambda valid: "ż" * 100_000,
    "nul-byte": lambda valid: f"{valid}\x00",
    "only-nul-byte": lambda valid: "\x00",
    "empty": lambda valid: "",
    "wrong-type-text": lambda valid: "abc",
    "wrong-type-list": lambda valid: [str(valid), XSS],
    "huge-number": lambda valid: "99999999999999999999",
}


@dataclass
class Rows:
    """What the targets refer to: one row of each kind, made for each test."""

    client: Client
    page: Any
    news: Any
    feedback: Any
    category: Any

    def solved_captcha(self) -> str:
        return solved_captcha(self.client)


@dataclass(frozen=True)
class Target:
    name: str
    method: str
    url: str
    fields: dict = field(default_factory=dict)
    user: str | None = None  # a fixture of the shared cast (conftest.py) signed in to send it

    @property
    def path_fields(self) -> set[str]:
        return {name for name in self.fields if f"{{{name}}}" in self.url}


PAGE_FORM = {
    "title": "Program współpracy na 2026 rok",
    "slug": "program-wspolpracy-2026",
    "body": "## Cele\n\nWspieranie organizacji z osiedli.",
    "is_published": "on",
    "note": "Pierwsza wersja",
}
NEWS_FORM = {
    "title": "Nabór do Zespołu Konsultacyjnego",
    "slug": "nabor-do-zespolu",
    "lead": "Do końca miesiąca organizacje mogą zgłaszać kandydatów.",
    "body": "Zgłoszenia przyjmuje Centrum.",
    "published_at": "2026-03-02T09:30",
    "is_published": "on",
}
NEW_PASSWORD = "Nowe-haslo-do-konta-2026"

DIRECTORY_FILTERS = {
    "q": "fundacja", "sfera": "culture", "osiedle": "dojlidy", "forma": "fundacja", "grupa": "dzieci",
    "opp": "1", "wolontariat": "1", "raport": "2025", "sortuj": "nazwa-malejaco",
}
CALENDAR_FILTERS = {
    "q": "warsztaty", "rodzaj": "training", "sfera": "culture", "osiedle": "dojlidy", "organizator": "centrum",
    "bezplatne": "1", "online": "1", "dostepne": "1", "data": "2026-05-01",
}
EVENT_FORM = {
    "title": "Warsztaty z pisania wniosków", "kind": "training", "organizer_kind": "city",
    "starts_at": "2030-05-07T10:00", "ends_at": "2030-05-07T14:00", "all_day": "", "rrule": "FREQ=WEEKLY;COUNT=3",
    "exdates_text": "2030-05-14", "venue": "Centrum", "street": "ul. Warszawska 12", "town": "Białystok",
    "online_url": "https://spotkania.example.org/abc", "description": "**Zapraszamy**", "audience": "organizacje",
    "step_free_access": "on", "accessibility_notes": "Pętla indukcyjna", "is_free": "", "price": "20 zł",
    "image_alt": "", "registration_mode": "here", "external_registration_url": "", "capacity": "20",
    "registration_deadline": "2030-05-06T12:00",
}
FORUM_PROGRAMME_FORM = {
    "sessions-TOTAL_FORMS": "1", "sessions-INITIAL_FORMS": "0", "sessions-MAX_NUM_FORMS": "60",
    "sessions-0-starts_at": "2030-06-01T10:00", "sessions-0-ends_at": "2030-06-01T11:00",
    "sessions-0-room": "Aula", "sessions-0-title": "Otwarcie", "sessions-0-speakers": "Prezydent Miasta",
    "organizations": "Fundacja Alfa",
}
def unconfirmed_token() -> str:
    """The link of a registration made without an account, still waiting for its address's confirmation."""
    from partnerstwo.events import registration

    made = registration.register(occurrence=event_factories.open_occurrence(), name="Jan Kowalski",
                                 email="jan.kowalski@example.org", confirmed=False)
    return registration.confirm_token(made)


TARGETS = [
    # The public site.
    Target("display switch", "GET", "/wyglad/", {"text": "large", "contrast": "on", "next": "/misja-i-cele/"}),
    Target("content page", "GET", "/{slug}/", {"slug": "misja-i-cele"}),
    Target("news list", "GET", "/aktualnosci/", {"strona": "2"}),
    Target("news item", "GET", "/aktualnosci/{slug}/", {"slug": lambda rows: rows.news.slug}),
    Target("language switch", "POST", "/i18n/setlang/", {"language": "en", "next": "/misja-i-cele/"}),
    Target("feedback form link", "GET", "/uwagi/", {"strona": "/misja-i-cele/"}),
    Target(
        "feedback form",
        "POST",
        "/uwagi/",
        {
            "category": lambda rows: rows.category.pk,
            "message": "Na stronie brakuje daty ostatniej zmiany.",
            "email": "jan.nowak@example.org",
            "page": "/misja-i-cele/",
            "altcha": Rows.solved_captcha,
        },
    ),
    Target("feedback confirmation link", "GET", "/uwagi/potwierdz/{token}/", {"token": "1:abc:def"}),
    Target("feedback confirmation", "POST", "/uwagi/potwierdz/{token}/", {"token": "1:abc:def"}),
    # Accounts (allauth and our own pages).
    Target(
        "login",
        "POST",
        "/konto/login/",
        {"login": "anna.mieszkanka@example.org", "password": PASSWORD, "remember": "on"},
    ),
    Target(
        "sign-up",
        "POST",
        "/konto/signup/",
        {"email": "nowa.osoba@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    ),
    Target("password reset", "POST", "/konto/password/reset/", {"email": "anna.mieszkanka@example.org"}),
    Target("password reset link", "GET", "/konto/password/reset/key/{key}/", {"key": "1-abc-def"}),
    Target("e-mail confirmation link", "GET", "/konto/confirm-email/{key}/", {"key": "abc:def"}),
    Target("profile", "POST", "/konto/", {"full_name": "Anna Mieszkańska", "preferred_language": "en"}, "resident"),
    Target("account deletion", "POST", "/konto/usun/", {"password": "to-nie-jest-haslo"}, "resident"),
    Target(
        "password change",
        "POST",
        "/konto/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        "resident",
    ),
    Target(
        "e-mail addresses", "POST", "/konto/email/", {"email": "anna.nowa@example.org", "action_add": ""}, "resident"
    ),
    Target("reauthentication", "POST", "/konto/reauthenticate/", {"password": PASSWORD}, "official_x"),
    Target("two-factor activation", "POST", "/konto/2fa/totp/activate/", {"code": "123456"}, "official_x"),
    # The staff panel.
    Target("panel: page form", "POST", "/panel/strony/nowa/", {**PAGE_FORM, "version": "0"}, "official_x"),
    Target("panel: page preview", "POST", "/panel/strony/nowa/", {**PAGE_FORM, "preview": "1"}, "official_x"),
    Target(
        "panel: page edit",
        "POST",
        "/panel/strony/{pk}/edycja/",
        {**PAGE_FORM, "pk": lambda rows: rows.page.pk, "version": lambda rows: rows.page.version},
        "official_x",
    ),
    Target(
        "panel: page history",
        "GET",
        "/panel/strony/{pk}/historia/",
        {"pk": lambda rows: rows.page.pk, "strona": "2"},
        "official_x",
    ),
    Target("panel: news list", "GET", "/panel/aktualnosci/", {"strona": "2"}, "official_x"),
    Target("panel: news form", "POST", "/panel/aktualnosci/nowa/", NEWS_FORM, "official_x"),
    Target(
        "panel: news edit",
        "POST",
        "/panel/aktualnosci/{pk}/edycja/",
        {**NEWS_FORM, "pk": lambda rows: rows.news.pk},
        "official_x",
    ),
    Target("panel: feedback inbox", "GET", "/panel/uwagi/", {"status": "new", "strona": "2"}, "official_x"),
    Target(
        "panel: feedback status",
        "POST",
        "/panel/uwagi/{pk}/",
        {"pk": lambda rows: rows.feedback.pk, "status": "answered", "staff_note": "Przekazano do redakcji."},
        "official_x",
    ),
    # The directory kept true (helper "upkeep"): joining, editing, KRS, reports, imports.
    Target("my organisations: claim search", "GET", "/moje-organizacje/dolacz/", {"q": "rejestrowa"}, "resident"),
    Target(
        "my organisations: claim",
        "POST",
        "/moje-organizacje/{slug}/dolacz/",
        {"slug": lambda rows: upkeep.hostile_organization().slug, "role_in_organization": "prezes", "statement": "on"},
        "resident",
    ),
    Target(
        "my organisations: registration",
        "POST",
        "/moje-organizacje/zglos-nowa/",
        {"name": "Stowarzyszenie Nowe", "short_name": "Nowe", "legal_form": "stowarzyszenie", "krs": "123456",
         "nip": "5213003700", "regon": "123456785", "street": "ul. Lipowa 1", "postal_code": "15-427",
         "town": "Białystok", "email": "nowe@example.org", "phone": "85 111 11 11", "website": "nowe.example.org",
         "description": "Opis.", "role_in_organization": "prezes"},
        "resident",
    ),
    Target("my organisations: e-mail confirmation link", "GET", "/moje-organizacje/potwierdz/{token}/",
           {"token": "1:abc:def"}),
    Target("my organisations: e-mail confirmation", "POST", "/moje-organizacje/potwierdz/{token}/",
           {"token": "1:abc:def"}),
    Target(
        "my organisations: edit",
        "POST",
        "/moje-organizacje/{slug}/edytuj/",
        {"slug": lambda rows: upkeep.hostile_organization().slug, "name": "Fundacja Rejestrowa",
         "legal_form": "fundacja", "krs": "0000424242", "nip": "5213003700", "regon": "123456785",
         "street": "ul. Lipowa 1", "postal_code": "15-427", "town": "Białystok", "latitude": "53.1325",
         "longitude": "23.1688", "email": "biuro@rejestrowa.example.org", "website": "https://rejestrowa.example.org",
         "description": "Opis.", "opp_purpose": "Pomoc", "looking_for_volunteers": "on",
         "register_status": "active", "is_published": "on"},
        "official_x",
    ),
    Target(
        "my organisations: KRS save",
        "POST",
        "/moje-organizacje/{slug}/krs/",
        {"slug": lambda rows: upkeep.hostile_organization().slug, "action": "save", "token": "abc:def",
         "chosen": "nip"},
        "official_x",
    ),
    Target(
        "my organisations: annual report",
        "POST",
        "/moje-organizacje/{slug}/sprawozdania/",
        {"slug": lambda rows: upkeep.hostile_organization().slug, "year": "2025", "kind": "annual_report",
         "url": "https://rejestrowa.example.org/sprawozdanie.pdf"},
        "official_x",
    ),
    Target(
        "panel: claim decision",
        "POST",
        "/panel/organizacje/zgloszenia/{pk}/",
        {"pk": lambda rows: upkeep.hostile_claim().pk, "decision": "reject", "reason": "Brak danych.",
         "verified_otherwise": "on"},
        "official_x",
    ),
    Target(
        "panel: change decision",
        "POST",
        "/panel/organizacje/zmiany/{pk}/",
        {"pk": lambda rows: upkeep.hostile_change_request().pk, "decision": "reject", "reason": "Niezgodne z KRS."},
        "official_x",
    ),
    Target("panel: organisation history", "GET", "/panel/organizacje/{slug}/historia/",
           {"slug": lambda rows: upkeep.hostile_organization().slug, "page": "2"}, "official_x"),
    Target("panel: missing reports", "GET", "/panel/organizacje/sprawozdania/", {"rok": "2025", "page": "2"},
           "official_x"),
    Target("panel: OPP list upload", "POST", "/panel/organizacje/import-opp/",
           {"file": "wykaz.csv", "year": "2025", "as_of": "2025-11-30", "source_url": "https://niw.gov.pl/"},
           "official_x"),
    Target("panel: OPP list editions", "GET", "/panel/organizacje/wykaz-opp/", {"page": "2"}, "official_x"),
    Target("panel: spreadsheet upload", "POST", "/panel/organizacje/import/", {"file": "organizacje.xlsx"},
           "official_x"),
    Target("panel: import apply", "POST", "/panel/organizacje/import/{pk}/",
           {"pk": lambda rows: upkeep.hostile_import().pk, "only_valid": "on"}, "official_x"),
    # The public directory (helper "directory"): its list, map and API share one set of filters. The
    # exports (/organizacje/eksport.csv|xlsx|json) stream their body, which send() cannot read yet; they
    # are covered by partnerstwo/organizations/tests/test_directory_hostile_input.py.
    *(
        Target(name, "GET", url, {**DIRECTORY_FILTERS, **extra})
        for name, url, extra in [
            ("directory", "/organizacje/", {"page": "2"}),
            ("directory map", "/organizacje/mapa/", {}),
            ("directory map markers", "/organizacje/mapa/punkty.json", {}),
            ("API: organisations", "/api/organizacje/", {"page": "1", "page_size": "50"}),
        ]
    ),
    Target("organisation profile", "GET", "/organizacje/{slug}/",
           {"slug": lambda rows: upkeep.hostile_organization().slug}),
    Target("API: organisation", "GET", "/api/organizacje/{slug}/",
           {"slug": lambda rows: upkeep.hostile_organization().slug}),
    Target("1.5% list", "GET", "/1-5-procent/", {"q": "fundacja", "page": "2"}),
    Target("1.5% leaflet", "GET", "/1-5-procent/ulotka/", {"q": "fundacja"}),
    # The events calendar (helper "events-public"): every view and feed shares one set of filters.
    *(
        Target(name, "GET", url, {**CALENDAR_FILTERS, **extra})
        for name, url, extra in [
            ("calendar: month", "/wydarzenia/", {}),
            ("calendar: week", "/wydarzenia/", {"widok": "tydzien"}),
            ("calendar: list", "/wydarzenia/", {"widok": "lista", "strona": "2"}),
            ("calendar: trainings", "/szkolenia/", {"widok": "lista"}),
            ("calendar: iCal feed", "/wydarzenia/kalendarz.ics", {}),
            ("calendar: RSS", "/wydarzenia/rss/", {}),
            ("calendar: Atom", "/szkolenia/atom/", {}),
        ]
    ),
    Target("event page", "GET", "/wydarzenia/{slug}/", {"slug": lambda rows: event_factories.event().slug}),
    Target("event .ics", "GET", "/wydarzenia/{slug}/wydarzenie.ics",
           {"slug": lambda rows: event_factories.event().slug}),
    # Registration for events (helper "events-registration").
    Target("registration form page", "GET", "/zapisy/{pk}/", {"pk": lambda rows: event_factories.open_occurrence().pk}),
    Target(
        "registration form",
        "POST",
        "/zapisy/{pk}/",
        {"pk": lambda rows: event_factories.open_occurrence(capacity=1).pk, "name": "Jan Kowalski",
         "email": "jan.kowalski@example.org", "organization": "Fundacja Alfa", "needs": "Pętla indukcyjna",
         "consent": "on"},
    ),
    Target("registration result", "GET", "/zapisy/zapisano/{token}/", {"token": "1:abc:def"}),
    Target("registration cancel link", "GET", "/zapisy/rezygnacja/{token}/",
           {"token": lambda rows: event_factories.cancel_token(
               event_factories.registration(event_factories.open_occurrence()))}),
    Target("registration cancel", "POST", "/zapisy/rezygnacja/{token}/",
           {"token": lambda rows: event_factories.cancel_token(
               event_factories.registration(event_factories.open_occurrence()))}),
    Target("registration confirm link", "GET", "/zapisy/potwierdz/{token}/",
           {"token": lambda rows: unconfirmed_token()}),
    Target("registration confirm", "POST", "/zapisy/potwierdz/{token}/",
           {"token": lambda rows: unconfirmed_token()}),
    Target("registration: check your mailbox", "GET", "/zapisy/{pk}/sprawdz-skrzynke/",
           {"pk": lambda rows: event_factories.open_occurrence().pk}),
    Target("panel: registrations", "GET", "/panel/zapisy/", {"strona": "2"}, "administrator"),
    Target(
        "panel: attendance",
        "POST",
        "/panel/zapisy/{pk}/",
        {"pk": lambda rows: event_factories.occurrence(event_factories.event(
            registration_mode="here", starts_at=event_factories.in_days(-1))).pk, "r1": "on"},
        "administrator",
    ),
    # Submitting, reviewing and cancelling events, the Forum programme (helper "events-core").
    Target("my events: new", "POST", "/moje-wydarzenia/nowe/", EVENT_FORM, "official_x"),
    Target("my events: edit", "POST", "/moje-wydarzenia/{pk}/",
           {"pk": lambda rows: event_factories.event(registration_mode="here", capacity=5).pk, **EVENT_FORM},
           "administrator"),
    Target("my events: cancel", "POST", "/moje-wydarzenia/{pk}/odwolaj/",
           {"pk": lambda rows: event_factories.event().pk, "reason": "Choroba prowadzącej."}, "administrator"),
    Target("panel: events", "GET", "/panel/wydarzenia/", {"status": "published", "strona": "2"}, "administrator"),
    Target("panel: event review", "POST", "/panel/wydarzenia/{pk}/ocena/",
           {"pk": lambda rows: event_factories.event(status="pending").pk, "decision": "return",
            "reason": "Podaj salę."}, "administrator"),
    Target("panel: Forum programme", "POST", "/panel/wydarzenia/{pk}/program/",
           {"pk": lambda rows: event_factories.event(kind="conference").pk, **FORUM_PROGRAMME_FORM},
           "administrator"),
]


# Later parts keep their targets in tests/hostile_targets/<part>.py: a TARGETS list, and SETTINGS
# (a dict) for their own rate limits, which would otherwise answer 429 before the form sees the input.
EXTRA_SETTINGS = {}
for _module_info in pkgutil.iter_modules(importlib.import_module("tests.hostile_targets").__path__):
    _module = importlib.import_module(f"tests.hostile_targets.{_module_info.name}")
    TARGETS += _module.TARGETS
    EXTRA_SETTINGS.update(getattr(_module, "SETTINGS", {}))


@pytest.fixture(autouse=True)
def quick_and_unlimited(settings):
    for name, value in EXTRA_SETTINGS.items():
        setattr(settings, name, value)
    # A fast hasher and cheap captchas: the test sends about two thousand requests.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ALTCHA_COST = 20
    # Rate limits have their own tests; here they would answer 429 before the forms see the input.
    settings.FEEDBACK_RATE_LIMIT = "1000000/h"
    settings.EVENT_REGISTRATION_RATE_LIMIT = "1000000/h"
    settings.ACCOUNT_RATE_LIMITS = False


@pytest.fixture
def rows(db, resident, official_x):
    from partnerstwo.feedback.models import FeedbackCategory, FeedbackMessage
    from partnerstwo.news.models import NewsItem
    from partnerstwo.pages.models import ContentPage

    category = FeedbackCategory.objects.filter(is_active=True).first() or FeedbackCategory.objects.create(name="Inne")
    return Rows(
        client=Client(),
        page=ContentPage.objects.create(title="O nas", slug="o-nas", body="Tekst.", is_published=True),
        news=NewsItem.objects.create(title="Dyżur w Centrum", slug="dyzur", lead="W piątek.", is_published=True),
        feedback=FeedbackMessage.objects.create(
            category=category,
            message="Literówka.",
            email="jan.nowak@example.org",
            status=FeedbackMessage.Status.NEW,
            confirmed_at=official_x.date_joined,
        ),
        category=category,
    )


def valid_values(target: Target, rows: Rows) -> dict:
    return {name: value(rows) if callable(value) else value for name, value in target.fields.items()}


def send(client: Client, target: Target, values: dict, user):
    client.cookies.clear()  # each attempt starts afresh: an earlier one may have signed in or out
    if user is not None:
        user.refresh_from_db()  # an earlier attempt may have changed the password, and with it the session hash
        client.force_login(user)
    path_values = {name: values.pop(name) for name in target.path_fields}
    for name, value in path_values.items():
        last = value[-1] if isinstance(value, list) else value  # a path has one value; the query has many
        path_values[name] = quote(str(last), safe="")
    url = target.url.format(**path_values)
    if target.method == "GET":
        return url, client.get(url, values)
    return url, client.post(url, values)


def problems(response, url: str) -> list[str]:
    found = []
    if response.status_code >= 500:
        found.append(f"{url} answered {response.status_code}")
        exc_info = getattr(response, "exc_info", None)
        if exc_info:
            found.append("".join(traceback.format_exception(*exc_info))[-3000:])
    content = b"".join(response.streaming_content) if response.streaming else response.content
    body = content.decode(errors="replace")
    found += [f"{url} reflects {reflection!r} unescaped" for reflection in REFLECTIONS if reflection in body]
    return found


# PostgreSQL refuses what SQLite takes (a NUL character, a value longer than its column): those values run in
# make test's PostgreSQL pass; markup, empty and wrong-type values, whose handling does not reach the database,
# in its SQLite pass; a number beyond its type in both, as each database fails on it in its own way. A value that is
# only a NUL differs from a valid one with a NUL in how forms validate it, not in what PostgreSQL does with it
# (it refuses any text holding one): it runs with the portable values. Plain pytest runs them all.
REFUSED_BY_POSTGRESQL = {"100000-characters", "nul-byte"}
FAILS_ON_EACH_DATABASE = {"huge-number"}


def kind_param(kind):
    if kind in FAILS_ON_EACH_DATABASE:
        return pytest.param(kind)
    return pytest.param(kind, marks=pytest.mark.hostile_database if kind in REFUSED_BY_POSTGRESQL
                        else pytest.mark.hostile_portable)


KINDS = [kind_param(kind) for kind in HOSTILE]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("target", TARGETS, ids=lambda target: target.name)
def test_hostile_input_causes_no_server_error_and_is_never_reflected_unescaped(request, rows, target, kind):
    user = request.getfixturevalue(target.user) if target.user else None
    make_hostile = HOSTILE[kind]
    attempts = {"every field": {name: make_hostile(value) for name, value in valid_values(target, rows).items()}}
    for name in target.fields:
        values = valid_values(target, rows)
        values[name] = make_hostile(values[name])
        attempts[f"field {name!r}"] = values

    # One client for all attempts: building a client's handler (and WhiteNoise's file list) is the slow part.
    client = Client(raise_request_exception=False)
    failures = []
    for description, values in attempts.items():
        url, response = send(client, target, values, user)
        failures += [f"{description}: {problem}" for problem in problems(response, url)]
    assert not failures, f"{target.method} {target.url} with {kind}:\n" + "\n".join(failures)

"""The parts of the staff panel, and who may use each: the dashboard lists the ones a person can open.

The panel's menu (templates/panel/nav.html) shows the same list.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from partnerstwo.surveys.audience import can_build as survey_builder
from partnerstwo.team.body.terms import can_manage as team_staff


@dataclass(frozen=True)
class Section:
    title: Promise
    description: Promise
    url_name: str
    allowed: Callable


def content_editor(user) -> bool:
    return user.can_edit_content


def panel_user(user) -> bool:
    """Officials, administrators and Team members (who comment on the schedule and nominate committee members)."""
    return user.can_use_panel


def official_or_administrator(user) -> bool:
    return user.is_official or user.is_administrator


SECTIONS = [
    Section(
        _("Strony"),
        _("Treść stron informacyjnych serwisu, ich publikacja i historia zmian."),
        "panel:pages_panel:index",
        content_editor,
    ),
    Section(
        _("Aktualności"),
        _("Wiadomości publikowane na stronie głównej, w kanałach RSS i Atom."),
        "panel:news_panel:index",
        content_editor,
    ),
    Section(
        _("Uwagi do stron"),
        _("Potwierdzone wiadomości z formularza uwag i ich status."),
        "panel:feedback_panel:index",
        content_editor,
    ),
    Section(
        _("Organizacje"),
        _("Zgłoszenia organizacji do katalogu, zmiany czekające na zatwierdzenie, importy z KRS i wykazu OPP."),
        "panel:organizations_panel:index",
        official_or_administrator,
    ),
    Section(
        _("Zapisy na wydarzenia"),
        _("Uczestnicy wydarzeń z zapisami w serwisie: listy, eksport, lista obecności."),
        "panel:registrations_panel:index",
        official_or_administrator,
    ),
    Section(
        _("Wydarzenia"),
        _("Wydarzenia zgłoszone przez organizacje do akceptacji, wydarzenia wydziału, ich odwołanie i program Forum."),
        "panel:events_panel:index",
        official_or_administrator,
    ),
    Section(
        _("Kampanie"),
        _("Kampania 1,5%: ile razy otwarto karty organizacji; kampania sprawozdań rocznych i przypomnienie."),
        "panel:campaigns_panel:card_views",
        content_editor,
    ),
    Section(
        _("Rozsyłki"),
        _("Wiadomości do organizacji i subskrybentów: przygotowanie, wysyłka, postęp i błędy doręczeń."),
        "panel:newsletter_panel:index",
        content_editor,
    ),
    Section(
        _("Konkursy dotacyjne"),
        _("Harmonogram konkursów, ogłoszenia, oferty, komisje konkursowe i małe granty (art. 19a)."),
        "panel:grants_panel:index",
        panel_user,
    ),
    Section(
        _("Konsultacje"),
        _("Konsultacje projektów aktów prawnych wydziału: przygotowanie, uwagi, odpowiedzi i sprawozdanie."),
        "panel:consultations_panel:index",
        official_or_administrator,
    ),
    Section(
        _("Program współpracy"),
        _("Roczny program współpracy z organizacjami: treść, zadania i środki, wersje, konsultacje, przyjęcie i "
          "terminy."),
        "panel:programme_panel:index",
        official_or_administrator,
    ),
    Section(
        _("Zespół Konsultacyjny"),
        _("Zasady działania Zespołu, kadencje i członkowie, posiedzenia, zaproszenia i protokoły."),
        "panel:team_panel:index",
        team_staff,
    ),
    Section(
        _("Badania potrzeb"),
        _("Ankiety do organizacji: pytania, wysyłka i przypomnienia, wyniki z wykresami i eksportem."),
        "panel:surveys_panel:index",
        survey_builder,
    ),
    Section(
        _("Dobre praktyki"),
        _("Biblioteka poradników, standardów i wzorów dokumentów; propozycje organizacji do oceny."),
        "panel:practices_panel:index",
        official_or_administrator,
    ),
    Section(
        _("Z życia organizacji"),
        _("Wiadomości organizacji do akceptacji przed publikacją; opublikowane i zwrócone do poprawy."),
        "panel:orgnews_panel:index",
        official_or_administrator,
    ),
    Section(
        _("Biuletyn miejski"),
        _("Wydania biuletynu z wiadomości organizacji, wydarzeń i wyników konkursów; kontakty w mediach."),
        "panel:bulletin_panel:index",
        official_or_administrator,
    ),
    Section(
        _("Ogłoszenia partnerskie"),
        _("Moderacja ogłoszeń „Szukam partnera”: nowe ogłoszenia organizacji i zdejmowanie naruszeń zasad."),
        "panel:partners_panel:index",
        official_or_administrator,
    ),
    Section(
        _("Wskaźniki i sprawozdania programu współpracy"),
        _("Wskaźniki programu z wartością bazową i docelową, wartości wpisywane ręcznie i roczne sprawozdanie."),
        "panel:programme_monitoring:index",
        official_or_administrator,
    ),
]


@dataclass(frozen=True)
class Link:
    title: Promise
    description: Promise
    url: str


def sections_for(user) -> list[Link]:
    """The sections this person may open, in menu order."""
    return [
        Link(section.title, section.description, reverse(section.url_name))
        for section in SECTIONS
        if section.allowed(user)
    ]

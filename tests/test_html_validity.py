"""Every page pattern of the demo is valid HTML: the Nu HTML checker (vnu.jar from npm, on Java) finds no error.

The pages are found by following links from the home page, as a visitor and as each demo role, in
Polish and in English, keeping one page per URL pattern (the route a path resolves to): a new page is
checked as soon as something links to it. All pages go to one run of the checker.
"""

import json
import re
import subprocess
from collections import deque
from pathlib import Path

import pytest
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

from partnerstwo.lib.testing import TwoFactorClient
from tests.subprocesses import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Downloads and machine-readable feeds are not HTML; logging out would end the crawl's session. The
# Django admin is Django's own markup (two of its widgets, the read-only password hash and the
# autocomplete's empty option, are invalid there), seen only by administrators; every page we write is checked.
NOT_PAGES = re.compile(
    r"\.(ics|xml|csv|xlsx|json|pdf|png|jpe?g|svg|webp|css|js)$|^/(en/)?(media|static|admin)/|wyloguj|logout"
)
LINK = re.compile(r'href="(/[^"#]*)"')
# Roles of the demo (manage.py demo) whose pages differ from a visitor's.
SIGNED_IN = ["organizacja@example.org", "zespol@example.org", "urzednik@example.org", "admin@example.org"]
LINKS_PER_CRAWL = 20_000  # a bound on links looked at, far above the site's number of patterns


def pattern_of(path: str) -> str | None:
    language = "en" if path.startswith("/en/") else "pl"
    try:
        with translation.override(language):  # the language prefix resolves only in its own language
            match = resolve(path.split("?")[0])
    except Resolver404:
        return None
    return f"{language}:{match.route}"


def crawl(client: Client, starts: list[str], pages: dict[str, str], checked: set[str]) -> None:
    """Follows links, fetching one page per pattern for this client (so each role finds its own pages);
    a page joins `pages` when no earlier role brought one of its pattern."""
    queue, visited, fetched = deque(starts), set(), set()
    while queue and len(visited) < LINKS_PER_CRAWL:
        path = queue.popleft()
        if path in visited or NOT_PAGES.search(path.split("?")[0]):
            continue
        visited.add(path)
        pattern = pattern_of(path)
        if pattern is None or pattern in fetched:
            continue
        response = client.get(path)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        fetched.add(pattern)
        html = response.content.decode()
        if pattern not in checked:
            checked.add(pattern)
            pages[path] = html
        queue.extend(link.replace("&amp;", "&") for link in LINK.findall(html))


def check(pages: dict[str, str], folder: Path) -> list[str]:
    """Runs the checker once over all pages; returns its errors as 'path:line: message'."""
    files = {}
    for number, (path, html) in enumerate(sorted(pages.items())):
        file = folder / f"page-{number:04d}.html"
        file.write_text(html)
        files[file] = path
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True, timeout=600,
    )
    by_name = {file.name: path for file, path in files.items()}
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{by_name.get(Path(m.get('url', '')).name, m.get('url'))}:{m.get('lastLine')}: {m['message']}"
        for m in messages
    ]


def team_secretarys_pages(opinion) -> list[str]:
    """The advisory body's staff pages the crawl reaches only from some instances (a meeting held with its minutes
    still a draft, a draft position): one page per pattern is followed, so they are named here."""
    from partnerstwo.team.models import Meeting, Position

    held = Meeting.objects.get(title="Posiedzenie nr 8")
    coming = Meeting.objects.get(title="Posiedzenie nr 9")
    draft = Position.objects.get(status="draft", consultation=None)  # not the ones consultations opened
    panel = "panel:team_panel:"
    return [
        reverse(f"{panel}position", args=[opinion.pk]), reverse(f"{panel}meeting_delete", args=[coming.pk]),
        reverse(f"{panel}attendance", args=[held.pk]), reverse(f"{panel}minutes", args=[held.pk]),
        reverse(f"{panel}action_create", args=[held.pk]),
        reverse(f"{panel}item_minutes", args=[held.items.order_by("position").first().pk]),
        reverse(f"{panel}position_edit", args=[draft.pk]), reverse(f"{panel}meeting_vote", args=[draft.pk, held.pk]),
    ]


@pytest.mark.django_db
def test_every_page_pattern_is_valid_html_in_both_languages(demo_database, settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    from partnerstwo.accounts.models import User
    from partnerstwo.team.models import Position

    # The instances that show the most come first, so that theirs is the page checked for the pattern: the
    # competition with the body's opinion on it, and that opinion sent to a department.
    opinion = Position.objects.filter(concerns=Position.Concerns.COMPETITION, sent_at__isnull=False).first()
    fullest = [opinion.competition.get_absolute_url(), opinion.get_absolute_url()] if opinion else []
    # Pages the crawl might meet only through an instance that shows less (issue 14's law rules): the outcome
    # publications of a cancelled competition and of one with results, the staff pages of the OPP list.
    from partnerstwo.grants.competitions.models import Competition
    from partnerstwo.organizations.models import OppListEdition

    outcomes = Competition.objects.filter(status__in=["cancelled", "results"]).order_by("status", "pk")
    law_rules = [
        *(reverse("panel:grants_panel:outcome_publication", args=[c.pk]) for c in outcomes),
        *(reverse("panel:grants_panel:edit", args=[c.pk]) for c in outcomes),
        reverse("panel:organizations_panel:opp_editions"), reverse("panel:organizations_panel:opp_import"),
        reverse("panel:organizations_panel:import_detail", args=[OppListEdition.objects.newest().source_import_id]),
        # The city's clauses of the agreement, with their versions (issue 14).
        reverse("panel:grants_panel:agreement_clauses"),
    ]
    # Pages no link leads to: the comment form of a closed consultation is the page that says it is closed.
    from partnerstwo.consultations.models import Consultation, Stage

    closed = next((c for c in Consultation.objects.public().order_by("pk") if c.stage() == Stage.CLOSED), None)
    unlinked = [f"{closed.get_absolute_url()}uwaga/"] if closed else []
    # The campaigns (issue 16): the 1.5% campaign, a card and its leaflet, the annual-report page, the panel.
    from partnerstwo.campaigns import cards

    card = cards.organizations(cards.current_edition()).order_by("name").first()
    unlinked += [reverse("opp_campaign:index"), reverse("annual_reports:index")]
    unlinked += [reverse("opp_campaign:card", args=[card.slug]), reverse("opp_campaign:leaflet", args=[card.slug])]
    law_rules += [reverse("panel:campaigns_panel:card_views"), reverse("panel:campaigns_panel:annual_reports")]
    # The cooperation programme's pages, through the instances that show the most: next year's (in consultation,
    # with its versions compared) in public, and for the department's official the panel's pages of it and of the
    # draft (whose consultation is still to be started).
    from partnerstwo.programme.models import Programme

    coming = Programme.objects.filter(status="consultation").order_by("pk").first()
    programme_draft = Programme.objects.filter(status="draft").order_by("pk").first()
    programme_pages = [coming.get_absolute_url(), reverse("programme:compare", args=[coming.slug])] if coming else []
    official_pages = [reverse(f"panel:programme_panel:{name}", args=[coming.pk]) for name in (
        "detail", "sections", "priorities", "funds", "adoption", "compare")] if coming else []
    official_pages += ([reverse("panel:programme_panel:consultation", args=[programme_draft.pk])]
                       if programme_draft else [])
    # The confirmation before a large mailing: the demo's draft is small, so no link leads there.
    from partnerstwo.newsletter.models import Mailing

    draft = Mailing.objects.filter(status=Mailing.Status.DRAFT, kind=Mailing.Kind.ONE_OFF).order_by("pk").first()
    law_rules += [reverse("panel:newsletter_panel:send_now", args=[draft.pk])] if draft else []
    # The committee's ranking and protocol pages, for a member of the demo committee (issue 14's performance work
    # moved the ranking to a page of its own).
    from partnerstwo.grants.committees import demo as committee_demo

    committee_pages = [reverse(f"grants:committee_{name}", args=[committee_demo.SLUG])
                       for name in ("ranking", "protocol")]
    # The city bulletin (issue 16): its archive, the newest issue, its print layout; for staff the compose page of
    # the issue in preparation (with its forms), which comes first in the panel's list anyway.
    from partnerstwo.bulletin.models import Issue

    newest = Issue.objects.published().newest().first()
    bulletin = ["/biuletyn/", newest.get_absolute_url(), newest.get_print_url()] if newest else []
    composing = Issue.objects.filter(published_at__isnull=True).first()
    law_rules += [reverse("panel:bulletin_panel:compose", args=[composing.pk])] if composing else []
    # The needs surveys: their public list and the answering form an organisation opens from its e-mail's link.
    from partnerstwo.newsletter.links import organization_link_token
    from partnerstwo.organizations.models import Organization
    from partnerstwo.surveys.models import Survey

    surveys = [reverse("surveys:list")]
    open_survey = Survey.objects.open().order_by("pk").first()
    if open_survey:
        token = organization_link_token("survey", open_survey.pk, Organization.objects.public().order_by("pk")[0].pk)
        surveys.append(reverse("surveys:answer_by_link", args=[open_survey.pk, token]))
    # The cooperation programme's monitoring and yearly report (issue 15), which the programme's page links to: the
    # dashboard, last year's published report, and the panel's indicators, manual values and report for the
    # administrator (who manages every programme).
    from partnerstwo.programme.models import Indicator, YearReport

    programme_public, programme_panel = [], []
    report = YearReport.objects.filter(published_at__isnull=False).select_related("programme").first()
    if report:
        slug = report.programme.slug
        dashboard = reverse("programme:monitoring", args=[slug])
        programme_public = [dashboard, f"/en{dashboard}", reverse("programme:report", args=[slug, report.year])]
        programme_panel = [reverse("panel:programme_monitoring:index"),
                           reverse("panel:programme_monitoring:indicators", args=[slug]),
                           reverse("panel:programme_monitoring:indicator_add", args=[slug]),
                           reverse("panel:programme_monitoring:report", args=[slug, report.year])]
    manual = Indicator.objects.filter(source=Indicator.Source.MANUAL).select_related("programme").first()
    if manual:
        programme_panel += [reverse(f"panel:programme_monitoring:{name}", args=[manual.programme.slug, manual.pk])
                            for name in ("indicator_edit", "values", "indicator_delete")]
    law_rules += programme_panel
    checked, pages = set(), {}
    crawl(Client(), [*fullest, *bulletin, *programme_pages, *programme_public, *surveys, "/", "/en/"], pages,
          checked)
    for email in SIGNED_IN:
        client = TwoFactorClient()  # the demo's staff have passed their second factor
        client.force_login(User.objects.get(email=email))
        own = team_secretarys_pages(opinion) if opinion and "zespol" in email else []
        own += law_rules if email.startswith("admin") else []
        own += committee_pages if "zespol" in email else []
        own += official_pages if email.startswith("urzednik") else []
        crawl(client, [*own, *unlinked, "/", "/konto/", "/panel/", "/moje-oferty/", "/en/", "/en/konto/",
                       "/en/panel/"], pages, checked)
    # The committee's protocol in PDF while the worker makes it (202): with a queue that only records, the page a
    # reader sees then (no link leads to it as a page: the link is to the PDF).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}
    chair = Client()
    chair.force_login(User.objects.get(email=committee_demo.MEMBERS[0][0]))
    pending_path = reverse("grants:committee_protocol_pdf", args=[committee_demo.SLUG])
    pending = chair.get(pending_path)
    assert pending.status_code == 202, pending.status_code
    pages[f"{pending_path}?w-przygotowaniu"] = pending.content.decode()
    # A survey's answers in XLSX while the worker makes them (202), as the official who asked sees it.
    from partnerstwo.surveys.models import Survey

    official = TwoFactorClient()
    official.force_login(User.objects.get(email="urzednik@example.org"))
    with translation.override("pl"):  # the crawl may have left English active
        export_path = reverse("panel:surveys_panel:export", args=[Survey.objects.order_by("pk").first().pk, "xlsx"])
    for path in (export_path, f"/en{export_path}"):
        pending = official.get(path)
        assert pending.status_code == 202, pending.status_code
        pages[f"{path}?w-przygotowaniu"] = pending.content.decode()
    assert len(pages) > 60, sorted(checked)  # the crawl reached the site, not just the home page
    assert any(p.startswith("/en/") for p in pages)

    errors = check(pages, tmp_path)
    assert errors == [], "\n".join(errors)

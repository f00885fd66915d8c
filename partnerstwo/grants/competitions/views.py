"""Public pages of the competitions: list with filters, the competition page, results, the deadlines feed."""

import datetime as dt

from django.core.paginator import Paginator
from django.db.models import Case, F, IntegerField, Prefetch, Value, When
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from partnerstwo.grants.committees import appointment
from partnerstwo.grants.competitions import ical, lifecycle, rules
from partnerstwo.grants.competitions import results as published
from partnerstwo.grants.competitions.filters import CompetitionFilterForm, ExportYearForm, ResultsYearForm
from partnerstwo.grants.competitions.models import Competition, CompetitionDocument
from partnerstwo.grants.offers.models import Offer
from partnerstwo.grants.reports import reporting
from partnerstwo.lib import fragments
from partnerstwo.lib.editorial.views import paginated
from partnerstwo.lib.tabular import write

Status = Competition.Status
PAGE_SIZE = 20
RESULTS_PAGE_SIZE = 10
NOTICE_PER_PAGE = 50
# What was achieved: a few reports on the competition's page, all of them on their own pages.
ACHIEVEMENTS_SHOWN = 5
ACHIEVEMENTS_PER_PAGE = 20
# The feed covers a year back (so a change or cancellation still reaches calendars) and everything ahead.
FEED_PAST = dt.timedelta(days=366)
FEED_LIMIT = 2000

# The list's three groups, in this order: offers accepted now, announced (offers not yet accepted), past.
GROUP_CURRENT, GROUP_UPCOMING, GROUP_PAST = 0, 1, 2
GROUP_HEADINGS = {
    GROUP_CURRENT: gettext_lazy("Trwa nabór ofert"),
    GROUP_UPCOMING: gettext_lazy("Ogłoszone – nabór wkrótce"),
    GROUP_PAST: gettext_lazy("Zakończone"),
}


def _list_rows(competitions):
    """Current first (nearest deadline first), then upcoming, then past (latest first)."""
    group = Case(
        When(status=Status.ACCEPTING, then=Value(GROUP_CURRENT)),
        When(status=Status.ANNOUNCED, then=Value(GROUP_UPCOMING)),
        default=Value(GROUP_PAST),
        output_field=IntegerField(),
    )
    open_deadline = Case(When(status__in=[Status.ACCEPTING, Status.ANNOUNCED], then=F("offer_deadline")))
    return (
        competitions.annotate(group=group, open_deadline=open_deadline)
        .select_related("department", "sphere")
        .only(
            "slug", "title", "status", "year", "offer_deadline", "public_funds", "mode",
            "department__name", "sphere__name_pl", "sphere__name_en", "sphere__point_label",
        )
        .order_by("group", F("open_deadline").asc(nulls_last=True), "-offer_deadline", "pk")
    )


@require_safe
def competition_list(request):
    form = CompetitionFilterForm(request.GET)
    rows = _list_rows(form.filter(Competition.objects.public()))
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("strona"))
    now = timezone.now()
    for competition in page.object_list:
        competition.group_heading = GROUP_HEADINGS[competition.group]
        competition.days_left = lifecycle.days_left(competition, now)
    query = form.query()
    # The same for every visitor: rendered once per content (lib/fragments.py), keyed on every value loaded
    # of the competitions shown (the countdown the loop above set included) and on the form's data and choices.
    return render(request, "grants/competitions/list.html", {
        "form": form, "page_obj": page, "query": query,
        "filters_html": fragments.render("grants/competitions/_list_filters.html", {"form": form},
                                         fragments.form_state(form)),
        "results_html": fragments.render(
            "grants/competitions/_list_results.html", {"page_obj": page, "query": query},
            (list(page.object_list), page.number, page.paginator.num_pages, page.paginator.count, query),
        ),
    })


def _visible(user):
    """The public competitions, and for whoever may edit them also the planned ones (a preview)."""
    competitions = Competition.objects.public()
    if user.is_authenticated:
        competitions = competitions | Competition.objects.editable_by(user)
    return competitions


@require_safe
def competition_detail(request, slug):
    competition = get_object_or_404(
        _visible(request.user)
        .select_related("department", "sphere", "planned", "outcome_publication")
        .prefetch_related(
            "criteria", "prior_funding", "status_changes", "changes",
            Prefetch(
                "documents",
                queryset=CompetitionDocument.objects.order_by("-is_current", "title", "-uploaded_at"),
            ),
        ),
        slug=slug,
    )
    now = timezone.now()
    # The results notice a page at a time (a competition may have thousands of offers).
    rows = published.notice_rows(competition) if competition.status == Status.RESULTS else []
    notice = paginated(request, rows, NOTICE_PER_PAGE) if rows else {}
    published.attach_offers(notice.get("items", []))
    criteria = list(competition.criteria.all())
    return render(request, "grants/competitions/detail.html", {
        "competition": competition,
        "is_public": competition.status != Status.PLANNED,
        "days_left": lifecycle.days_left(competition, now),
        "report_due": rules.report_due(competition.task_end),
        "formal_criteria": [c for c in criteria if c.kind == c.Kind.FORMAL],
        "merit_criteria": [c for c in criteria if c.kind == c.Kind.MERIT],
        "documents": competition.documents.all(),
        **notice,
        "notice": [row.offer for row in notice.get("items", [])],
        "any_granted": any(row.granted for row in rows),
        **_achievements_shown(competition),
        "outcome_publication": getattr(competition, "outcome_publication", None),
        "can_edit": request.user.is_authenticated
        and Competition.objects.editable_by(request.user).filter(pk=competition.pk).exists(),
        "nominations_open": competition.status in appointment.COMMITTEE_STATUSES,
        # The advisory body's decided positions on it, read by their related name (grants does not import team).
        "body_positions": competition.team_positions.decided().order_by("-decided_at", "-pk"),
    })


def _achievements_shown(competition) -> dict:
    if competition.status != Status.RESULTS:
        return {"achievements": [], "more_achievements": 0}
    reports = reporting.achievements(competition)
    shown = reporting.with_achieved(reports[:ACHIEVEMENTS_SHOWN + 1])
    more = reports.count() if len(shown) > ACHIEVEMENTS_SHOWN else 0
    return {"achievements": shown[:ACHIEVEMENTS_SHOWN], "more_achievements": more}


@require_safe
def competition_achievements(request, slug):
    """Every accepted final report's results, a page at a time: the whole of the competition page's section."""
    competition = get_object_or_404(_visible(request.user).filter(status=Status.RESULTS), slug=slug)
    page = paginated(request, reporting.achievements(competition), ACHIEVEMENTS_PER_PAGE)
    page["items"] = reporting.with_achieved(page["items"])
    return render(request, "grants/competitions/achievements.html", {"competition": competition, **page})


@require_safe
def results(request):
    """The competitions with published results and, for a chosen year (default: the latest), the totals
    granted by sphere and by department."""
    years = published.years_with_results()
    form = ResultsYearForm(request.GET or None, years=years)
    year = years[0] if years else None
    if form.is_bound and form.is_valid() and form.cleaned_data["rok"]:
        year = form.cleaned_data["rok"]
    competitions = (
        published.published_competitions()
        .select_related("department", "sphere")
        .prefetch_related(Prefetch(
            "offers",
            queryset=Offer.objects.filter(awarded_amount__gt=0).select_related("organization")
            .order_by("-awarded_amount", "organization__name"),
            to_attr="awarded_offers",
        ))
        .order_by("-results_published_at", "-pk")
    )
    page = Paginator(competitions, RESULTS_PAGE_SIZE).get_page(request.GET.get("strona"))
    by_sphere = published.totals_by_sphere(year) if year else []
    by_department = published.totals_by_department(year) if year else []
    return render(request, "grants/competitions/results.html", {
        "page_obj": page, "form": form, "year": year, "years": years,
        "by_sphere": by_sphere, "by_department": by_department,
        "year_amount": sum((total.amount for total in by_sphere), 0),
        "year_grants": sum(total.grants for total in by_sphere),
    })


def _export(fmt: str, offers, filename: str):
    rows = published.rows(offers)
    if fmt == "xlsx":
        return write.xlsx_response(published.HEADER, rows, filename=filename, sheet_title=_("wyniki"))
    return write.csv_response(write.csv_lines(published.HEADER, rows), filename)


def _published_competition(slug):
    return get_object_or_404(published.published_competitions().only("slug"), slug=slug)


@require_safe
def competition_results_csv(request, slug):
    competition = _published_competition(slug)
    return _export("csv", published.granted_offers().filter(competition=competition),
                   published.filename("csv", competition=competition))


@require_safe
def competition_results_xlsx(request, slug):
    competition = _published_competition(slug)
    return _export("xlsx", published.granted_offers().filter(competition=competition),
                   published.filename("xlsx", competition=competition))


def _year_export(request, fmt):
    form = ExportYearForm(request.GET)
    if not form.is_valid():
        raise Http404(_("Nieprawidłowy rok."))
    year = form.cleaned_data["rok"]
    return _export(fmt, published.granted_offers(year), published.filename(fmt, year=year))


@require_safe
def results_csv(request):
    return _year_export(request, "csv")


@require_safe
def results_xlsx(request):
    return _year_export(request, "xlsx")


@require_safe
def deadlines_ical(request):
    since = timezone.now() - FEED_PAST
    competitions = (
        Competition.objects.public().filter(offer_deadline__gte=since)
        .select_related("department")
        .only("slug", "title", "status", "offer_deadline", "decision_date", "revision", "changed_at", "updated_at",
              "cancellation_reason", "department__name")
        .order_by("offer_deadline", "pk")[:FEED_LIMIT]
    )
    body = ical.feed_bytes(competitions, name=_("Terminy konkursów dotacyjnych"))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")

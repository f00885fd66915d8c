"""The public pages of the cooperation programme: the list (this year's in force, next year's in consultation, the
archive), a programme with its contents, duties, consultation and adoption, its versions and their comparison.

A draft is not public until its consultation is announced (ProgrammeQuerySet.public); the versions saved before
that are the department's working copies and stay in the panel (ProgrammeVersion.is_public)."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from partnerstwo.lib.markdown import render_markdown
from partnerstwo.programme import contents, duties, editing
from partnerstwo.programme.models import PlannedFunds, Priority, Programme


def programme_list(request):
    today = timezone.localdate()
    programmes = list(Programme.objects.public().select_related("department").order_by("-year_from", "-year_to"))
    in_force = [p for p in programmes if p.is_adopted and p.year_from <= today.year <= p.year_to]
    coming = [p for p in programmes if p not in in_force and p.year_from > today.year]
    archive = [p for p in programmes if p not in in_force and p not in coming]
    return render(request, "programme/list.html", {"in_force": in_force, "coming": coming, "archive": archive})


def public_programme(slug) -> Programme:
    return get_object_or_404(
        Programme.objects.public().select_related("department", "consultation__team_position").prefetch_related(
            "spheres",
            Prefetch("priorities", queryset=Priority.objects.select_related("sphere")),
            Prefetch("planned_funds", queryset=PlannedFunds.objects.select_related("sphere", "priority")),
        ),
        slug=slug,
    )


def funds_table(programme: Programme) -> dict:
    """The planned funds as rows (sphere and priority) by columns (years), with the totals."""
    years = list(programme.years)
    rows, totals = {}, dict.fromkeys(years, 0)
    for funds in programme.planned_funds.all():
        key = (funds.sphere.position, funds.sphere.pk, funds.priority.position if funds.priority else -1,
               funds.priority_id or 0)
        row = rows.setdefault(key, {"sphere": funds.sphere, "priority": funds.priority,
                                    "amounts": dict.fromkeys(years)})
        row["amounts"][funds.year] = funds.amount
        totals[funds.year] += funds.amount
    ordered = [rows[key] for key in sorted(rows)]
    for row in ordered:
        row["cells"] = [row["amounts"][year] for year in years]
    return {"years": years, "rows": ordered, "totals": [totals[year] for year in years],
            "total": sum(totals.values())}


def detail_context(programme: Programme, *, versions) -> dict:
    today = timezone.localdate()
    consultation = programme.consultation
    position = consultation.team_position if consultation is not None else None
    return {
        "programme": programme, "sections": contents.SECTIONS, "funds": funds_table(programme),
        "duties": [(duty, duty.met(today)) for duty in duties.duties_of(programme)],
        "consultation": consultation, "position": position if position is not None and position.is_decided else None,
        "position_pending": position is not None and not position.is_decided,
        "versions": versions, "period": contents.period_label(programme),
        "has_indicators": programme.indicators.exists(),
        "reports": list(programme.year_reports.filter(published_at__isnull=False).order_by("year")
                        .values_list("year", flat=True)),
        # Under each section's h2, the text's own headings start at h3.
        "rendered": {field: render_markdown(getattr(programme, field), top_heading=3)
                     for field in contents.TEXT_FIELDS},
    }


def programme_detail(request, slug):
    programme = public_programme(slug)
    versions = [version for version in programme.versions.select_related("created_by") if version.is_public]
    return render(request, "programme/detail.html", detail_context(programme, versions=versions))


def public_versions(programme):
    return programme.versions.exclude(status=Programme.Status.DRAFT).select_related("created_by")


def versions(request, slug):
    programme = get_object_or_404(Programme.objects.public(), slug=slug)
    return render(request, "programme/versions.html", {"programme": programme,
                                                       "versions": list(public_versions(programme))})


def compare_context(request, programme, available) -> dict:
    """Two versions chosen by number (?od=&do=), by default the newest against the one before it."""
    by_number = {version.number: version for version in available}
    numbers = sorted(by_number)

    def chosen(name, default):
        value = request.GET.get(name, "")
        if not value:
            return default
        try:
            return by_number[int(value)]
        except (ValueError, KeyError):
            raise Http404 from None

    newer = chosen("do", by_number[numbers[-1]] if numbers else None)
    older = chosen("od", by_number[numbers[-2]] if len(numbers) > 1 else newer)
    if newer is None:
        raise Http404
    if older.number > newer.number:
        older, newer = newer, older
    changes = editing.compare(older, newer)
    return {"programme": programme, "versions": available, "older": older, "newer": newer, "changes": changes,
            "changed": any(change.changed for change in changes)}


def compare(request, slug):
    programme = get_object_or_404(Programme.objects.public(), slug=slug)
    return render(request, "programme/compare.html",
                  compare_context(request, programme, list(public_versions(programme))))

"""Staff pages of the yearly schedule: officials plan their department's rows, the Team comments on the draft."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerstwo.accounts.access import panel_required
from partnerstwo.grants.schedule import planning
from partnerstwo.grants.schedule.forms import CommentForm, ConsultationForm, RowForm, ScheduleYearForm, StatusForm
from partnerstwo.grants.schedule.models import PlannedCompetition, ScheduleComment, ScheduleYear


@panel_required
def index(request):
    can_manage = planning.can_manage_years(request.user)
    form = ScheduleYearForm(request.POST or None)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            year = form.save()
            messages.success(request, _("Utworzono projekt harmonogramu na %(year)s rok.") % {"year": year.year})
            return redirect("panel:grants_panel:schedule_year", year.year)
    return render(request, "grants/schedule/panel_index.html", {
        "years": planning.schedules_visible_to(request.user),
        "form": form,
        "can_manage": can_manage,
    })


def _year(user, year: int) -> ScheduleYear:
    return get_object_or_404(planning.schedules_visible_to(user), year=year)


@panel_required
def year_detail(request, year):
    chosen = _year(request.user, year)
    can_comment = planning.can_comment(request.user, chosen)
    form = CommentForm(request.POST or None, schedule=chosen) if can_comment else None
    if request.method == "POST":
        if not can_comment:
            raise PermissionDenied
        if form.is_valid():
            planning.add_comment(schedule=chosen, user=request.user, text=form.cleaned_data["text"],
                                 row=form.cleaned_data["row"])
            messages.success(request, _("Dodano uwagę."))
            return redirect("panel:grants_panel:schedule_year", chosen.year)

    comments = ScheduleComment.objects.select_related("author").order_by("created_at", "pk")
    rows = list(
        chosen.rows.select_related("department", "sphere")
        .prefetch_related(Prefetch("comments", queryset=comments), "changes")
        .order_by("planned_month", "department__name", "task", "pk")
    )
    for row in rows:
        row.amount_text = planning.format_amount(row.planned_amount)
        row.month_text = planning.month_name(row.planned_month)
        row.change_texts = [planning.change_text_with_date(change) for change in row.changes.all()]
    editable = set(planning.rows_editable_by(request.user).filter(schedule=chosen).values_list("pk", flat=True))
    return render(request, "grants/schedule/panel_year.html", {
        "schedule": chosen,
        "rows": rows,
        "editable": editable,
        "general_comments": comments.filter(schedule=chosen, row=None),
        "comment_form": form,
        "comments_closed": bool(chosen.comments_until and chosen.comments_until < timezone.localdate()),
        "can_manage": planning.can_manage_years(request.user),
        "can_add": planning.can_add_rows(request.user),
        "public_url_year": chosen.year,
    })


@panel_required
def status(request, year):
    if not planning.can_manage_years(request.user):
        raise PermissionDenied
    chosen = _year(request.user, year)
    consultation_form = ConsultationForm(request.POST if request.POST.get("action") == "consultation" else None)
    if request.method == "POST":
        action = StatusForm(request.POST)
        if action.is_valid():
            try:
                done = _change_status(request, chosen, action.cleaned_data["action"], consultation_form)
            except planning.NotAllowed as refusal:
                messages.error(request, str(refusal))
                done = True
            if done:
                return redirect("panel:grants_panel:schedule_year", chosen.year)
        else:
            messages.error(request, _("Nieznane działanie."))
    return render(request, "grants/schedule/panel_status.html", {
        "schedule": chosen, "consultation_form": consultation_form,
    })


def _change_status(request, chosen, action, consultation_form) -> bool:
    """Performs the action; False when the consultation form needs correcting."""
    if action == "consultation":
        if not consultation_form.is_valid():
            return False
        sent = planning.start_consultation(
            schedule=chosen,
            comments_until=consultation_form.cleaned_data["comments_until"],
            notify=consultation_form.cleaned_data["notify"],
        )
        messages.success(request, _("Projekt przekazano do uwag Zespołu. Wysłane powiadomienia: %(count)s.")
                         % {"count": sent})
    elif action == "draft":
        planning.return_to_draft(schedule=chosen)
        messages.success(request, _("Harmonogram wrócił do stanu projektu."))
    else:
        planning.publish(schedule=chosen)
        messages.success(request, _("Harmonogram opublikowano. Od teraz każda zmiana jest zapisywana publicznie."))
    return True


@panel_required
def row_create(request, year):
    if not planning.can_add_rows(request.user):
        raise PermissionDenied
    chosen = _year(request.user, year)
    form = RowForm(request.POST or None, user=request.user, instance=PlannedCompetition(schedule=chosen))
    if request.method == "POST" and form.is_valid():
        planning.add_row(row=form.save(commit=False), user=request.user)
        messages.success(request, _("Dodano pozycję harmonogramu."))
        return redirect("panel:grants_panel:schedule_year", chosen.year)
    return render(request, "grants/schedule/panel_row_form.html", {"schedule": chosen, "form": form, "row": None})


def _editable_row(user, pk) -> PlannedCompetition:
    # Another department's row is not found at all: officials see only their own department's rows here.
    return get_object_or_404(planning.rows_editable_by(user).select_related("schedule", "sphere"), pk=pk)


@panel_required
def row_edit(request, pk):
    row = _editable_row(request.user, pk)
    if row.is_withdrawn:
        messages.error(request, _("Wycofanej pozycji nie można zmieniać."))
        return redirect("panel:grants_panel:schedule_year", row.schedule.year)
    before = planning.snapshot(row)
    form = RowForm(request.POST or None, user=request.user, instance=row)
    if request.method == "POST" and form.is_valid():
        changes = planning.update_row(row=form.save(commit=False), before=before, user=request.user)
        if changes:
            messages.success(request, _("Zapisano. Zmiany widać publicznie: %(changes)s.") % {
                "changes": "; ".join(planning.change_text(change) for change in changes)
            })
        else:
            messages.success(request, _("Zapisano pozycję harmonogramu."))
        return redirect("panel:grants_panel:schedule_year", row.schedule.year)
    return render(request, "grants/schedule/panel_row_form.html", {"schedule": row.schedule, "form": form, "row": row})


@panel_required
def row_withdraw(request, pk):
    row = _editable_row(request.user, pk)
    if request.method == "POST":
        deleted = planning.withdraw_row(row=row, user=request.user)
        done = _("Usunięto pozycję z projektu.") if deleted else _("Wycofano pozycję z harmonogramu.")
        messages.success(request, done)
        return redirect("panel:grants_panel:schedule_year", row.schedule.year)
    return render(request, "grants/schedule/panel_withdraw.html", {"schedule": row.schedule, "row": row})

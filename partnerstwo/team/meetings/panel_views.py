"""Staff pages of the meetings: the secretary plans a meeting and its agenda, invites, records attendance, drafts
the minutes point by point with the action items, and records the vote that approves earlier minutes.

For administrators and the body's current secretary (terms.can_manage); a group's meetings also for its
coordinators (groups.coordination.can_run, asked of each meeting); everyone else gets a 403.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerstwo.lib.forms import add_errors
from partnerstwo.lib.views import confirm_delete
from partnerstwo.team.access import manager_required, meeting_runner_required
from partnerstwo.team.groups import coordination
from partnerstwo.team.meetings import conduct, minutes
from partnerstwo.team.meetings.forms import (
    ActionDoneForm,
    ActionItemForm,
    AgendaItemForm,
    ApprovalForm,
    AttendanceForm,
    DocumentForm,
    GuestForm,
    ItemMinutesForm,
    MeetingForm,
    MinutesIntroForm,
    ShownAtForm,
)
from partnerstwo.team.models import ActionItem, AgendaDocument, AgendaItem, Body, Guest, Meeting


def _allowed(request, meeting: Meeting) -> Meeting:
    if not coordination.can_run(request.user, meeting):
        raise PermissionDenied
    return meeting


def _meeting(request, pk) -> Meeting:
    return _allowed(request, get_object_or_404(Meeting.objects.select_related("body", "group"), pk=pk))


def _to_meeting(meeting: Meeting, anchor: str = ""):
    response = redirect("panel:team_panel:meeting", meeting.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


@manager_required
def meeting_list(request):
    body = Body.objects.the_body()
    listed = body.meetings.annotate(points=Count("items")).order_by("-starts_at")
    return render(request, "team/panel/meetings.html", {
        "body": body, "upcoming": listed.upcoming().order_by("starts_at"), "past": listed.past(),
    })


@manager_required
@require_http_methods(["GET", "POST"])
def meeting_create(request):
    body = Body.objects.the_body()
    form = MeetingForm(request.POST or None, instance=Meeting(body=body), initial={"title": _("Posiedzenie Zespołu")})
    if request.method == "POST" and form.is_valid():
        try:
            meeting = conduct.save_meeting(meeting=form.save(commit=False),
                                            departments=form.cleaned_data["departments"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Dodano posiedzenie. Teraz ułóż porządek obrad i wyślij zaproszenia."))
            return _to_meeting(meeting)
    return render(request, "team/panel/meeting_form.html", {"form": form, "meeting": None})


@meeting_runner_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    meeting = _meeting(request, pk)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            conduct.save_meeting(meeting=form.save(commit=False), departments=form.cleaned_data.get("departments"),
                                  changed=form.has_changed())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Zapisano posiedzenie."))
            return _to_meeting(meeting)
    return render(request, "team/panel/meeting_form.html", {"form": form, "meeting": meeting})


@meeting_runner_required
def meeting_detail(request, pk):
    meeting = _meeting(request, pk)
    return render(request, "team/panel/meeting.html", {
        "meeting": meeting,
        "items": conduct.agenda(meeting),
        "departments": meeting.departments.all(),
        "guests": meeting.guests.all(),
        "guest_form": GuestForm(),
        "quorum": conduct.quorum(meeting),
        "rows": conduct.attendance_of(meeting),
        "open_actions": conduct.open_action_items_before(meeting),
        "can_record": conduct.can_record_attendance(meeting),
    })


@meeting_runner_required
@require_http_methods(["GET", "POST"])
def meeting_cancel(request, pk):
    meeting = _meeting(request, pk)
    if request.method == "POST":
        try:
            conduct.cancel_meeting(meeting=meeting)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Posiedzenie odwołane. Wyślij zaproszonym wiadomość o odwołaniu."))
        return _to_meeting(meeting)
    return render(request, "team/panel/meeting_cancel.html", {"meeting": meeting})


@meeting_runner_required
@require_http_methods(["GET", "POST"])
def meeting_delete(request, pk):
    meeting = _meeting(request, pk)
    done_url = (reverse("panel:team_panel:group_meetings", args=[meeting.group_id]) if meeting.group_id
                else reverse("panel:team_panel:meetings"))
    return confirm_delete(
        request, delete=lambda: conduct.delete_meeting(meeting=meeting),
        done_url=done_url,
        done_message=_("Usunięto posiedzenie „%(title)s”.") % {"title": meeting.title},
        back_url=reverse("panel:team_panel:meeting", args=[meeting.pk]),
        context={
            "heading": _("Usunięcie posiedzenia"),
            "question": _(
                "Czy usunąć posiedzenie „%(title)s” razem z porządkiem obrad? Usuwa się posiedzenie zaplanowane "
                "przez pomyłkę, zanim wysłano zaproszenia; po ich wysłaniu posiedzenie się odwołuje."
            ) % {"title": meeting.title},
            "button": _("Usuń posiedzenie"),
        },
    )


@meeting_runner_required
@require_POST
def invitations_send(request, pk):
    meeting = _meeting(request, pk)
    try:
        count = conduct.send_invitations(meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Wysyłamy wiadomości z plikiem kalendarza: %(count)s.") % {"count": count})
    return _to_meeting(meeting)


@meeting_runner_required
@require_http_methods(["GET", "POST"])
def item_create(request, pk):
    meeting = _meeting(request, pk)
    form = AgendaItemForm(request.POST or None, instance=AgendaItem(meeting=meeting))
    if request.method == "POST" and form.is_valid():
        conduct.save_item(item=form.save(commit=False))
        messages.success(request, _("Dodano punkt porządku obrad."))
        return _to_meeting(meeting, "agenda-heading")
    return render(request, "team/panel/item_form.html", {"form": form, "meeting": meeting, "item": None})


def _item(request, pk) -> AgendaItem:
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__body", "meeting__group"), pk=pk)
    _allowed(request, item.meeting)
    return item


@meeting_runner_required
@require_http_methods(["GET", "POST"])
def item_edit(request, pk):
    item = _item(request, pk)
    form = AgendaItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        if form.has_changed():
            conduct.save_item(item=form.save(commit=False))
        messages.success(request, _("Zapisano punkt porządku obrad."))
        return _to_meeting(item.meeting, "agenda-heading")
    document_form = DocumentForm()
    return render(request, "team/panel/item_form.html", {
        "form": form, "meeting": item.meeting, "item": item, "document_form": document_form,
    })


@meeting_runner_required
@require_POST
def item_move(request, pk):
    item = _item(request, pk)
    conduct.move_item(item=item, up=request.POST.get("direction") == "up")
    return _to_meeting(item.meeting, "agenda-heading")


@meeting_runner_required
@require_POST
def item_delete(request, pk):
    item = _item(request, pk)
    conduct.delete_item(item=item)
    messages.success(request, _("Usunięto punkt „%(title)s”.") % {"title": item.title})
    return _to_meeting(item.meeting, "agenda-heading")


@meeting_runner_required
@require_POST
def document_add(request, pk):
    item = _item(request, pk)
    form = DocumentForm(request.POST, request.FILES, instance=AgendaDocument(item=item))
    if form.is_valid():
        form.save()
        conduct.note_change(item.meeting)
        messages.success(request, _("Dodano dokument."))
        return redirect("panel:team_panel:item_edit", item.pk)
    return render(request, "team/panel/item_form.html", {
        "form": AgendaItemForm(instance=item), "meeting": item.meeting, "item": item, "document_form": form,
    })


@meeting_runner_required
@require_POST
def guest_add(request, pk):
    meeting = _meeting(request, pk)
    form = GuestForm(request.POST, instance=Guest(meeting=meeting))
    if form.is_valid():
        form.save()
        messages.success(request, _("Dodano gościa. Zaproszenie dostanie, gdy wyślesz zaproszenia."))
        return _to_meeting(meeting, "guests-heading")
    return render(request, "team/panel/guest_form.html", {"form": form, "meeting": meeting})


@meeting_runner_required
@require_POST
def guest_delete(request, pk):
    guest = get_object_or_404(Guest.objects.select_related("meeting__group"), pk=pk)
    _allowed(request, guest.meeting)
    guest.delete()
    messages.success(request, _("Usunięto gościa: %(name)s.") % {"name": guest.name})
    return _to_meeting(guest.meeting, "guests-heading")


@meeting_runner_required
@require_http_methods(["GET", "POST"])
def attendance(request, pk):
    meeting = _meeting(request, pk)
    if not conduct.can_record_attendance(meeting):
        messages.error(request, _("Obecność zapisuje się od dnia posiedzenia."))
        return _to_meeting(meeting)
    form = AttendanceForm(request.POST or None, rows=conduct.attendance_of(meeting), guests=meeting.guests.all())
    if request.method == "POST" and form.is_valid():
        found = conduct.record_attendance(meeting=meeting, statuses=form.statuses(), guests=form.guests())
        messages.success(request, _("Zapisano obecność: obecnych %(present)s z %(members)s.")
                         % {"present": found.present, "members": found.members})
        return redirect("panel:team_panel:minutes", meeting.pk)
    return render(request, "team/panel/attendance.html", {
        "meeting": meeting, "form": form, "quorum": conduct.quorum(meeting),
    })


@meeting_runner_required
@require_http_methods(["GET", "POST"])
def minutes_page(request, pk):
    """The draft minutes point by point, the members' comments, action items, and the approval of earlier minutes
    voted at this meeting."""
    meeting = _meeting(request, pk)
    intro_form = MinutesIntroForm(request.POST or None, instance=meeting)
    if request.method == "POST":
        if meeting.minutes_published:
            messages.error(request, _("Protokół został przyjęty; nie można go już zmieniać."))
        elif intro_form.is_valid():
            intro_form.save()
            messages.success(request, _("Zapisano przebieg posiedzenia."))
            return redirect("panel:team_panel:minutes", meeting.pk)
    drafts = minutes.drafts_to_approve(meeting)
    return render(request, "team/panel/minutes.html", {
        **minutes.context(meeting),
        "intro_form": intro_form,
        "comments": meeting.minutes_comments.select_related("item"),
        "approval_form": ApprovalForm(drafts=drafts) if drafts.exists() and meeting.has_started else None,
        "approved_here": meeting.approved_minutes.all(),
        "can_publish": meeting.group_id and not meeting.minutes_published,
        "open_actions": conduct.open_action_items_before(meeting),
    })


@meeting_runner_required
@require_http_methods(["GET", "POST"])
def item_minutes(request, pk):
    item = _item(request, pk)
    form = ItemMinutesForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            conduct.save_item_minutes(item=form.save(commit=False))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Zapisano protokół punktu „%(title)s”.") % {"title": item.title})
            return redirect("panel:team_panel:minutes", item.meeting.pk)
    return render(request, "team/panel/item_minutes.html", {
        "form": form, "item": item, "meeting": item.meeting, "quorum": conduct.quorum(item.meeting),
    })


@meeting_runner_required
@require_http_methods(["GET", "POST"])
def action_create(request, pk):
    meeting = _meeting(request, pk)
    form = ActionItemForm(request.POST or None, instance=ActionItem(meeting=meeting), meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            conduct.save_action_item(action=form.save(commit=False))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Dodano zadanie."))
            return redirect("panel:team_panel:minutes", meeting.pk)
    return render(request, "team/panel/action_form.html", {"form": form, "meeting": meeting})


@meeting_runner_required
@require_POST
def action_done(request, pk):
    action = get_object_or_404(ActionItem.objects.select_related("meeting__group"), pk=pk)
    _allowed(request, action.meeting)
    form = ActionDoneForm(request.POST)
    if form.is_valid():
        action.done_on = form.cleaned_data["done_on"]
        action.save(update_fields=["done_on"])
        messages.success(request, _("Zadanie oznaczone jako wykonane."))
    else:
        messages.error(request, _("Podaj datę wykonania zadania."))
    # Done from the minutes of a later meeting (where open items are listed) or of its own.
    back = ShownAtForm(request.POST)
    shown_at_pk = back.cleaned_data["shown_at"] if back.is_valid() else None
    shown_at = Meeting.objects.alongside(action.meeting).filter(pk=shown_at_pk or 0).first()
    return redirect("panel:team_panel:minutes", (shown_at or action.meeting).pk)


@meeting_runner_required
@require_POST
def approve(request, pk):
    meeting = _meeting(request, pk)
    drafts = minutes.drafts_to_approve(meeting)
    form = ApprovalForm(request.POST, drafts=drafts)
    if form.is_valid():
        data = form.cleaned_data
        try:
            minutes.approve(meeting=data["meeting"], at_meeting=meeting, votes_for=data["votes_for"],
                            votes_against=data["votes_against"], votes_abstain=data["votes_abstain"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            done = _("Protokół przyjęty i opublikowany: %(meeting)s.") % {"meeting": data["meeting"]}
            messages.success(request, done)
            return redirect("panel:team_panel:minutes", meeting.pk)
    return render(request, "team/panel/approval_form.html", {
        "meeting": meeting, "form": form, "quorum": conduct.quorum(meeting),
    })



@meeting_runner_required
@require_POST
def minutes_publish(request, pk):
    """A group's minutes, agreed by the group, published without a vote (minutes.publish_group_minutes)."""
    meeting = _meeting(request, pk)
    try:
        minutes.publish_group_minutes(meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Protokół opublikowany na stronie posiedzenia."))
    return redirect("panel:team_panel:minutes", meeting.pk)

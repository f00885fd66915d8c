"""Staff pages of sector groups and working teams: set one up, add organisations and people, remove them; and
a group's meetings, which its coordinators run too (each meeting's own pages are meetings/panel_views.py).

For administrators and the body's current secretary (terms.can_manage), the meetings also for the group's
coordinators (coordination.can_run_group); everyone else gets a 403.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerstwo.lib.forms import add_errors
from partnerstwo.team.access import manager_required, meeting_runner_required
from partnerstwo.team.body import terms
from partnerstwo.team.groups import coordination, joining
from partnerstwo.team.groups.forms import GroupForm, GroupMemberForm
from partnerstwo.team.meetings import conduct
from partnerstwo.team.meetings.forms import MeetingForm
from partnerstwo.team.models import Body, Group, GroupMember, Meeting


@manager_required
def group_list(request):
    body = Body.objects.the_body()
    return render(request, "team/panel/groups.html", {
        "body": body, "groups": body.groups.annotate(size=Count("members")),
    })


@manager_required
@require_http_methods(["GET", "POST"])
def group_form(request, pk=None):
    body = Body.objects.the_body()
    group = get_object_or_404(body.groups, pk=pk) if pk else Group(body=body)
    form = GroupForm(request.POST or None, instance=group)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("Zapisano: %(name)s.") % {"name": saved.name})
        return redirect("panel:team_panel:group", saved.pk)
    members = group.members.select_related("organization") if pk else []
    return render(request, "team/panel/group_form.html", {"form": form, "group": group if pk else None,
                                                          "members": members})


@manager_required
@require_http_methods(["GET", "POST"])
def member_create(request, pk):
    group = get_object_or_404(Group, pk=pk)
    form = GroupMemberForm(request.POST or None, instance=GroupMember(group=group, added_by=request.user))
    if request.method == "POST" and form.is_valid():
        try:
            joining.save_member(member=form.save(commit=False), account_email=form.cleaned_data["account_email"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Dodano do grupy."))
            return redirect("panel:team_panel:group", group.pk)
    return render(request, "team/panel/group_member_form.html", {"form": form, "group": group})


@manager_required
@require_POST
def member_remove(request, pk):
    member = get_object_or_404(GroupMember.objects.select_related("group", "organization"), pk=pk)
    member.delete()
    messages.success(request, _("Usunięto z grupy: %(name)s.") % {"name": member})
    return redirect("panel:team_panel:group", member.group_id)


def _run_group(request, pk) -> Group:
    group = get_object_or_404(Group.objects.select_related("body"), pk=pk)
    if not coordination.can_run_group(request.user, group):
        raise PermissionDenied
    return group


@meeting_runner_required
def group_meetings(request, pk):
    """The group's meetings, for its coordinators and the body's staff."""
    group = _run_group(request, pk)
    listed = group.meetings.annotate(points=Count("items")).order_by("-starts_at")
    return render(request, "team/panel/group_meetings.html", {
        "group": group, "upcoming": listed.upcoming().order_by("starts_at"), "past": listed.past(),
        "is_staff": terms.can_manage(request.user),
    })


@meeting_runner_required
@require_http_methods(["GET", "POST"])
def group_meeting_create(request, pk):
    group = _run_group(request, pk)
    form = MeetingForm(request.POST or None, instance=Meeting(group=group),
                       initial={"title": _("Spotkanie: %(group)s") % {"group": group.name}})
    if request.method == "POST" and form.is_valid():
        try:
            meeting = conduct.save_meeting(meeting=form.save(commit=False))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Dodano posiedzenie. Teraz ułóż porządek obrad i wyślij zaproszenia."))
            return redirect("panel:team_panel:meeting", meeting.pk)
    return render(request, "team/panel/meeting_form.html", {"form": form, "meeting": None, "group": group})

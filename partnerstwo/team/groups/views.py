"""Public pages of the sector groups and working teams, with their coming and past meetings, where a
representative adds or removes their organisation (here, or from the organisation's profile, which posts here
with the page to go back to)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from partnerstwo.organizations.models import Organization
from partnerstwo.team.groups import coordination, joining
from partnerstwo.team.groups.forms import JoinForm
from partnerstwo.team.models import Body, Group

PAST_MEETINGS = 50


@require_safe
def group_list(request):
    the_body = Body.objects.the_body()
    listed = the_body.groups.select_related("sphere").annotate(size=Count("members"))
    return render(request, "team/groups.html", {
        "body": the_body, "sector": listed.sector(), "working": listed.working(),
    })


@require_http_methods(["GET", "POST"])
def group_detail(request, slug):
    """The group with its members; a representative adds or removes their organisation here."""
    group = get_object_or_404(Group.objects.select_related("body", "sphere"), slug=slug)
    joinable = joining.joinable_by(request.user, group)
    form = JoinForm(request.POST if request.POST.get("action") == "join" else None, organizations=joinable)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        action = request.POST.get("action")
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}, require_https=request.is_secure()):
            back = group.get_absolute_url()
        try:
            if action == "join":
                if form.is_valid():
                    joining.join(group=group, organization=form.cleaned_data["organization"], user=request.user)
                    messages.success(request, _("Organizacja dołączyła do grupy: %(group)s.") % {"group": group.name})
                    return redirect(back)
                if "next" in request.POST:  # from the profile: the choice is a hidden field, so say it here
                    raise ValidationError(_("Tę organizację może dopisać do tej grupy tylko jej przedstawiciel, "
                                            "i tylko do grupy otwartej."))
            elif action == "leave":
                leave = JoinForm(request.POST, organizations=Organization.objects.filter(
                    pk__in=joining.leavable_by(request.user, group).values("organization")))
                if not leave.is_valid():
                    raise ValidationError(_("Organizację z grupy wypisuje jej przedstawiciel."))
                joining.leave(group=group, organization_id=leave.cleaned_data["organization"].pk, user=request.user)
                messages.success(request, _("Organizacja wypisała się z grupy: %(group)s.") % {"group": group.name})
                return redirect(back)
            else:
                return HttpResponseBadRequest()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(back)
    meetings = group.meetings.select_related("group").prefetch_related("departments")
    return render(request, "team/group.html", {
        "body": group.body, "group": group,
        "members": group.members.select_related("organization").order_by("role", "organization__name",
                                                                         "person_name", "pk"),
        "join_form": form if form.is_bound or joinable.exists() else None,
        "leavable": joining.leavable_by(request.user, group).select_related("organization"),
        "upcoming": meetings.upcoming().order_by("starts_at"),
        "past": meetings.past().order_by("-starts_at")[:PAST_MEETINGS],
        "can_run": coordination.can_run_group(request.user, group),
    })

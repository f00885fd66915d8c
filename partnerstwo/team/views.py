"""Public pages of the advisory body: who sits on it today and the history of every term.

A body that advises the city in public acts in public (docs/law.md#art-41e-41i-council): its members, what
they represent and its past terms are open to everyone, with no account.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from partnerstwo.city.models import Department
from partnerstwo.organizations.models import Organization
from partnerstwo.team import groups, ical, meetings, minutes, positions, terms
from partnerstwo.team.group_forms import JoinForm
from partnerstwo.team.models import AgendaDocument, Body, Group, Meeting, Membership, Position

PAST_MEETINGS = 100


def _members(queryset):
    return queryset.in_order().select_related("organization")


@require_safe
def body(request):
    the_body = Body.objects.the_body()
    term = terms.current_term(the_body)
    members = list(_members(Membership.objects.current().filter(term=term))) if term else []
    return render(request, "team/body.html", {
        "body": the_body,
        "term": term,
        "members": members,
        "composition": terms.composition(term) if term else None,
        "past_terms": the_body.terms.exclude(pk=term.pk if term else None).order_by("-starts_on"),
        "next_meeting": meetings.next_meeting(the_body),
    })


@require_safe
def term_list(request):
    the_body = Body.objects.the_body()
    return render(request, "team/terms.html", {
        "body": the_body,
        "terms": the_body.terms.annotate(seats=Count("memberships")).order_by("-starts_on"),
        "current": terms.current_term(the_body),
    })


@require_safe
def term_detail(request, number):
    the_body = Body.objects.the_body()
    term = get_object_or_404(the_body.terms, number=number)
    return render(request, "team/term.html", {
        "body": the_body,
        "term": term,
        "memberships": _members(term.memberships.all()),
        "composition": terms.composition(term),
        "is_current": term == terms.current_term(the_body),
    })


def _agenda(meeting):
    return meeting.items.select_related("department").prefetch_related(
        Prefetch("documents", queryset=AgendaDocument.objects.order_by("added_at", "pk"))
    )


@require_safe
def meeting_list(request):
    the_body = Body.objects.the_body()
    listed = the_body.meetings.prefetch_related("departments")
    return render(request, "team/meetings.html", {
        "body": the_body,
        "upcoming": listed.upcoming().order_by("starts_at"),
        "past": listed.past().order_by("-starts_at")[:PAST_MEETINGS],
    })


@require_safe
def meeting_detail(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    context = {"body": meeting.body, "meeting": meeting, "agenda": _agenda(meeting),
               "departments": meeting.departments.all()}
    if meeting.minutes_published:
        context.update(minutes.context(meeting))
    return render(request, "team/meeting.html", context)


@require_safe
def meeting_ics(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    body = ical.meeting_ics(meeting, list(meeting.items.values_list("title", flat=True)))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="posiedzenie.ics"'
    return response


@require_safe
def minutes_pdf(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    if not meeting.minutes_published:
        raise Http404
    response = HttpResponse(minutes.pdf(meeting), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="protokol-{meeting.day.isoformat()}.pdf"'
    return response


@require_safe
def department_meetings(request, pk):
    """A department's meetings with the body: invited to the meeting or to one of its points."""
    department = get_object_or_404(Department, pk=pk)
    the_body = Body.objects.the_body()
    found = list(
        the_body.meetings.filter(Q(departments=department) | Q(items__department=department))
        .distinct().order_by("-starts_at")
    )
    points = meetings.points_with(department, found)
    for meeting in found:
        meeting.department_points = points.get(meeting.pk, [])
    return render(request, "team/department.html", {"body": the_body, "department": department, "meetings": found})


@require_safe
def position_list(request):
    """The register: every decided position and opinion, adopted ones with their number."""
    the_body = Body.objects.the_body()
    return render(request, "team/positions.html", {
        "body": the_body,
        "positions": the_body.positions.decided().select_related("legal_act", "meeting").order_by(
            "-decided_at", "-pk"),
    })


@require_safe
def position_detail(request, pk):
    position = get_object_or_404(
        Position.objects.decided().select_related("body", "legal_act", "meeting"), pk=pk,
    )
    return render(request, "team/position.html", {
        "body": position.body, "position": position, "roll_call": positions.roll_call(position),
        "amendments": position.amendments.all(),
    })


@require_safe
def legal_acts(request):
    the_body = Body.objects.the_body()
    decided = Position.objects.decided().order_by("-decided_at")
    return render(request, "team/legal_acts.html", {
        "body": the_body,
        "acts": the_body.legal_acts.select_related("department").prefetch_related(
            Prefetch("positions", queryset=decided, to_attr="decided_positions")),
    })


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
    joinable = groups.joinable_by(request.user, group)
    form = JoinForm(request.POST if request.POST.get("action") == "join" else None, organizations=joinable)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        action = request.POST.get("action")
        try:
            if action == "join":
                if form.is_valid():
                    groups.join(group=group, organization=form.cleaned_data["organization"], user=request.user)
                    messages.success(request, _("Organizacja dołączyła do grupy."))
                    return redirect(group.get_absolute_url())
            elif action == "leave":
                leave = JoinForm(request.POST, organizations=Organization.objects.filter(
                    pk__in=groups.leavable_by(request.user, group).values("organization")))
                if not leave.is_valid():
                    raise ValidationError(_("Organizację z grupy wypisuje jej przedstawiciel."))
                groups.leave(group=group, organization_id=leave.cleaned_data["organization"].pk, user=request.user)
                messages.success(request, _("Organizacja wypisała się z grupy."))
                return redirect(group.get_absolute_url())
            else:
                return HttpResponseBadRequest()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(group.get_absolute_url())
    return render(request, "team/group.html", {
        "body": group.body, "group": group,
        "members": group.members.select_related("organization").order_by("role", "organization__name",
                                                                         "person_name", "pk"),
        "join_form": form if form.is_bound or joinable.exists() else None,
        "leavable": groups.leavable_by(request.user, group).select_related("organization"),
    })

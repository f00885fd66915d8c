"""Public pages of the body's meetings: the list, a meeting with its agenda and approved minutes, its
calendar file and minutes PDF, and each department's meetings with the body."""

from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from partnerstwo.city.models import Department
from partnerstwo.team.meetings import conduct, ical, minutes
from partnerstwo.team.models import Body, Meeting

PAST_MEETINGS = 100


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
    meeting = get_object_or_404(Meeting.objects.select_related("body").filter(group=None), pk=pk)
    context = {"body": meeting.body, "meeting": meeting, "agenda": conduct.agenda(meeting),
               "departments": meeting.departments.all()}
    if meeting.minutes_published:
        context.update(minutes.context(meeting))
    return render(request, "team/meeting.html", context)


@require_safe
def group_meeting(request, slug, pk):
    """A sector group's or working team's meeting: the same page, under the group."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("group__body").filter(group__slug=slug), pk=pk,
    )
    context = {"body": meeting.group.body, "group": meeting.group, "meeting": meeting,
               "agenda": conduct.agenda(meeting)}
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
    points = conduct.points_with(department, found)
    for meeting in found:
        meeting.department_points = points.get(meeting.pk, [])
    return render(request, "team/department.html", {"body": the_body, "department": department, "meetings": found})

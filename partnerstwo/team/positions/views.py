"""Public pages of the body's register of positions and opinions, and of the legal acts it follows."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from partnerstwo.team.models import Body, Position
from partnerstwo.team.positions import roll


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
        Position.objects.decided().select_related("body", "legal_act", "meeting", "competition").prefetch_related(
            "addressed_to"), pk=pk,
    )
    return render(request, "team/position.html", {
        "body": position.body, "position": position, "roll_call": roll.published_roll_call(position),
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

"""The home page's next meeting of the advisory body: the pages app shows it without importing this app."""

from django import template

from partnerstwo.team.models import Meeting

register = template.Library()


@register.inclusion_tag("team/_home_block.html", takes_context=True)
def next_team_meeting(context):
    """The body's next meeting (a group's meetings are on the group's page); one query."""
    meeting = Meeting.objects.filter(group=None).upcoming().only("title", "starts_at", "place").order_by(
        "starts_at", "pk").first()
    return {"meeting": meeting, "city": context.get("city")}

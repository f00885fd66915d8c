"""What the team app keeps about a person, for the account export and deletion (accounts/data_rights.py).

A seat on the advisory body is a public record of who advised the city and when (art. 6 ust. 1 lit. e RODO):
deleting the account keeps the name, function and dates in the term's history, and removes what was there
only for the person's convenience or by their consent: the link to the account, the invitation address and
the photo. Their remarks on draft minutes and their amendments stay in the history without their name; their
votes on positions stay with their seat, as the published results show them. A place in a sector group or
working team keeps the name on the group's public page; the link to the account and the invitation address go.
"""

from django.db import transaction

from partnerstwo.team.models import Amendment, Attendance, GroupMember, Membership, MinutesComment, PositionVote


def export(user) -> dict:
    seats = Membership.objects.filter(user=user).select_related("term", "organization").order_by("joined_on", "pk")
    return {
        "team_memberships": [
            {
                "term": seat.term.number,
                "name": seat.person_name,
                "role": seat.role,
                "role_label": str(seat.get_role_display()),
                "represents": seat.represents,
                "organization": seat.organization.name if seat.organization_id else None,
                "position": seat.position,
                "email": seat.email,
                "joined_on": seat.joined_on.isoformat(),
                "left_on": seat.left_on.isoformat() if seat.left_on else None,
                "has_photo": bool(seat.photo),
            }
            for seat in seats
        ],
        "team_group_memberships": [
            {"group": member.group.name, "name": member.person_name, "role": member.role, "email": member.email,
             "joined_on": member.joined_on.isoformat()}
            for member in GroupMember.objects.filter(user=user).select_related("group").order_by("joined_on", "pk")
        ],
        "meeting_answers": [
            {"meeting": str(answer.meeting), "response": answer.response, "status": answer.status}
            for answer in Attendance.objects.filter(membership__user=user).select_related("meeting")
            .order_by("meeting__starts_at", "pk")
        ],
        "position_votes": [
            {"position": vote.position.title, "choice": vote.choice, "cast_at": vote.cast_at.isoformat()}
            for vote in PositionVote.objects.filter(membership__user=user).select_related("position").order_by("pk")
        ],
        "amendments": [
            {"position": amendment.position.title, "text": amendment.text}
            for amendment in Amendment.objects.filter(proposed_by=user).select_related("position").order_by("pk")
        ],
        "minutes_comments": [
            {"meeting": str(comment.meeting), "text": comment.text, "created_at": comment.created_at.isoformat()}
            for comment in MinutesComment.objects.filter(author=user).select_related("meeting").order_by("pk")
        ],
    }


def forget(user) -> None:
    with transaction.atomic():
        MinutesComment.objects.filter(author=user).update(author=None, author_name="")
        Amendment.objects.filter(proposed_by=user).update(proposed_by=None, proposed_by_name="")
        GroupMember.objects.filter(user=user).update(user=None, email="")
        for seat in Membership.objects.filter(user=user):
            if seat.photo:
                seat.photo.delete(save=False)
            seat.user = None
            seat.email = ""
            seat.save(update_fields=["user", "email", "photo"])

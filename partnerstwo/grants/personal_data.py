"""What grants hold about a person: comments on small-grant offers (matched by the sender's address),
comments on the draft grant schedule, nominations and seats on evaluation committees.

Deleting the account: unconfirmed comments go; confirmed ones were part of the offer's public procedure
(art. 19a ust. 4) and the official's decision, so their text stays, without the name and address.
A seat on an evaluation committee is different: the declaration of impartiality, the scores and the
protocol are the competition's official record and name the member, so such an account is not
deleted automatically (refusal()) but by the Centre, once the records are archived.
"""

from django.conf import settings
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext as _

from partnerstwo.accounts.personal_data import addresses_of
from partnerstwo.grants import small_grants
from partnerstwo.grants.models import CommitteeMember, Nomination, ScheduleComment, SmallGrantComment

ANONYMOUS_AUTHOR = "—"


def _comments(user):
    return SmallGrantComment.objects.filter(email__in=addresses_of(user))


def export(user) -> dict:
    seats = CommitteeMember.objects.filter(user=user).select_related("competition", "declaration").order_by("pk")
    return {
        "small_grant_comments": [
            {
                "offer": comment.offer.title,
                "author_name": comment.author_name,
                "email": comment.email,
                "text": comment.text,
                "sent_at": comment.created_at,
                "confirmed_at": comment.confirmed_at,
            }
            for comment in _comments(user).select_related("offer").order_by("created_at", "pk")
        ],
        "schedule_comments": [
            {"schedule_year": comment.schedule.year, "text": comment.text, "created_at": comment.created_at}
            for comment in ScheduleComment.objects.filter(author=user).select_related("schedule").order_by("pk")
        ],
        "committee_nominations": [
            {"competition": nomination.competition.title, "status": nomination.status,
             "justification": nomination.justification, "created_at": nomination.created_at}
            for nomination in Nomination.objects.filter(candidate=user).select_related("competition").order_by("pk")
        ],
        "committee_seats": [
            {
                "competition": seat.competition.title,
                "role": seat.role,
                "is_chair": seat.is_chair,
                "appointed_at": seat.appointed_at,
                "declaration_signed_at": getattr(getattr(seat, "declaration", None), "signed_at", None),
            }
            for seat in seats
        ],
    }


def forget(user) -> None:
    comments = _comments(user)
    comments.filter(confirmed_at__isnull=True).delete()
    comments.update(
        author_name=ANONYMOUS_AUTHOR,
        email=Concat(Value("usuniety-"), Cast("pk", CharField()), Value("@adres-usuniety.invalid")),
    )
    # Nominations cascade with the user; schedule comments keep their text and lose the author (SET_NULL).


def refusal(user) -> str | None:
    if CommitteeMember.objects.filter(user=user).exists():
        return _(
            "Zasiadasz lub zasiadałeś(-aś) w komisji konkursowej. Twoje oświadczenie o bezstronności, oceny "
            "i protokół są dokumentacją konkursu, którą urząd musi przechowywać, więc tego konta nie można usunąć "
            "samodzielnie. Napisz do nas (%(email)s): usuniemy konto, a w dokumentacji konkursu zostanie tylko to, "
            "czego wymagają przepisy."
        ) % {"email": settings.CITY.get("centre", {}).get("email", "")}
    return None


def expire(now) -> dict[str, int]:
    return {"unconfirmed_comments_deleted": small_grants.expire_unconfirmed_comments(now=now)}

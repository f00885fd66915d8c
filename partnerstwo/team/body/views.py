"""Public pages of the advisory body: who sits on it today and the history of every term.

A body that advises the city in public acts in public (docs/law.md#art-41e-41i-council): its members, what
they represent and its past terms are open to everyone, with no account.
"""

from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from partnerstwo.team.body import terms
from partnerstwo.team.meetings import conduct
from partnerstwo.team.models import Body, Membership


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
        "next_meeting": conduct.next_meeting(the_body),
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

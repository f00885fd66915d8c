"""Staff pages of the advisory body: its rules, its terms and their members.

For administrators and the body's current secretary (terms.can_manage); everyone else gets a 403.
"""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnerstwo.lib.forms import add_errors
from partnerstwo.lib.views import confirm_delete, submitted
from partnerstwo.team.access import manager_required
from partnerstwo.team.body import nominations, terms
from partnerstwo.team.body.forms import BodyForm, MembershipForm, TermForm
from partnerstwo.team.models import Body, Membership, Term


@manager_required
def index(request):
    body = Body.objects.the_body()
    current = terms.current_term(body)
    composition = terms.composition(current) if current else None
    return render(request, "team/panel/index.html", {
        "body": body,
        "current": current,
        "composition": composition,
        "warning": terms.composition_warning(composition) if composition else None,
        "terms": body.terms.annotate(seats=Count("memberships")).order_by("-starts_on"),
        "nominations": nominations.of_body(body),
    })


@manager_required
@require_http_methods(["GET", "POST"])
def body_edit(request):
    body = Body.objects.the_body()
    form = BodyForm(*submitted(request), instance=body)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Zapisano zasady działania Zespołu."))
        return redirect("panel:team_panel:index")
    return render(request, "team/panel/body_form.html", {"body": body, "form": form})


@manager_required
@require_http_methods(["GET", "POST"])
def term_create(request):
    body = Body.objects.the_body()
    last = body.terms.order_by("-ends_on").first()
    starts_on = last.ends_on + dt.timedelta(days=1) if last else timezone.localdate()
    term = Term(body=body)
    initial = {
        "number": terms.next_term_number(body), "starts_on": starts_on,
        "ends_on": terms.default_term_end(body, starts_on),
    }
    form = TermForm(request.POST or None, instance=term, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            term = terms.save_term(term=form.save(commit=False))
        except ValidationError as error:
            add_errors(form, error)
        else:
            done = _("Dodano kadencję %(number)s. Teraz dopisz jej członków.") % {"number": term.number}
            messages.success(request, done)
            return redirect("panel:team_panel:term", term.pk)
    return render(request, "team/panel/term_form.html", {"body": body, "form": form, "term": None})


def _term(pk) -> Term:
    return get_object_or_404(Term.objects.select_related("body"), pk=pk)


@manager_required
@require_http_methods(["GET", "POST"])
def term_edit(request, pk):
    term = _term(pk)
    form = TermForm(request.POST or None, instance=term)
    if request.method == "POST" and form.is_valid():
        try:
            terms.save_term(term=form.save(commit=False))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Zapisano daty kadencji."))
            return redirect("panel:team_panel:term", term.pk)
    return render(request, "team/panel/term_form.html", {"body": term.body, "form": form, "term": term})


@manager_required
def term_detail(request, pk):
    term = _term(pk)
    composition = terms.composition(term)
    today = timezone.localdate()
    memberships = list(term.memberships.in_order().select_related("organization", "user"))
    for membership in memberships:
        membership.sits_today = membership.is_on(today)
    return render(request, "team/panel/term.html", {
        "term": term,
        "memberships": memberships,
        "composition": composition,
        "warning": terms.composition_warning(composition),
    })


def _membership_form_page(request, form, *, term, membership):
    if request.method == "POST" and form.is_valid():
        try:
            saved = terms.save_membership(
                membership=form.save(commit=False), account_email=form.cleaned_data.get("account_email") or "",
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Zapisano: %(name)s.") % {"name": saved.person_name})
            warning = terms.composition_warning(terms.composition(term))
            if warning:
                messages.warning(request, warning)
            return redirect("panel:team_panel:term", term.pk)
    return render(request, "team/panel/membership_form.html", {"term": term, "form": form, "membership": membership})


@manager_required
@require_http_methods(["GET", "POST"])
def membership_create(request, pk):
    term = _term(pk)
    membership = Membership(term=term)
    form = MembershipForm(*submitted(request), instance=membership, initial={"joined_on": term.starts_on})
    return _membership_form_page(request, form, term=term, membership=None)


@manager_required
@require_http_methods(["GET", "POST"])
def membership_edit(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("term__body", "user", "organization"), pk=pk)
    form = MembershipForm(*submitted(request), instance=membership)
    return _membership_form_page(request, form, term=membership.term, membership=membership)


@manager_required
@require_http_methods(["GET", "POST"])
def term_delete(request, pk):
    term = _term(pk)
    return confirm_delete(
        request, delete=lambda: terms.delete_term(term=term), done_url=reverse("panel:team_panel:index"),
        done_message=_("Usunięto kadencję %(number)s.") % {"number": term.number},
        back_url=reverse("panel:team_panel:term", args=[term.pk]),
        context={
            "heading": _("Usunięcie kadencji %(number)s") % {"number": term.number},
            "question": _(
                "Czy usunąć kadencję %(number)s razem z jej składem? Usuwa się kadencję wpisaną przez pomyłkę; "
                "kadencji, w której zapisano obecność lub głosy, nie można usunąć."
            ) % {"number": term.number},
            "button": _("Usuń kadencję"),
        },
    )


@manager_required
@require_http_methods(["GET", "POST"])
def membership_delete(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("term"), pk=pk)
    return confirm_delete(
        request, delete=lambda: terms.delete_membership(membership=membership),
        done_url=reverse("panel:team_panel:term", args=[membership.term_id]),
        done_message=_("Usunięto: %(name)s.") % {"name": membership.person_name},
        back_url=reverse("panel:team_panel:membership_edit", args=[membership.pk]),
        context={
            "heading": _("Usunięcie członka: %(name)s") % {"name": membership.person_name},
            "question": _(
                "Czy usunąć %(name)s ze składu kadencji %(number)s? Usuwa się wpis dodany przez pomyłkę; gdy ktoś "
                "opuścił Zespół, wpisz datę odejścia. Osoba traci dostęp do strefy członków od razu."
            ) % {"name": membership.person_name, "number": membership.term.number},
            "button": _("Usuń członka"),
        },
    )

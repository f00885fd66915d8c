"""Public pages: the list of surveys, a survey, answering it (by the e-mailed link or as a representative), and
the public summary of a closed survey whose setting makes it public."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from partnerstwo.organizations.models import Organization

from . import answering, results, sending
from .audience import answerable_for, can_build
from .forms import ResultsFilterForm
from .models import Response, Survey


@require_safe
def survey_list(request):
    today = timezone.localdate()
    open_surveys = Survey.objects.open_on(today).select_related("sphere", "team_group")
    summaries = Survey.objects.with_public_summary().order_by("-closes_on", "-pk")
    return render(request, "surveys/list.html", {"open_surveys": open_surveys, "summaries": summaries})


@require_safe
def detail(request, pk):
    survey = get_object_or_404(Survey.objects.select_related("sphere", "team_group"), pk=pk)
    if survey.opens_on > timezone.localdate() and not can_build(request.user):
        raise Http404  # still being prepared: only its builders see it
    organizations = []
    if request.user.is_authenticated:
        answered = set(Response.objects.filter(survey=survey).values_list("organization_id", flat=True))
        organizations = [(organization, organization.pk in answered)
                         for organization in answerable_for(request.user, survey)]
    return render(request, "surveys/detail.html", {
        "survey": survey, "organizations": organizations, "can_build": can_build(request.user),
    })


def _answer(request, survey: Survey, organization: Organization, *, channel: str):
    sections = answering.questionnaire(survey)
    response = Response.objects.filter(survey=survey, organization=organization).first()
    is_open = survey.is_open
    form = answering.AnswerForm(
        request.POST if request.method == "POST" and is_open else None,
        initial=answering.initial_from(response), sections=sections,
    )
    if request.method == "POST" and not is_open:
        messages.error(request, _("Badanie jest zamknięte; odpowiedzi nie można już zmienić."))
    elif request.method == "POST" and form.is_valid():
        try:
            answering.save(form, survey=survey, organization=organization, user=request.user, channel=channel)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Dziękujemy! Odpowiedzi organizacji zapisane; do %(day)s można je zmienić.")
                             % {"day": survey.closes_on.strftime("%d.%m.%Y")})
            return redirect(request.path)
    return render(request, "surveys/answer.html", {
        "survey": survey, "organization": organization, "form": form, "response": response, "is_open": is_open,
    })


@require_http_methods(["GET", "POST"])
def answer_by_link(request, pk, token):
    survey = get_object_or_404(Survey, pk=pk)
    organization_id = sending.organization_from_token(survey, token)
    if organization_id is None:
        raise Http404
    organization = get_object_or_404(Organization, pk=organization_id)
    return _answer(request, survey, organization, channel=Response.Channel.LINK)


@login_required
@require_http_methods(["GET", "POST"])
def answer_as_representative(request, pk, organization_pk):
    survey = get_object_or_404(Survey, pk=pk)
    organization = get_object_or_404(answerable_for(request.user, survey), pk=organization_pk)
    return _answer(request, survey, organization, channel=Response.Channel.ACCOUNT)


@require_safe
def summary(request, pk):
    """The public summary: counts and charts, no free text and no organisation's name."""
    survey = get_object_or_404(Survey.objects.with_public_summary(), pk=pk)
    filters = ResultsFilterForm(request.GET)
    found = results.summary(survey, **filters.chosen(), with_texts=False)
    return render(request, "surveys/summary.html", {"survey": survey, "filters": filters, **found})

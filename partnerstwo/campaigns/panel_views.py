"""The campaigns in the staff panel: how often each 1.5% card was opened this season (with a CSV), and the
annual-report campaign's progress with its reminder mailing. For the Centre: officials and administrators."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnerstwo.accounts.access import content_editor_required as centre_required
from partnerstwo.campaigns import annual_reports, cards, season
from partnerstwo.campaigns.forms import CardViewsSortForm
from partnerstwo.lib.tabular import write
from partnerstwo.newsletter.audience import describe

PAGE_SIZE = 50


def _card_views(request):
    form = CardViewsSortForm(request.GET)
    edition = cards.current_edition()
    current = season.latest()
    organizations = cards.with_views(cards.organizations(edition), current.starts_on, current.ends_on)
    return form, edition, current, organizations.order_by(*form.ordering())


@centre_required
def card_views(request):
    form, edition, current, organizations = _card_views(request)
    page = Paginator(organizations, PAGE_SIZE).get_page(request.GET.get("strona"))
    return render(request, "campaigns/panel/card_views.html", {
        "form": form, "edition": edition, "season": current, "page_obj": page,
        "running": timezone.localdate() in current,
        "total": cards.views_total(current.starts_on, current.ends_on),
    })


@centre_required
def card_views_csv(request):
    _form, _edition, current, organizations = _card_views(request)
    rows = ([organization.name, organization.krs, organization.card_views]
            for organization in organizations.only("name", "krs").iterator(chunk_size=500))
    filename = f"karty-1-5-procent-{current.starts_on:%Y-%m-%d}-{current.ends_on:%Y-%m-%d}.csv"
    return write.csv_response(write.csv_lines([_("Organizacja"), _("Numer KRS"), _("Wyświetlenia karty")], rows),
                              filename)


@centre_required
def annual_report_campaign(request):
    year = annual_reports.report_year()
    progress = annual_reports.progress(year)
    reminders = list(annual_reports.reminders(year).order_by("-created_at", "-pk")[:20])
    return render(request, "campaigns/panel/annual_reports.html", {
        "year": year, "deadline": annual_reports.deadline(year), "progress": progress,
        "history": annual_reports.history(year, total=progress.total),
        "reminders": [(mailing, describe(mailing)) for mailing in reminders],
    })


@centre_required
@require_POST
def prepare_reminder(request):
    mailing = annual_reports.prepare_reminder(annual_reports.report_year(), by=request.user)
    messages.success(request, _("Przypomnienie czeka jako szkic: sprawdź treść, podgląd i liczbę odbiorców, "
                                "a potem je wyślij."))
    return redirect("panel:newsletter_panel:detail", pk=mailing.pk)

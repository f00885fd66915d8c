"""Staff pages of the distribution: one-off mailings, their progress and failures (officials and administrators).

The views parse input and call one_off.py (save an edit, send, schedule, cancel: the row locks are
there), audience.py (who receives it) and delivery.py (progress, resending uncertain deliveries,
lifting a suppression).
"""

from smtplib import SMTPException
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerstwo.accounts.access import content_editor_required
from partnerstwo.newsletter import audience, delivery, one_off
from partnerstwo.newsletter.models import Delivery, Mailing, SuppressedAddress
from partnerstwo.newsletter.panel_forms import ConfirmSendForm, MailingForm, ScheduleForm, selected_ids

PER_PAGE = 25
ROWS_PER_PAGE = 50
Status = Delivery.Status
# Deliveries still on their way: the "left" of the progress bar.
PENDING = (Status.QUEUED, Status.CLAIMED, Status.SENDING, Status.RETRYING)


def summarise(counts: dict) -> dict:
    """Status counts of a mailing's deliveries grouped as staff read them."""
    total = counts.get("total") or sum(counts.get(status, 0) for status in Status.values)
    summary = {
        "total": total,
        "sent": counts.get(Status.SENT, 0),
        "failed": counts.get(Status.FAILED, 0),
        "uncertain": counts.get(Status.UNCERTAIN, 0),
        "skipped": counts.get(Status.SKIPPED, 0),
        "left": sum(counts.get(status, 0) for status in PENDING),
    }
    summary["finished"] = total - summary["left"]
    return summary


def progress_of(mailing_ids) -> dict:
    """Summaries for many mailings in one grouped query (the list page)."""
    counts = {pk: {} for pk in mailing_ids}
    rows = (
        Delivery.objects.filter(mailing__in=mailing_ids)
        .order_by()
        .values_list("mailing_id", "status")
        .annotate(n=Count("pk"))
    )
    for mailing_id, status, n in rows:
        counts[mailing_id][status] = n
    return {pk: summarise(mailing_counts) for pk, mailing_counts in counts.items()}


def _page(request, queryset, parameter="strona", per_page=ROWS_PER_PAGE):
    paginator = Paginator(queryset, per_page)
    page = paginator.get_page(request.GET.get(parameter))
    return {"page_obj": page, "page_range": paginator.get_elided_page_range(page.number)}


def _mailing(pk):
    return get_object_or_404(
        Mailing.objects.select_related("sphere", "district", "target_group", "team_group", "created_by"), pk=pk
    )


@content_editor_required
def index(request):
    mailings = Mailing.objects.select_related("sphere", "district", "target_group", "team_group").defer("body")
    kind = request.GET.get("rodzaj", "")
    if kind not in Mailing.Kind.values:
        kind = ""
    if kind:
        mailings = mailings.filter(kind=kind)
    context = _page(request, mailings, per_page=PER_PAGE)
    rows = list(context["page_obj"].object_list)
    progress = progress_of([mailing.pk for mailing in rows])
    context.update({
        "rows": [(mailing, audience.describe(mailing), progress[mailing.pk]) for mailing in rows],
        "kind": kind,
        "kinds": Mailing.Kind.choices,
        "query": f"rodzaj={kind}&" if kind else "",
    })
    return render(request, "newsletter/panel/index.html", context)


@content_editor_required
@require_http_methods(["GET", "POST"])
def create(request):
    return _edit(request, Mailing(kind=Mailing.Kind.ONE_OFF, created_by=request.user))


@content_editor_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    mailing = _mailing(pk)
    if not one_off.is_editable(mailing):
        return _not_editable(request, mailing)
    return _edit(request, mailing)


def _not_editable(request, mailing):
    messages.error(request, _("Wysyłki rozpoczętej lub wysłanej nie można już zmieniać."))
    return redirect("panel:newsletter_panel:detail", pk=mailing.pk)


def _edit(request, mailing):
    is_new = mailing.pk is None
    form = MailingForm(request.POST if request.method == "POST" else None, instance=mailing)
    if request.method == "POST" and form.is_valid():
        if is_new:
            form.save()
        elif not one_off.save_if_editable(form):
            return _not_editable(request, mailing)
        messages.success(request, _("Zapisano wysyłkę. Sprawdź podgląd i wyślij wiadomość próbną do siebie."))
        return redirect("panel:newsletter_panel:detail", pk=form.instance.pk)
    return render(request, "newsletter/panel/form.html", {"form": form, "mailing": mailing, "is_new": is_new})


@content_editor_required
def detail(request, pk):
    mailing = _mailing(pk)
    context = {"mailing": mailing, "segment": audience.describe(mailing)}
    if one_off.is_editable(mailing):
        context["audience"] = audience.audience_size(mailing)
        context["confirm_first"] = one_off.needs_confirmation(mailing, context["audience"]["reachable"])
        context["schedule_form"] = ScheduleForm(initial={"scheduled_for": mailing.scheduled_for})
    else:
        context["progress"] = summarise(delivery.progress(mailing))
        context["refresh"] = mailing.status == Mailing.Status.SENDING
    return render(request, "newsletter/panel/detail.html", context)


def _one_off(pk):
    """Digests and alerts are rendered per recipient by their own modules: only one-off mailings are previewed."""
    return get_object_or_404(Mailing.objects.filter(kind=Mailing.Kind.ONE_OFF), pk=pk)


@content_editor_required
def preview(request, pk):
    mailing = _one_off(pk)
    return render(request, "newsletter/panel/preview.html", {
        "mailing": mailing, "message": one_off.preview(mailing, request.user),
    })


@content_editor_required
@require_POST
def send_test(request, pk):
    mailing = _one_off(pk)
    try:
        one_off.send_test(mailing, request.user)
    except (SMTPException, OSError):
        messages.error(request, _("Serwer poczty nie przyjął wiadomości próbnej. Spróbuj ponownie za chwilę."))
    else:
        messages.success(request, _("Wysłano wiadomość próbną na adres %(email)s.") % {"email": request.user.email})
    return redirect("panel:newsletter_panel:detail", pk=mailing.pk)


@content_editor_required
@require_http_methods(["GET", "POST"])
def send_now(request, pk):
    """GET: the confirmation that names the number of addresses; POST: send (with that number when asked)."""
    mailing = _mailing(pk)
    if request.method == "GET":
        if not one_off.is_editable(mailing):
            return redirect("panel:newsletter_panel:detail", pk=mailing.pk)
        return render(request, "newsletter/panel/confirm_send.html", {
            "mailing": mailing, "segment": audience.describe(mailing), "audience": audience.audience_size(mailing),
        })
    form = ConfirmSendForm(request.POST)
    confirmed_count = form.cleaned_data["count"] if form.is_valid() else None
    try:
        created = one_off.send_now(mailing, confirmed_count=confirmed_count)
    except ValidationError as error:
        if error.code == "confirm":
            if confirmed_count is not None:
                messages.warning(request, _("Liczba odbiorców zmieniła się od chwili otwarcia tej strony. "
                                            "Sprawdź ją i potwierdź jeszcze raz."))
            return redirect("panel:newsletter_panel:send_now", pk=mailing.pk)
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Rozpoczęto wysyłkę do %(count)s adresów.") % {"count": created})
    return redirect("panel:newsletter_panel:detail", pk=mailing.pk)


@content_editor_required
@require_http_methods(["GET", "POST"])
def schedule(request, pk):
    mailing = _mailing(pk)
    if not one_off.is_editable(mailing):
        messages.error(request, _("Tej wysyłki nie można już zaplanować: została rozpoczęta."))
        return redirect("panel:newsletter_panel:detail", pk=mailing.pk)
    form = ScheduleForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            one_off.schedule(mailing, form.cleaned_data["scheduled_for"])
        except ValidationError as error:
            form.add_error("scheduled_for", error)
        else:
            messages.success(request, _("Zaplanowano wysyłkę."))
            return redirect("panel:newsletter_panel:detail", pk=mailing.pk)
    return render(request, "newsletter/panel/schedule.html", {"mailing": mailing, "form": form})


@content_editor_required
@require_POST
def cancel(request, pk):
    mailing = _mailing(pk)
    try:
        one_off.cancel(mailing)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Anulowano zaplanowaną wysyłkę. Możesz ją zmienić i wysłać później."))
    return redirect("panel:newsletter_panel:detail", pk=mailing.pk)


@content_editor_required
def failures(request, pk):
    mailing = _mailing(pk)
    rows = (
        mailing.deliveries.filter(status=Status.FAILED)
        .annotate(suppressed=Exists(SuppressedAddress.objects.filter(email=OuterRef("email"))))
        .order_by("email", "pk")
    )
    context = {"mailing": mailing, **_page(request, rows)}
    return render(request, "newsletter/panel/failures.html", context)


@content_editor_required
@require_http_methods(["GET", "POST"])
def uncertain(request, pk):
    mailing = _mailing(pk)
    if request.method == "POST":
        ids = None if request.POST.get("action") == "all" else selected_ids(request.POST.getlist("delivery"))
        if ids == []:
            messages.error(request, _("Zaznacz adresy, do których wysłać ponownie, albo wybierz „wszystkie”."))
        else:
            count = delivery.requeue_uncertain(mailing, ids)
            messages.success(request, _("Wiadomości wrócą do kolejki: %(count)s.") % {"count": count})
            return redirect("panel:newsletter_panel:detail", pk=mailing.pk)
    rows = mailing.deliveries.filter(status=Status.UNCERTAIN).order_by("email", "pk")
    context = {"mailing": mailing, **_page(request, rows)}
    return render(request, "newsletter/panel/uncertain.html", context)


@content_editor_required
def suppressed(request):
    rows = SuppressedAddress.objects.select_related("delivery__mailing").order_by("-created_at", "pk")
    query = request.GET.get("q", "").replace("\x00", "").strip()[:254]
    if query:
        rows = rows.filter(email__icontains=query)
    context = {"q": query, "query": urlencode({"q": query}) + "&" if query else "", **_page(request, rows)}
    return render(request, "newsletter/panel/suppressed.html", context)


@content_editor_required
@require_POST
def lift(request, pk):
    address = get_object_or_404(SuppressedAddress, pk=pk)
    delivery.lift_suppression(address.email)
    messages.success(request, _("Adres %(email)s znów będzie dostawał wiadomości.") % {"email": address.email})
    return redirect("panel:newsletter_panel:suppressed")

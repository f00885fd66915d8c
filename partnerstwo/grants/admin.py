"""The admin for competitions: for repairs. Announcing and the lifecycle go through the panel, which records them.

Once a competition is public, everything art. 13 covers (the announcement's fields, its dates, criteria, prior
funding, documents) is read-only here: a change must pass the art. 13 checks and leave a public change record that
alerts subscribers, which only the panel's edit does (competitions/lifecycle.record_edit). The page links there.
"""

from django import forms
from django.contrib import admin
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from partnerstwo.grants.committees import stored_protocols
from partnerstwo.grants.competitions import lifecycle
from partnerstwo.grants.competitions.models import (
    Competition,
    CompetitionChange,
    CompetitionDocument,
    Criterion,
    PriorFunding,
    StatusChange,
)
from partnerstwo.grants.urls import RESERVED_SLUGS


class CompetitionAdminForm(forms.ModelForm):
    """The slug check of the panel's form, so that a repair in the admin cannot hide /konkursy/wyniki/ etc."""

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("Ten adres jest zajęty przez stronę serwisu; wybierz inny."))
        return slug


def is_public(competition) -> bool:
    return competition is not None and competition.pk is not None and competition.is_public


class AnnouncementInline(admin.TabularInline):
    """Part of the art. 13 announcement: read-only once the competition is public."""

    extra = 0

    def has_add_permission(self, request, obj=None):
        return not is_public(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not is_public(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not is_public(obj) and super().has_delete_permission(request, obj)


class CriterionInline(AnnouncementInline):
    model = Criterion


class PriorFundingInline(AnnouncementInline):
    model = PriorFunding


class DocumentInline(AnnouncementInline):
    model = CompetitionDocument
    fields = ["title", "file", "is_current", "replaces"]


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    fields = ["status", "changed_at", "changed_by", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # the history is written by the lifecycle (competitions/lifecycle.py)


class CompetitionChangeInline(admin.TabularInline):
    model = CompetitionChange
    fields = ["revision", "summary", "changed_at", "changed_by"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Competition)
class CompetitionAdmin(admin.ModelAdmin):
    form = CompetitionAdminForm
    list_display = ["title", "department", "status", "offer_deadline", "revision"]
    list_filter = ["status", "mode", "year", "department"]
    search_fields = ["title", "reference", "slug"]
    date_hierarchy = "offer_deadline"
    readonly_fields = ["status", "revision", "changed_at", "last_change_summary", "results_published_at"]
    raw_id_fields = ["planned", "created_by"]
    inlines = [CriterionInline, PriorFundingInline, DocumentInline, StatusChangeInline, CompetitionChangeInline]

    # What the announcement says (art. 13 ust. 2–3) and its address, in announcements and subscribers' calendars.
    ANNOUNCEMENT_FIELDS = ["slug", *(name.removesuffix("_id") for name in lifecycle.TRACKED_FIELDS)]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if is_public(obj):
            fields = ["panel_link", *fields, *self.ANNOUNCEMENT_FIELDS]
        return fields

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if is_public(obj):
            fields = ["panel_link", *(name for name in fields if name != "panel_link")]
        return fields

    # Deleting a competition (a repair: an announced one's history is kept by the panel) also removes its stored
    # protocols once the deletion is committed, as other deletions remove their files; no signal does it.
    def delete_model(self, request, obj):
        with transaction.atomic():
            stored_protocols.remove_stored_on_commit(obj.pk)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for pk in queryset.values_list("pk", flat=True):
                stored_protocols.remove_stored_on_commit(pk)
            super().delete_queryset(request, queryset)

    @admin.display(description=_("zmiany ogłoszenia"))
    def panel_link(self, obj):
        return format_html(
            '{} <a href="{}">{}</a>',
            _("Ogłoszenie konkursu, jego daty, kryteria i dokumenty zmienia się w panelu: tam zmiana przechodzi "
              "kontrolę art. 13 i jest zapisywana publicznie jako zmiana ogłoszenia."),
            reverse("panel:grants_panel:edit", args=[obj.pk]),
            _("Edytuj konkurs w panelu"),
        )

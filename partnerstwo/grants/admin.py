"""The admin for competitions: for repairs. Announcing and the lifecycle go through the panel, which records them."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

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


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


class PriorFundingInline(admin.TabularInline):
    model = PriorFunding
    extra = 0


class DocumentInline(admin.TabularInline):
    model = CompetitionDocument
    fields = ["title", "file", "is_current", "replaces"]
    extra = 0


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

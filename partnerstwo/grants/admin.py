"""The admin for competitions: for repairs. Announcing and the lifecycle go through the panel, which records them."""

from django.contrib import admin

from partnerstwo.grants.models import (
    Competition,
    CompetitionChange,
    CompetitionDocument,
    Criterion,
    PriorFunding,
    StatusChange,
)


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
        return False  # the history is written by the lifecycle (competitions.py)


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
    list_display = ["title", "department", "status", "offer_deadline", "revision"]
    list_filter = ["status", "mode", "year", "department"]
    search_fields = ["title", "reference", "slug"]
    date_hierarchy = "offer_deadline"
    readonly_fields = ["status", "revision", "changed_at", "last_change_summary", "results_published_at"]
    raw_id_fields = ["planned", "created_by"]
    inlines = [CriterionInline, PriorFundingInline, DocumentInline, StatusChangeInline, CompetitionChangeInline]

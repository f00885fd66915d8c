from django.contrib import admin
from django.core.exceptions import ValidationError

from partnerstwo.events import schedule
from partnerstwo.events.models import Event, EventChange, ForumSession, Occurrence, Registration


class OccurrenceInline(admin.TabularInline):
    model = Occurrence
    fields = ["starts_at", "ends_at", "is_cancelled"]
    readonly_fields = ["starts_at", "ends_at"]
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False  # occurrences come from the event's dates and rule


class ForumSessionInline(admin.TabularInline):
    model = ForumSession
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "starts_at", "kind", "organizer_kind", "organization", "status"]
    list_filter = ["status", "kind", "organizer_kind", "registration_mode"]
    search_fields = ["title", "slug", "organization__name"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["organization", "presenting_organizations"]
    list_select_related = ["organization"]
    readonly_fields = ["uid", "sequence", "submitted_by", "updated_by", "created_at", "updated_at"]
    filter_horizontal = ["spheres"]
    inlines = [OccurrenceInline, ForumSessionInline]

    def save_model(self, request, obj, form, change):
        obj.rrule = schedule.normalise_rule(obj.rrule)
        obj.updated_by = request.user
        if not change:
            obj.submitted_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The admin is the escape hatch: it saves as is, then the occurrences follow the dates.
        try:
            schedule.rebuild(form.instance)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), level="error")


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "occurrence", "status", "created_at", "attended", "anonymised_at"]
    list_filter = ["status"]
    search_fields = ["name", "email", "occurrence__event__title"]
    list_select_related = ["occurrence__event"]
    raw_id_fields = ["occurrence", "organization", "user"]


@admin.register(EventChange)
class EventChangeAdmin(admin.ModelAdmin):
    """Read-only: changes are decided in the panel, where the reviewer sees what changed."""

    list_display = ["event", "status", "proposed_by", "proposed_at", "decided_by", "decided_at"]
    list_filter = ["status"]
    list_select_related = ["event", "proposed_by", "decided_by"]
    readonly_fields = ["event", "values", "status", "proposed_by", "proposed_at", "decided_by", "decided_at", "reason"]

    def has_add_permission(self, request):
        return False

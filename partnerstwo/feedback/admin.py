from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from partnerstwo.feedback.models import FeedbackCategory, FeedbackMessage


@admin.register(FeedbackCategory)
class FeedbackCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "position", "is_active"]
    list_editable = ["position", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "name_en"]


class ConfirmationFilter(admin.SimpleListFilter):
    """The inbox shows confirmed messages unless someone asks for the unconfirmed ones."""

    title = _("potwierdzenie")
    parameter_name = "potwierdzone"

    def lookups(self, request, model_admin):
        return [("tak", _("potwierdzone")), ("nie", _("niepotwierdzone"))]

    def queryset(self, request, queryset):
        if self.value() == "tak":
            return queryset.confirmed()
        if self.value() == "nie":
            return queryset.filter(status=FeedbackMessage.Status.UNCONFIRMED)
        return queryset


@admin.register(FeedbackMessage)
class FeedbackMessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "category", "short_message", "page", "status", "confirmed_at"]
    list_filter = ["status", ConfirmationFilter, "category"]
    list_select_related = ["category"]
    search_fields = ["message", "email", "page"]
    date_hierarchy = "created_at"
    readonly_fields = ["category", "message", "email", "page", "language", "created_at", "confirmed_at"]
    fields = ["category", "message", "email", "page", "language", "created_at", "confirmed_at", "status", "staff_note"]
    actions = ["mark_answered", "mark_closed"]

    def has_add_permission(self, request):
        return False  # messages come only through the public form

    def get_readonly_fields(self, request, obj=None):
        # Only the sender confirms a message; staff move confirmed ones between the handling statuses.
        if obj is None or not obj.is_confirmed:
            return [*self.readonly_fields, "status"]
        return self.readonly_fields

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status":
            kwargs["choices"] = [(status.value, status.label) for status in FeedbackMessage.HANDLING_STATUSES]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    @admin.display(description=_("treść"))
    def short_message(self, obj):
        return obj.message[:80] + ("…" if len(obj.message) > 80 else "")

    def _set_status(self, request, queryset, status):
        updated = queryset.confirmed().update(status=status)
        skipped = queryset.filter(status=FeedbackMessage.Status.UNCONFIRMED).count()
        self.message_user(request, _("Zmieniono status uwag: %(count)d.") % {"count": updated}, messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                _("Pominięto uwagi, których nadawcy jeszcze nie potwierdzili: %(count)d.") % {"count": skipped},
                messages.WARNING,
            )

    @admin.action(description=_("Oznacz jako „z odpowiedzią”"))
    def mark_answered(self, request, queryset):
        self._set_status(request, queryset, FeedbackMessage.Status.ANSWERED)

    @admin.action(description=_("Oznacz jako „zamknięta”"))
    def mark_closed(self, request, queryset):
        self._set_status(request, queryset, FeedbackMessage.Status.CLOSED)

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from partnerstwo.pages.editing import save_page
from partnerstwo.pages.models import ContentPage, PageRevision


class ReadOnlyAdminMixin:
    """Revisions are a record: nobody adds, changes or deletes them by hand."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PageRevisionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = PageRevision
    fields = ["edited_at", "edited_by", "note", "title", "is_published"]
    readonly_fields = fields
    show_change_link = True
    extra = 0
    max_num = 0
    ordering = ["-edited_at", "-id"]


@admin.register(ContentPage)
class ContentPageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "is_published", "updated_at", "updated_by"]
    list_filter = ["is_published"]
    list_select_related = ["updated_by"]
    search_fields = ["title", "slug", "body"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_at", "updated_at", "updated_by", "version"]
    fields = ["title", "slug", "body", "is_published", "created_at", "updated_at", "updated_by", "version"]
    inlines = [PageRevisionInline]

    def save_model(self, request, obj, form, change):
        # The same path as the panel, so an emergency edit here also lands in the history.
        save_page(obj, editor=request.user, note=_("Zmiana w panelu administracyjnym"))


@admin.register(PageRevision)
class PageRevisionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["page", "edited_at", "edited_by", "note"]
    list_select_related = ["page", "edited_by"]
    list_filter = ["page"]
    search_fields = ["title", "note"]
    date_hierarchy = "edited_at"

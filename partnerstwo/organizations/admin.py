from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from partnerstwo.organizations import editing
from partnerstwo.organizations.models import Organization, OrganizationRevision, TargetGroup
from partnerstwo.organizations.urls import RESERVED_SLUGS


class OrganizationAdminForm(forms.ModelForm):
    """The admin builds the fields from the fieldsets; this only adds the slug check."""

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("Ten adres jest zajęty przez stronę katalogu; wybierz inny."))
        return slug


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    form = OrganizationAdminForm
    list_display = [
        "name", "legal_form", "krs", "nip", "district", "is_opp", "register_status", "is_published", "updated_at",
    ]
    list_filter = ["is_published", "register_status", "legal_form", "is_opp", "looking_for_volunteers", "district"]
    search_fields = ["name", "short_name", "krs", "nip", "regon", "slug"]
    list_select_related = ["district"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["spheres", "target_groups"]
    readonly_fields = ["created_at", "updated_at", "updated_by", "contact_email_confirmed_at"]
    show_full_result_count = False  # no COUNT(*) over the whole table on every list page
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "legal_form", "krs", "nip", "regon", "register_status",
                           "is_published", "krs_data_as_of"]}),
        (_("Adres"), {"fields": ["street", "postal_code", "town", "district", "latitude", "longitude"]}),
        (_("Kontakt"), {"fields": ["email", "phone", "website", "facebook", "instagram", "other_social",
                                   "contact_email_confirmed_at"]}),
        (_("Działalność"), {"fields": ["description", "statutory_goals", "supervising_authority", "spheres",
                                       "target_groups", "is_opp", "opp_purpose", "looking_for_volunteers", "logo"]}),
        (_("Historia"), {"fields": ["created_at", "updated_at", "updated_by"]}),
    ]

    def save_model(self, request, obj, form, change):
        # Admin edits leave the same history as edits made through the site.
        fields = [name for name in form.changed_data if name in form.fields]
        if change and fields:
            form.revision_before = editing.snapshot(Organization.objects.get(pk=obj.pk), fields)
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        before = getattr(form, "revision_before", None)
        if before:
            after = editing.snapshot(form.instance, before.keys())
            editing.record_revision(
                form.instance, editing.diff(before, after), user=request.user,
                source=OrganizationRevision.Source.STAFF,
            )


@admin.register(TargetGroup)
class TargetGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

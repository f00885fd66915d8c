from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from partnerstwo.accounts.forms import UserChangeForm, UserCreationForm
from partnerstwo.accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Administrators give people their role and, for officials, their department."""

    form = UserChangeForm
    add_form = UserCreationForm
    list_display = ["email", "full_name", "role", "department", "is_active"]
    list_filter = ["role", "department", "is_active", "is_staff", "is_superuser"]
    list_select_related = ["department"]
    search_fields = ["email", "full_name"]
    ordering = ["email"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Osoba"), {"fields": ["full_name", "preferred_language"]}),
        (_("Rola w serwisie"), {"fields": ["role", "department"]}),
        (
            _("Uprawnienia w panelu administracyjnym"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Ważne daty"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "role", "department"]}),
        (_("Hasło"), {"classes": ["wide"], "fields": ["usable_password", "password1", "password2"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]

from django import forms
from django.contrib.auth.forms import AdminUserCreationForm
from django.contrib.auth.forms import UserChangeForm as DjangoUserChangeForm
from django.utils.translation import gettext_lazy as _

from partnerstwo.accounts import deletion
from partnerstwo.accounts.models import User

OFFICIAL_NEEDS_DEPARTMENT = _("Pracownik urzędu musi należeć do wydziału. Wybierz wydział albo zmień rolę.")


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "preferred_language", "desk_alerts"]
        labels = {
            "preferred_language": _("Język wiadomości e-mail"),
            "desk_alerts": _("Powiadomienia e-mail o sprawach czekających w panelu"),
        }
        help_texts = {
            "full_name": _("Widzą je pracownicy Centrum i urzędu, np. przy Twoich zgłoszeniach."),
            "preferred_language": _("W tym języku wysyłamy Ci wiadomości e-mail."),
            "desk_alerts": _(
                "Wydarzenia do akceptacji, zgłoszenia i zmiany organizacji, uwagi, oferty i sprawozdania Twojego "
                "wydziału. Zestawienie dzienne przychodzi rano i tylko wtedy, gdy coś czeka."
            ),
        }
        widgets = {"full_name": forms.TextInput(attrs={"autocomplete": "name"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only officials and administrators have a desk in the panel (User.has_desk).
        if not self.instance.has_desk:
            del self.fields["desk_alerts"]


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Obecne hasło"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Podaj hasło, aby potwierdzić, że to Ty usuwasz konto."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("To nie jest Twoje obecne hasło."), code="wrong_password")
        return password

    def clean(self):
        reason = deletion.refusal_reason(self.user)
        if reason:
            raise forms.ValidationError(reason, code="refused")
        return super().clean()


class RoleFormMixin:
    """An official belongs to a department: said next to the field instead of an IntegrityError."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == User.Role.OFFICIAL and not cleaned.get("department"):
            self.add_error("department", OFFICIAL_NEEDS_DEPARTMENT)
        return cleaned


class EmailFormMixin:
    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"]).lower()
        if User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Konto z tym adresem e-mail już istnieje."), code="unique")
        return email


class UserCreationForm(RoleFormMixin, EmailFormMixin, AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "full_name", "role", "department"]


class UserChangeForm(RoleFormMixin, EmailFormMixin, DjangoUserChangeForm):
    class Meta:
        model = User
        fields = "__all__"

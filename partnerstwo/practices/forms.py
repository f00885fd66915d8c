from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import PublicTaskSphere
from partnerstwo.lib.uploads import validate_document
from partnerstwo.organizations.models import Organization
from partnerstwo.organizations.public_data import sphere_name
from partnerstwo.practices import review
from partnerstwo.practices.models import GoodPractice, Kind, Topic

BODY_MAX_LENGTH = 50_000
ATTACHMENT_SLOTS = 3


class PracticeForm(forms.ModelForm):
    """A practice as a representative proposes it or the Centre's staff write it, with up to three new files."""

    title = forms.CharField(label=_("Tytuł"), max_length=200, error_messages={"required": _("Podaj tytuł.")})
    summary = forms.CharField(
        label=_("Streszczenie"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Dwa, trzy zdania: czego dotyczy materiał i komu się przyda."),
        error_messages={"required": _("Napisz krótkie streszczenie.")},
    )
    body = forms.CharField(
        label=_("Treść"), max_length=BODY_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Można używać Markdown: ## nagłówek, **pogrubienie**, listy, [link](https://…)."),
        error_messages={"required": _("Opisz praktykę.")},
    )
    spheres = forms.ModelMultipleChoiceField(
        label=_("Sfery zadań publicznych"), queryset=PublicTaskSphere.objects.active(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Tematy"), queryset=Topic.objects.all(), required=False, widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = GoodPractice
        fields = ["title", "kind", "summary", "body", "recording_url", "spheres", "topics", "organization",
                  "author", "reviewed_on"]
        widgets = {"reviewed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        error_messages = {
            "kind": {"required": _("Wybierz rodzaj materiału.")},
            "recording_url": {"invalid": _("Wpisz pełny adres, np. https://example.org/nagranie.")},
            "reviewed_on": {"invalid": _("Wpisz datę w postaci RRRR-MM-DD.")},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.is_staff = review.can_review(user)
        self.fields["kind"].choices = [("", _("– wybierz –")), *Kind.choices]
        self.fields["author"].max_length = 200
        if self.is_staff:
            # The Centre names the author; a proposal keeps the organisation it came from.
            del self.fields["organization"]
        else:
            del self.fields["author"], self.fields["reviewed_on"]
            represented = Organization.objects.represented_by(user).order_by("name")
            field = self.fields["organization"]
            field.queryset, field.required, field.empty_label = represented, True, None
            field.error_messages["required"] = _("Wybierz organizację, której praktyka dotyczy.")
            field.error_messages["invalid_choice"] = _(
                "Możesz zgłaszać praktyki tylko organizacji, które reprezentujesz."
            )
        for slot in range(1, ATTACHMENT_SLOTS + 1):
            self.fields[f"file_{slot}"] = forms.FileField(
                label=_("Załącznik %(n)s") % {"n": slot}, required=False,
                help_text=_("PDF, ODT albo DOCX, najwyżej 20 MB."),
                widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.odt,.docx"}),
            )
            self.fields[f"file_{slot}_title"] = forms.CharField(
                label=_("Nazwa załącznika %(n)s") % {"n": slot}, required=False, max_length=200,
                help_text=_("Np. „Wzór statutu stowarzyszenia”."),
            )

    def clean(self):
        cleaned = super().clean()
        if self.is_staff and not cleaned.get("author") and not (self.instance and self.instance.organization_id):
            self.add_error("author", _("Podaj autora materiału (np. nazwę Centrum albo wydziału)."))
        self.new_attachments = []
        for slot in range(1, ATTACHMENT_SLOTS + 1):
            upload, title = cleaned.get(f"file_{slot}"), (cleaned.get(f"file_{slot}_title") or "").strip()
            if not upload:
                if title:
                    self.add_error(f"file_{slot}", _("Dodaj plik albo usuń jego nazwę."))
                continue
            try:
                file_type = validate_document(upload)
            except ValidationError as error:
                self.add_error(f"file_{slot}", error)
                continue
            if not title:
                self.add_error(f"file_{slot}_title", _("Nazwij załącznik."))
                continue
            self.new_attachments.append((title, upload, file_type))
        return cleaned


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Szukaj"), required=False, max_length=200)
    rodzaj = forms.ChoiceField(label=_("Rodzaj"), required=False)
    sfera = forms.ChoiceField(label=_("Sfera"), required=False)
    temat = forms.ChoiceField(label=_("Temat"), required=False)
    organizacja = forms.SlugField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("wszystkie"))]
        self.fields["rodzaj"].choices = everything + list(Kind.choices)
        self.fields["sfera"].choices = everything + [
            (s.slug, Truncator(sphere_name(s)).chars(80)) for s in PublicTaskSphere.objects.active()
        ]
        self.fields["temat"].choices = everything + [(t.slug, t.name) for t in Topic.objects.all()]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"q": data["q"], "kind": data["rodzaj"], "sphere": data["sfera"], "topic": data["temat"],
                "organization": data["organizacja"]}

    def is_filtered(self) -> bool:
        return any(self.filters().values())

"""The panel's forms for a competition: the announcement, its criteria and prior funding, documents, lifecycle."""

from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import Department, PublicTaskSphere
from partnerstwo.grants.competitions import lifecycle, rules
from partnerstwo.grants.competitions.models import Competition, CompetitionDocument, Criterion, PriorFunding
from partnerstwo.grants.schedule.models import PlannedCompetition
from partnerstwo.grants.urls import RESERVED_SLUGS
from partnerstwo.lib.forms import AmountField
from partnerstwo.lib.text import fold
from partnerstwo.lib.uploads import validate_pdf

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=DATETIME_FORMAT)


ART13_FIELDS = [
    "task_type", "public_funds", "award_rules", "implementation_terms", "task_start", "task_end",
    "offer_deadline", "procedure_and_criteria", "decision_date", "prior_tasks_note", "no_prior_tasks",
]
PUBLICATION_FIELDS = list(rules.PUBLICATION_FIELDS)


class CompetitionForm(forms.ModelForm):
    """The announcement: every art. 13 ust. 2 item, the department (an official's own), the three publication dates."""

    slug = forms.SlugField(
        label=_("Adres strony"), max_length=140, required=False,
        help_text=_("Końcówka adresu /konkursy/…/; puste – utworzymy ją z tytułu."),
    )

    class Meta:
        model = Competition
        fields = [
            "title", "slug", "reference", "year", "department", "planned", "sphere", "mode",
            *ART13_FIELDS, "eligibility", "submission_info", *PUBLICATION_FIELDS,
        ]
        widgets = {
            "task_start": DateInput, "task_end": DateInput, "decision_date": DateInput,
            "offer_deadline": DateTimeInput,
            "bip_published_on": DateInput, "notice_board_published_on": DateInput, "website_published_on": DateInput,
            "task_type": forms.Textarea(attrs={"rows": 3}),
            "award_rules": forms.Textarea(attrs={"rows": 5}),
            "implementation_terms": forms.Textarea(attrs={"rows": 5}),
            "procedure_and_criteria": forms.Textarea(attrs={"rows": 5}),
            "prior_tasks_note": forms.Textarea(attrs={"rows": 3}),
            "eligibility": forms.Textarea(attrs={"rows": 3}),
            "submission_info": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "offer_deadline": _("Dzień i godzina. Co najmniej 21 dni od dnia ukazania się ostatniego z trzech "
                                "ogłoszeń, tego dnia nie licząc; termin kończy się z upływem 21. dnia, więc "
                                "najwcześniej o 23:59 tego dnia (art. 13 ust. 1)."),
            "decision_date": _("Po terminie składania ofert (art. 13 ust. 2 pkt 6)."),
            "year": _("Rok ogłoszenia konkursu; pkt 7 ogłoszenia obejmuje ten rok i rok poprzedni."),
            "task_type": _("Art. 13 ust. 2 pkt 1."),
            "public_funds": _("Art. 13 ust. 2 pkt 2."),
            "award_rules": _("Art. 13 ust. 2 pkt 3."),
            "implementation_terms": _("Art. 13 ust. 2 pkt 4."),
            "procedure_and_criteria": _("Art. 13 ust. 2 pkt 6; kryteria z punktami wpisz niżej."),
            "no_prior_tasks": _("Art. 13 ust. 2 pkt 7: zaznacz tylko, gdy lista zadań poniżej jest pusta."),
            "bip_published_on": _(
                "Wszystkie trzy daty są wymagane, zanim konkurs zostanie ogłoszony (art. 13 ust. 3)."
            ),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["offer_deadline"].input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M"]
        deadline = self.fields["offer_deadline"]
        deadline.help_text = f"{deadline.help_text} {rules.holiday_rule_help()}"
        self.fields["sphere"].queryset = PublicTaskSphere.objects.active()
        self.fields["year"].validators.append(MinValueValidator(2000))
        if user.is_administrator:
            self.fields["department"].queryset = Department.objects.all()
        else:
            # An official announces for their own department only.
            del self.fields["department"]
        department_id = user.department_id if not user.is_administrator else None
        planned = PlannedCompetition.objects.filter(is_withdrawn=False).select_related("schedule")
        if department_id:
            planned = planned.filter(department_id=department_id)
        self.fields["planned"].queryset = planned
        self.fields["planned"].label_from_instance = lambda row: f"{row.schedule.year}: {row.task}"
        status = self.instance.status if self.instance.pk else Competition.Status.PLANNED
        if self.instance.pk and status != Competition.Status.PLANNED:
            # The address is already in announcements and subscribers' calendars.
            del self.fields["slug"]
        if status not in lifecycle.DEADLINE_EDITABLE:
            for name in ["offer_deadline", *PUBLICATION_FIELDS]:
                self.fields[name].disabled = True
        if status != Competition.Status.PLANNED:
            for name in PUBLICATION_FIELDS:
                self.fields[name].required = True

    def clean_slug(self):
        given = self.cleaned_data.get("slug") or ""
        slug = given or slugify(fold(self.cleaned_data.get("title") or ""))[:130].strip("-")
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(
                _("Adres „%(slug)s” jest zajęty przez inną stronę serwisu. Wpisz inny adres.") % {"slug": slug}
            )
        if given and Competition.objects.filter(slug=given).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Inny konkurs ma już ten adres. Wpisz inny."))
        return slug

    def clean(self):
        data = super().clean()
        start, end = data.get("task_start"), data.get("task_end")
        if start and end and end < start:
            self.add_error("task_end", _("Koniec realizacji zadania nie może poprzedzać jego początku."))
        deadline, decision = data.get("offer_deadline"), data.get("decision_date")
        if deadline and decision:
            problem = rules.decision_date_problem(deadline, decision)
            if problem:
                self.add_error("decision_date", problem)
        dates = [data.get(name) for name in PUBLICATION_FIELDS]
        if deadline and all(dates) and "offer_deadline" not in self.errors:
            problem = rules.offer_period_problem(max(dates), deadline)
            if problem and not self.fields["offer_deadline"].disabled:
                self.add_error("offer_deadline", problem)
        return data

    def save(self, commit=True):
        competition = super().save(commit=False)
        if not competition.department_id and self.user.department_id:
            competition.department_id = self.user.department_id
        if "slug" in self.fields:
            competition.slug = unique_slug(self.cleaned_data.get("slug") or "konkurs", competition.pk)
        if not competition.pk:
            competition.created_by = self.user
        if commit:
            competition.save()
        return competition


def unique_slug(base: str, exclude_pk=None) -> str:
    """The slug, or the slug with -2, -3… when another competition has it; never a reserved word."""
    base = base[:130].strip("-") or "konkurs"
    candidate, number = base, 1
    others = Competition.objects.exclude(pk=exclude_pk) if exclude_pk else Competition.objects.all()
    while candidate in RESERVED_SLUGS or others.filter(slug=candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["name", "kind", "max_points"]

    def has_changed(self):
        # A default criterion (rules.default_criteria) offered on a new competition is kept as posted; one whose
        # name the official cleared is left out, like an empty row.
        if self.initial.get("name") and not self.instance.pk:
            return bool((self.data.get(self.add_prefix("name")) or "").strip())
        return super().has_changed()

    def clean(self):
        data = super().clean()
        if data.get("kind") == Criterion.Kind.MERIT and not data.get("max_points"):
            self.add_error("max_points", _("Kryterium merytoryczne ma co najmniej 1 punkt."))
        if data.get("kind") == Criterion.Kind.FORMAL:
            data["max_points"] = 0
        return data


CriterionFormSet = forms.inlineformset_factory(
    Competition, Criterion, form=CriterionForm, extra=2, can_delete=True, max_num=40, validate_max=True
)
# A new competition's form offers the six factors of art. 15 ust. 1 (rules.ART15_FACTORS) and two empty rows.
NewCriterionFormSet = forms.inlineformset_factory(
    Competition, Criterion, form=CriterionForm, extra=len(rules.ART15_FACTORS) + 2, can_delete=True, max_num=40,
    validate_max=True,
)


class PriorFundingForm(forms.ModelForm):
    class Meta:
        model = PriorFunding
        fields = ["year", "task", "total_cost", "grants_to_organizations"]

    def __init__(self, *args, competition_year=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.competition_year = competition_year

    def clean(self):
        data = super().clean()
        year = data.get("year")
        if year and self.competition_year and year not in (self.competition_year, self.competition_year - 1):
            message = _("Art. 13 ust. 2 pkt 7 obejmuje rok ogłoszenia (%(this)s) i rok poprzedni (%(last)s).")
            self.add_error("year", message % {"this": self.competition_year, "last": self.competition_year - 1})
        cost, grants = data.get("total_cost"), data.get("grants_to_organizations")
        if cost is not None and grants is not None and grants > cost:
            self.add_error("grants_to_organizations", _("Dotacje nie mogą przekraczać kosztu zadania."))
        return data


PriorFundingFormSet = forms.inlineformset_factory(
    Competition, PriorFunding, form=PriorFundingForm, extra=1, can_delete=True, max_num=40, validate_max=True
)


class DocumentForm(forms.ModelForm):
    class Meta:
        model = CompetitionDocument
        fields = ["title", "file"]
        help_texts = {"file": _("Plik PDF, najwyżej 10 MB.")}

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            validate_pdf(upload)
        return upload


class ReplaceDocumentForm(forms.Form):
    file = forms.FileField(
        label=_("Poprawiony plik PDF"), help_text=_("Poprzednia wersja zostanie na stronie jako nieaktualna.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_pdf(upload)
        return upload


class CancelForm(forms.Form):
    ground = forms.ChoiceField(
        label=_("Podstawa unieważnienia (art. 18a)"), choices=Competition.CancellationGround.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Wskaż podstawę unieważnienia."),
                        "invalid_choice": _("Wskaż jedną z dwóch podstaw unieważnienia.")},
    )
    details = forms.CharField(
        label=_("Uzasadnienie (nieobowiązkowe)"), max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Będzie widoczne na stronie konkursu obok podstawy unieważnienia."),
    )


class ResultsForm(forms.Form):
    """The results note and the amount granted for each offer registered in the competition."""

    note = forms.CharField(
        label=_("Ogłoszenie wyników"), max_length=20000, required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Treść ogłoszenia wyników; jest publikowana na stronie konkursu."),
    )

    def __init__(self, *args, offers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.offers = list(offers)
        for offer in self.offers:
            self.fields[f"amount_{offer.pk}"] = AmountField(
                label=_("Dotacja dla: %(organization)s – %(title)s (zł)")
                % {"organization": offer.organization.name, "title": offer.title},
                required=False, min_value=Decimal(0), max_digits=12, decimal_places=2,
                initial=offer.awarded_amount if offer.awarded_amount is not None else offer.proposed_amount,
                help_text=_("Puste – oferta nie otrzymuje dotacji."),
            )

    def clean(self):
        # The same bounds publish_results applies, shown next to each amount with the typed value kept.
        cleaned = super().clean()
        for offer in self.offers:
            name = f"amount_{offer.pk}"
            error = lifecycle.awarded_amount_error(offer, cleaned.get(name))
            if error:
                self.add_error(name, error)
        return cleaned

    def amounts(self) -> dict:
        return {offer.pk: self.cleaned_data.get(f"amount_{offer.pk}") for offer in self.offers}

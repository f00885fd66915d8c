"""Forms of the committee's work: appointment, nominations, declaration, assessment, scoring."""


from django import forms
from django.utils.translation import gettext_lazy as _

from partnerstwo.accounts.models import User
from partnerstwo.grants.committees import appointment, evaluation
from partnerstwo.grants.committees.models import NGO_MEMBER_NEEDS_ORGANIZATION, CommitteeMember
from partnerstwo.grants.offers.forms import OrganizationField, clean_text
from partnerstwo.grants.offers.models import Offer
from partnerstwo.lib.forms import AmountField


class UserByEmailField(forms.EmailField):
    """A person with an account in the service, by their e-mail address."""

    def clean(self, value):
        email = super().clean(value)
        if not email:
            return None
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(
                _("Nie ma konta z tym adresem. Osoba musi najpierw założyć konto w serwisie.")
            )
        return user


class AppointForm(forms.Form):
    user = UserByEmailField(
        label=_("Adres e-mail osoby"), help_text=_("Członkiem komisji może być osoba z kontem w serwisie.")
    )
    role = forms.ChoiceField(
        label=_("Rola w komisji"),
        choices=CommitteeMember.Role.choices,
        help_text=_("Eksperci z głosem doradczym nie przyznają punktów."),
    )
    organization = OrganizationField(
        label=_("Wskazany(-a) przez organizację"), required=False,
        help_text=_("Dla osób wskazanych przez organizacje: nazwa organizacji albo numer KRS."),
    )
    is_chair = forms.BooleanField(label=_("Przewodniczący(-a) komisji"), required=False)

    def __init__(self, *args, competition, **kwargs):
        self.competition = competition
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        user = data.get("user")
        if user is not None:
            error = appointment.appointment_error(self.competition, user=user, organization=data.get("organization"))
            if error:
                self.add_error("user", error)
        if (
            data.get("role") == CommitteeMember.Role.NGO
            and data.get("organization") is None
            and "organization" not in self.errors
        ):
            self.add_error("organization", NGO_MEMBER_NEEDS_ORGANIZATION)
        return data


class NominationForm(forms.Form):
    """The same answer whether the address has an account or not (nothing here looks it up): the candidate is
    told by e-mail, the official sees the account when deciding."""

    candidate = forms.EmailField(
        label=_("Adres e-mail kandydata(-tki)"), max_length=254,
        help_text=_("Wyślemy tej osobie wiadomość o zgłoszeniu; jeśli nie ma konta w serwisie, "
                    "dowie się z niej, jak je założyć."),
    )
    organization = OrganizationField(label=_("Organizacja wskazująca"), required=False)
    justification = forms.CharField(label=_("Uzasadnienie"), widget=forms.Textarea(attrs={"rows": 4}), max_length=3000)

    def __init__(self, *args, competition, organizations=None, **kwargs):
        self.competition = competition
        super().__init__(*args, **kwargs)
        if organizations is not None:
            # A representative nominates on behalf of an organisation they represent.
            self.fields["organization"] = forms.ModelChoiceField(
                label=_("W imieniu organizacji"), queryset=organizations, empty_label=None
            )

    def clean_candidate(self):
        return clean_text(self.cleaned_data["candidate"]).strip().lower()

    def clean_justification(self):
        return clean_text(self.cleaned_data["justification"])

    def clean(self):
        data = super().clean()
        if "organization" not in self.errors:
            error = appointment.nomination_error(self.competition, organization=data.get("organization"))
            if error:
                self.add_error("organization" if data.get("organization") else None, error)
        return data


class NominationDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decyzja"), choices=[("appoint", _("powołaj")), ("decline", _("nie powołuj"))]
    )
    role = forms.ChoiceField(
        label=_("Rola w komisji"), choices=CommitteeMember.Role.choices, initial=CommitteeMember.Role.NGO
    )


class DeclarationForm(forms.Form):
    # Plain choices rather than a model field: an out-of-range number never reaches the database.
    conflicts = forms.MultipleChoiceField(
        label=_("Organizacje, z którymi mam konflikt interesów"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Ofert zaznaczonych organizacji nie zobaczysz i nie ocenisz."),
    )
    conflict_explanation = forms.CharField(
        label=_("Okoliczności"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=3000,
        help_text=_("Wymagane, jeśli zaznaczysz organizację."),
    )
    confirm = forms.BooleanField(label=_("Składam oświadczenie o bezstronności o powyższej treści"))

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organizations = {str(o.pk): o for o in organizations}
        self.fields["conflicts"].choices = [(pk, o.name) for pk, o in self.organizations.items()]

    def clean_conflicts(self):
        return [self.organizations[pk] for pk in self.cleaned_data["conflicts"]]

    def clean(self):
        data = super().clean()
        explanation = clean_text(data.get("conflict_explanation", "")).strip()
        data["conflict_explanation"] = explanation
        if data.get("conflicts") and not explanation:
            self.add_error("conflict_explanation", _("Opisz okoliczności konfliktu interesów."))
        return data


class FormalAssessmentForm(forms.Form):
    formal_status = forms.ChoiceField(
        label=_("Wynik oceny formalnej"),
        choices=[
            (Offer.Formal.PASSED, Offer.Formal.PASSED.label),
            (Offer.Formal.REJECTED, Offer.Formal.REJECTED.label),
        ],
        widget=forms.RadioSelect,
    )
    formal_notes = forms.CharField(
        label=_("Uwagi"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5000,
        help_text=_("Wymagane przy odrzuceniu: które wymogi nie zostały spełnione."),
    )

    def __init__(self, *args, criteria, checks=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Numbered by the criterion's place on the checklist; stored by criterion id (Offer.formal_checks).
        self.criteria = list(criteria)
        checks = checks or {}
        for number, criterion in enumerate(self.criteria, start=1):
            self.fields[f"check_{number}"] = forms.BooleanField(
                label=criterion.name, required=False, initial=checks.get(str(criterion.pk), False)
            )

    def checks(self) -> dict:
        return {c.pk: self.cleaned_data.get(f"check_{n}", False) for n, c in enumerate(self.criteria, start=1)}

    def clean(self):
        data = super().clean()
        data["formal_notes"] = clean_text(data.get("formal_notes", "")).strip()
        if data.get("formal_status") == Offer.Formal.REJECTED and not data["formal_notes"]:
            self.add_error("formal_notes", _("Podaj powód odrzucenia oferty."))
        if data.get("formal_status") == Offer.Formal.PASSED and not all(self.checks().values()):
            self.add_error(
                "formal_status",
                _("Oferta spełnia wymogi formalne tylko wtedy, gdy spełnia wszystkie kryteria formalne."),
            )
        return data


class ScoreCardForm(forms.Form):
    """Each merit criterion: points (0 to its maximum, in halves) and a justification."""

    def __init__(self, *args, criteria, scores, **kwargs):
        super().__init__(*args, **kwargs)
        # Fields are numbered by the criterion's place on the card (1, 2, …), the order the competition lists them.
        self.criteria = list(criteria)
        for number, criterion in enumerate(self.criteria, start=1):
            score = scores.get(criterion.pk)
            self.fields[f"points_{number}"] = forms.DecimalField(
                label=_("Punkty: %(name)s (0–%(max)s)") % {"name": criterion.name, "max": criterion.max_points},
                required=False, min_value=0, max_value=criterion.max_points, max_digits=5, decimal_places=1,
                initial=score.points if score else None,
                widget=forms.NumberInput(attrs={"step": str(evaluation.SCORE_STEP)}),
            )
            self.fields[f"justification_{number}"] = forms.CharField(
                label=_("Uzasadnienie: %(name)s") % {"name": criterion.name}, required=False, max_length=5000,
                widget=forms.Textarea(attrs={"rows": 3}), initial=score.justification if score else "",
            )

    @property
    def rows(self):
        return [(c, self[f"points_{n}"], self[f"justification_{n}"]) for n, c in enumerate(self.criteria, start=1)]

    def clean(self):
        data = super().clean()
        submit = self.data.get("action") == "submit"
        for number, criterion in enumerate(self.criteria, start=1):
            points_name, text_name = f"points_{number}", f"justification_{number}"
            points = data.get(points_name)
            text = clean_text(data.get(text_name, "") or "").strip()
            data[text_name] = text
            if points_name in self.errors:
                continue
            if points is None:
                if submit:
                    self.add_error(points_name, _("Aby złożyć kartę, przyznaj punkty za każde kryterium."))
                elif text:
                    self.add_error(points_name, _("Podaj punkty do tego uzasadnienia."))
                continue
            error = evaluation.points_error(points, criterion)
            if error:
                self.add_error(points_name, error)
            if not text:
                self.add_error(text_name, _("Uzasadnij przyznane punkty."))
        return data

    def entries(self) -> dict:
        return {
            c: (self.cleaned_data.get(f"points_{n}"), self.cleaned_data.get(f"justification_{n}", ""))
            for n, c in enumerate(self.criteria, start=1)
        }


class ProposedAmountForm(forms.Form):
    proposed_amount = AmountField(
        label=_("Kwota proponowana przez komisję (zł)"), min_value=0, max_digits=12, decimal_places=2
    )

    def __init__(self, *args, offer, **kwargs):
        self.offer = offer
        super().__init__(*args, **kwargs)

    def clean_proposed_amount(self):
        amount = self.cleaned_data["proposed_amount"]
        error = evaluation.proposed_amount_error(self.offer, amount)
        if error:
            raise forms.ValidationError(error)
        return amount

"""The event form (organisers and officials), the review decision, cancellation and the Forum programme."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import PublicTaskSphere
from partnerstwo.events import publishing, schedule
from partnerstwo.events.models import Event, ForumSession, OrganizerKind, Registration, RegistrationMode
from partnerstwo.lib.forms import DecisionForm
from partnerstwo.organizations.models import Organization

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
# Photos are checked as organisation logos are (organizations/manage_forms.py): format by content, size,
# dimensions; a photo may be larger than a logo.
IMAGE_MAX_BYTES = 3 * 1024 * 1024
IMAGE_MAX_SIDE = 4000
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
IMAGE_TOO_BIG = _("Zdjęcie może mieć najwyżej 3 MB — zmniejsz plik.")


def validate_image(image_file) -> None:
    """A JPEG, PNG or WebP (by its content, whatever its name) of limited size and dimensions."""
    if image_file.size > IMAGE_MAX_BYTES:
        raise ValidationError(IMAGE_TOO_BIG, code="image_size")
    image = getattr(image_file, "image", None)
    if image is None or (image.format or "").upper() not in IMAGE_FORMATS:
        raise ValidationError(_("Zdjęcie musi być obrazem JPEG, PNG lub WebP."), code="image_format")
    width, height = image.size
    if width > IMAGE_MAX_SIDE or height > IMAGE_MAX_SIDE:
        raise ValidationError(
            _("Zdjęcie może mieć najwyżej %(max)s × %(max)s pikseli (to ma %(width)s × %(height)s).")
            % {"max": IMAGE_MAX_SIDE, "width": width, "height": height}, code="image_dimensions",
        )


class EventImageField(forms.ImageField):
    """Refuses a too big file before Pillow decodes it."""

    def to_python(self, data):
        if data and getattr(data, "size", 0) > IMAGE_MAX_BYTES:
            raise ValidationError(IMAGE_TOO_BIG, code="image_size")
        return super().to_python(data)


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=DATETIME_FORMAT)


class EventForm(forms.ModelForm):
    image = EventImageField(
        label=_("Zdjęcie"), required=False,
        help_text=_("JPEG, PNG lub WebP, najwyżej 3 MB i %(side)s × %(side)s pikseli.") % {"side": IMAGE_MAX_SIDE},
        error_messages={"invalid_image": _(
            "Ten plik nie jest obrazem albo jest uszkodzony. Dodaj zdjęcie w formacie JPEG, PNG lub WebP."
        )},
    )
    exdates_text = forms.CharField(
        label=_("Daty wyłączone z powtarzania"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Jedna w wierszu: 2026-12-24 (cały dzień) albo 2026-12-24 18:00 (jeden termin)."),
    )

    class Meta:
        model = Event
        fields = [
            "title", "kind", "organizer_kind", "organization", "starts_at", "ends_at", "all_day", "rrule",
            "venue", "street", "town", "district", "online_url", "description", "spheres", "audience",
            "step_free_access", "sign_language", "induction_loop", "accessibility_notes", "is_free", "price",
            "image", "image_alt", "registration_mode", "external_registration_url", "capacity",
            "registration_deadline",
        ]
        widgets = {
            "starts_at": DateTimeLocalInput(), "ends_at": DateTimeLocalInput(),
            "registration_deadline": DateTimeLocalInput(),
            "spheres": forms.CheckboxSelectMultiple, "description": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        kinds = publishing.organizer_kinds_for(user)
        if self.instance.pk and self.instance.organizer_kind not in kinds:
            kinds.append(self.instance.organizer_kind)  # an official editing what someone else submitted
        self.fields["organizer_kind"].choices = [(k, OrganizerKind(k).label) for k in kinds]
        if len(kinds) == 1:
            self.fields["organizer_kind"].initial = kinds[0]
            self.fields["organizer_kind"].widget = forms.HiddenInput()
        if OrganizerKind.ORGANIZATION in kinds:
            organizations = (
                Organization.objects.all() if publishing.publishes_at_once(user)
                else Organization.objects.represented_by(user)
            )
            self.fields["organization"].queryset = organizations.order_by("name")
            self.fields["organization"].help_text = _("Wymagana, gdy organizatorem jest organizacja.")
        else:
            del self.fields["organization"]
        if self.instance.pk and self.instance.exdates:
            self.initial["exdates_text"] = "\n".join(str(value).replace("T", " ") for value in self.instance.exdates)
        if self.instance.pk:
            # An edit never moves an event to another organiser: the fields show it, posted values are ignored.
            for name in ("organizer_kind", "organization"):
                if name in self.fields:
                    self.fields[name].disabled = True
            if "organization" in self.fields and self.instance.organization_id:
                self.fields["organization"].queryset = Organization.objects.filter(pk=self.instance.organization_id)
        self.fields["spheres"].queryset = PublicTaskSphere.objects.active()
        self.fields["town"].initial = self.fields["town"].initial or "Białystok"
        self.fields["rrule"].help_text = _(
            "Np. FREQ=WEEKLY;BYDAY=TU;COUNT=10 (10 wtorków) albo FREQ=WEEKLY;UNTIL=20270630T000000Z. "
            "Puste: wydarzenie jednorazowe."
        )

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and hasattr(image, "image"):  # a new upload (not the stored file)
            validate_image(image)
        return image

    def clean_rrule(self):
        return schedule.normalise_rule(self.cleaned_data.get("rrule", ""))

    def clean_exdates_text(self):
        values, bad = [], []
        for line in (self.cleaned_data.get("exdates_text") or "").splitlines():
            if not line.strip():
                continue
            try:
                value = schedule.parse_exdate(line)
            except ValueError:
                bad.append(line.strip()[:40])
                continue
            is_time = isinstance(value, datetime.datetime)
            values.append(value.isoformat(timespec="minutes") if is_time else value.isoformat())
        if bad:
            raise ValidationError(
                _("Nie rozpoznano dat: %(dates)s. Wpisz np. 2026-12-24 albo 2026-12-24 18:00.")
                % {"dates": ", ".join(bad)}
            )
        return values

    def clean(self):
        data = super().clean()
        starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
        if data.get("all_day") and starts_at and ends_at:
            starts_at, ends_at = _whole_days(starts_at, ends_at)
            data["starts_at"], data["ends_at"] = starts_at, ends_at
        if starts_at and ends_at and ends_at < starts_at:
            self.add_error("ends_at", _("Koniec nie może być wcześniejszy niż początek."))
        kind = data.get("organizer_kind")
        if kind == OrganizerKind.ORGANIZATION and not data.get("organization"):
            self.add_error("organization" if "organization" in self.fields else None,
                           _("Wskaż organizację, która organizuje wydarzenie."))
        if kind != OrganizerKind.ORGANIZATION:
            data["organization"] = None
        if not data.get("online_url") and not (data.get("street") or data.get("venue")):
            self.add_error("street", _("Podaj adres miejsca albo link do wydarzenia online (albo oba)."))
        if data.get("street") and not data.get("town"):
            self.add_error("town", _("Podaj miejscowość."))
        mode = data.get("registration_mode")
        if mode == RegistrationMode.EXTERNAL and not data.get("external_registration_url"):
            self.add_error("external_registration_url", _("Przy zapisach u organizatora podaj link do zapisów."))
        if not data.get("is_free") and not data.get("price"):
            self.add_error("price", _("Podaj cenę albo zaznacz, że wydarzenie jest bezpłatne."))
        if data.get("image") and not data.get("image_alt"):
            self.add_error("image_alt", _("Opisz zdjęcie dla osób, które go nie widzą."))
        deadline = data.get("registration_deadline")
        if deadline and starts_at and deadline > starts_at and not data.get("rrule"):
            self.add_error("registration_deadline", _("Zapisy muszą się kończyć najpóźniej na początku wydarzenia."))
        self._check_capacity(data.get("capacity"))
        if starts_at and ends_at and ends_at >= starts_at and "rrule" not in self.errors:
            try:
                schedule.occurrence_times(starts_at=starts_at, ends_at=ends_at, rule=data.get("rrule", ""),
                                          exdates=data.get("exdates_text") or [])
            except ValidationError as error:
                self.add_error("exdates_text" if error.code == "empty" and data.get("exdates_text") else "rrule",
                               error)
        if data.get("exdates_text") and not data.get("rrule"):
            self.add_error("exdates_text", _("Daty wyłączone mają sens tylko przy wydarzeniu powtarzanym."))
        return data

    def _check_capacity(self, capacity):
        if capacity is None or not self.instance.pk:
            return
        busiest = (
            self.instance.occurrences.filter(ends_at__gte=timezone.now())
            .annotate(confirmed=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)))
            .order_by("-confirmed").values_list("confirmed", flat=True).first()
        ) or 0
        if capacity < busiest:
            self.add_error("capacity", _(
                "Na jeden z terminów zapisało się już tyle osób: %(count)s. Liczba miejsc nie może być mniejsza."
            ) % {"count": busiest})

    def save(self, commit=True):
        self.instance.exdates = self.cleaned_data.get("exdates_text") or []
        return super().save(commit=commit)


def _whole_days(starts_at, ends_at):
    """An all-day event runs from the first day's midnight to the last day's 23:59 (local time)."""
    zone = schedule.local_zone()
    first = timezone.localtime(starts_at, zone).date()
    last = timezone.localtime(ends_at, zone).date()
    start = datetime.datetime.combine(first, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(last, datetime.time(23, 59), tzinfo=zone)
    return start, end


class ReviewForm(DecisionForm):
    """Publish a submitted event, or return it to the organiser saying what to correct."""

    REJECT = "return"
    approve_label, reject_label = _("Opublikuj"), _("Zwróć do poprawy")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = _("Co trzeba poprawić")
        self.fields["reason"].help_text = _("Wymagane przy zwrocie; zgłaszający dostanie to w wiadomości e-mail.")


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Powód odwołania"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Osoby zapisane dostaną go w wiadomości e-mail; pojawi się też na stronie wydarzenia."),
    )


class ForumSessionForm(forms.ModelForm):
    class Meta:
        model = ForumSession
        fields = ["starts_at", "ends_at", "room", "title", "speakers"]
        widgets = {"starts_at": DateTimeLocalInput(), "ends_at": DateTimeLocalInput()}

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] < data["starts_at"]:
            self.add_error("ends_at", _("Koniec nie może być wcześniejszy niż początek."))
        return data


ForumSessionFormSet = forms.inlineformset_factory(
    Event, ForumSession, form=ForumSessionForm, extra=3, can_delete=True, max_num=60, validate_max=True,
)


class PresentingOrganizationsForm(forms.Form):
    organizations = forms.CharField(
        label=_("Organizacje prezentujące się"), required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Jedna w wierszu: pełna nazwa z katalogu organizacji albo końcówka adresu jej profilu."),
    )

    def clean_organizations(self):
        chosen, unknown = [], []
        for line in (self.cleaned_data.get("organizations") or "").splitlines():
            line = line.strip()[:300]
            if not line:
                continue
            found = list(Organization.objects.public().filter(Q(slug=line) | Q(name__iexact=line))[:2])
            if len(found) == 1:
                chosen.append(found[0])
            else:
                unknown.append(line[:60])
        if unknown:
            raise ValidationError(
                _("Nie znaleziono w katalogu (albo nazwa nie jest jednoznaczna): %(names)s.")
                % {"names": "; ".join(unknown)}
            )
        return chosen

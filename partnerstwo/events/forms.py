"""The event form (organisers and officials), the review decision, cancellation and the Forum programme."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerstwo.city.models import PublicTaskSphere
from partnerstwo.events import publishing, recurrence, schedule
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


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


NO_REPEAT, STORED_RULE = "no", "rule"
MIN_COUNT = 2
PATTERN_FIELDS = {  # where an error about the days chosen goes
    recurrence.WEEKLY: "repeat_weekdays", recurrence.MONTHLY_DAY: "repeat_month_day",
    recurrence.MONTHLY_WEEKDAY: "repeat_nth_weekday",
}
EXCEPTION_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]


def nth_weekday_choices():
    return [("", _("— wybierz —"))] + [
        (f"{ordinal}:{day}", recurrence.nth_weekday_name(ordinal, day))
        for ordinal in recurrence.ORDINALS for day in range(7)
    ]


def parse_exception_dates(text: str) -> tuple[list[datetime.date], list[str]]:
    """(the dates read, the pieces that are not dates); one a line, or separated by commas or spaces."""
    dates, bad = [], []
    for piece in text.replace(",", " ").replace(";", " ").split():
        for date_format in EXCEPTION_FORMATS:
            try:
                dates.append(datetime.datetime.strptime(piece, date_format).date())
                break
            except ValueError:
                continue
        else:
            bad.append(piece[:40])
    return sorted(set(dates)), bad


class EventForm(forms.ModelForm):
    # The plain choices of a repeating event; the form builds the RRULE from them (recurrence.py).
    repeat = forms.ChoiceField(
        label=_("Czy wydarzenie się powtarza?"), widget=forms.RadioSelect, initial=NO_REPEAT, required=False,
        choices=[
            (NO_REPEAT, _("Nie, odbywa się raz")),
            (recurrence.WEEKLY, _("Co tydzień, w wybrane dni tygodnia")),
            (recurrence.MONTHLY_DAY, _("Co miesiąc, tego samego dnia miesiąca (np. 15.)")),
            (recurrence.MONTHLY_WEEKDAY, _("Co miesiąc, w wybrany dzień tygodnia (np. w drugi wtorek)")),
        ],
    )
    repeat_interval = forms.IntegerField(
        label=_("Co ile tygodni lub miesięcy"), required=False, initial=1,
        widget=forms.NumberInput(attrs={"min": 1, "max": recurrence.MAX_INTERVAL}),
    )
    repeat_weekdays = forms.TypedMultipleChoiceField(
        label=_("Dni tygodnia (przy powtarzaniu co tydzień)"), required=False, coerce=int,
        choices=list(enumerate(recurrence.WEEKDAY_NAMES)), widget=forms.CheckboxSelectMultiple,
    )
    repeat_month_day = forms.IntegerField(
        label=_("Dzień miesiąca (przy powtarzaniu co miesiąc tego samego dnia)"), required=False,
        widget=forms.NumberInput(attrs={"min": 1, "max": 31}),
        help_text=_("Od 1 do 31. W miesiącach, które nie mają tego dnia (np. 31.), wydarzenia nie będzie."),
    )
    repeat_nth_weekday = forms.ChoiceField(
        label=_("Który dzień tygodnia w miesiącu (przy powtarzaniu co miesiąc w dzień tygodnia)"), required=False,
        choices=nth_weekday_choices,
    )
    repeat_until = forms.DateField(
        label=_("Powtarzaj do dnia (włącznie)"), required=False, widget=DateInput(),
        help_text=_("Podaj datę końca albo liczbę terminów poniżej."),
    )
    repeat_count = forms.IntegerField(
        label=_("albo: liczba terminów"), required=False,
        widget=forms.NumberInput(attrs={"min": MIN_COUNT, "max": schedule.MAX_OCCURRENCES}),
    )
    repeat_exceptions = forms.CharField(
        label=_("Dni, w które wydarzenia nie będzie"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Daty w postaci DD.MM.RRRR, np. 24.12.2026, każda w osobnym wierszu."),
    )
    image = EventImageField(
        label=_("Zdjęcie"), required=False,
        error_messages={"invalid_image": _(
            "Ten plik nie jest obrazem albo jest uszkodzony. Dodaj zdjęcie w formacie JPEG, PNG lub WebP."
        )},
    )
    class Meta:
        model = Event
        fields = [
            "title", "kind", "organizer_kind", "organization", "starts_at", "ends_at", "all_day",
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
        self._set_repeat_initial()
        if self.instance.pk:
            # An edit never moves an event to another organiser: the fields show it, posted values are ignored.
            for name in ("organizer_kind", "organization"):
                if name in self.fields:
                    self.fields[name].disabled = True
            if "organization" in self.fields and self.instance.organization_id:
                self.fields["organization"].queryset = Organization.objects.filter(pk=self.instance.organization_id)
        self.fields["spheres"].queryset = PublicTaskSphere.objects.active()
        self.fields["town"].initial = self.fields["town"].initial or "Białystok"
        # Filled in here, in the reader's language (a lazy text formatted at import would be Polish for good).
        self.fields["repeat_interval"].help_text = _(
            "1 – co tydzień (co miesiąc), 2 – co drugi tydzień (miesiąc) i tak dalej, najwyżej %(max)s."
        ) % {"max": recurrence.MAX_INTERVAL}
        self.fields["repeat_count"].help_text = _("Od %(min)s do %(max)s, licząc z pierwszym.") % {
            "min": MIN_COUNT, "max": schedule.MAX_OCCURRENCES,
        }
        self.fields["image"].help_text = _("JPEG, PNG lub WebP, najwyżej 3 MB i %(side)s × %(side)s pikseli.") % {
            "side": IMAGE_MAX_SIDE,
        }

    def _set_repeat_initial(self):
        """The stored rule as the plain choices; one they cannot say is offered as it is, read-only."""
        event = self.instance
        if not event.pk:
            return
        if event.exdates:
            self.initial["repeat_exceptions"] = "\n".join(f"{day:%d.%m.%Y}" for day in event.exception_days)
        if not event.rrule:
            return
        plain = recurrence.from_rule(event.rrule, event.starts_at)
        if plain is None:
            field = self.fields["repeat"]
            field.choices = [*field.choices, (STORED_RULE, _("Tak, według dotychczasowej reguły"))]
            field.help_text = _(
                "To wydarzenie powtarza się według reguły, której nie da się przedstawić w tym formularzu: %(rule)s. "
                "Zostanie zachowana, dopóki nie wybierzesz innego powtarzania."
            ) % {"rule": event.rrule}
            self.initial["repeat"] = STORED_RULE
            return
        self.initial.update({
            "repeat": plain.frequency, "repeat_interval": plain.interval, "repeat_until": plain.until,
            "repeat_count": plain.count,
        })
        if plain.frequency == recurrence.WEEKLY:
            self.initial["repeat_weekdays"] = list(plain.weekdays)
        elif plain.frequency == recurrence.MONTHLY_DAY:
            self.initial["repeat_month_day"] = plain.month_day
        else:
            self.initial["repeat_nth_weekday"] = f"{plain.ordinal}:{plain.weekday}"

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and hasattr(image, "image"):  # a new upload (not the stored file)
            validate_image(image)
        return image

    def clean_repeat_count(self):
        count = self.cleaned_data.get("repeat_count")
        if count is not None and not MIN_COUNT <= count <= schedule.MAX_OCCURRENCES:
            raise ValidationError(
                _("Podaj liczbę terminów od %(min)s do %(max)s.") % {"min": MIN_COUNT, "max": schedule.MAX_OCCURRENCES},
                code="count",
            )
        return count

    def clean_repeat_interval(self):
        interval = self.cleaned_data.get("repeat_interval")
        if interval is not None and not 1 <= interval <= recurrence.MAX_INTERVAL:
            raise ValidationError(
                _("Podaj liczbę od 1 do %(max)s.") % {"max": recurrence.MAX_INTERVAL}, code="interval"
            )
        return interval or 1

    def clean_repeat_month_day(self):
        day = self.cleaned_data.get("repeat_month_day")
        if day is not None and not 1 <= day <= 31:
            raise ValidationError(_("Podaj dzień miesiąca od 1 do 31."), code="month_day")
        return day

    def clean_repeat_exceptions(self):
        dates, bad = parse_exception_dates(self.cleaned_data.get("repeat_exceptions") or "")
        if bad:
            raise ValidationError(
                _("Nie rozpoznano dat: %(dates)s. Wpisz daty w postaci DD.MM.RRRR, np. 24.12.2026.")
                % {"dates": ", ".join(bad)}, code="exceptions",
            )
        return dates

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
        data["rrule"], data["exdates"] = self._clean_repetition(data, starts_at, ends_at)
        deadline = data.get("registration_deadline")
        if deadline and starts_at and deadline > starts_at and not data["rrule"]:
            self.add_error("registration_deadline", _("Zapisy muszą się kończyć najpóźniej na początku wydarzenia."))
        self._check_capacity(data.get("capacity"))
        return data

    def _clean_repetition(self, data, starts_at, ends_at) -> tuple[str, list[str]]:
        """(the RRULE, the exdates) of the plain choices; errors go next to the choice they concern."""
        repeat, exceptions = data.get("repeat"), data.get("repeat_exceptions") or []
        stored_exdates = list(self.instance.exdates or [])
        # Untouched exceptions keep their stored form (an exdate may name one time, not a whole day).
        exdates = stored_exdates if "repeat_exceptions" not in self.changed_data else [
            day.isoformat() for day in exceptions
        ]
        if repeat in ("", None, NO_REPEAT):
            if exceptions:
                self.add_error("repeat_exceptions", _("Dni bez wydarzenia podaje się tylko przy powtarzaniu."))
            return "", []
        if repeat == STORED_RULE:
            rule = self.instance.rrule
        else:
            plain = self._plain_recurrence(data, starts_at)
            if plain is None:
                return "", exdates
            rule = plain.to_rule()
        if not (starts_at and ends_at and ends_at >= starts_at):
            return rule, exdates
        try:
            times = schedule.occurrence_times(starts_at=starts_at, ends_at=ends_at, rule=rule)
        except ValidationError as error:
            self._add_schedule_error(data, error, stored=repeat == STORED_RULE)
            return rule, exdates
        zone = schedule.local_zone()
        days = {timezone.localtime(start, zone).date() for start, _end in times}
        first = timezone.localtime(starts_at, zone).date()
        if repeat != STORED_RULE and first not in days:
            # A calendar app counts the start as the first date even off the pattern (RFC 5545), this site not.
            self.add_error(PATTERN_FIELDS[repeat], _(
                "Początek wydarzenia (%(date)s) nie pasuje do wybranego powtarzania: zmień wybór albo datę początku."
            ) % {"date": f"{first:%d.%m.%Y}"})
            return rule, exdates
        strangers = [day for day in exceptions if day not in days]
        if strangers:
            self.add_error("repeat_exceptions", _("W te dni wydarzenie i tak się nie odbywa: %(dates)s.") % {
                "dates": ", ".join(f"{day:%d.%m.%Y}" for day in strangers)
            })
        elif exceptions and days <= set(exceptions):
            self.add_error("repeat_exceptions", _("Wyłączono wszystkie terminy: zostaw przynajmniej jeden."))
        return rule, exdates

    def _plain_recurrence(self, data, starts_at) -> recurrence.Recurrence | None:
        """The choices as a Recurrence; None (with the errors added) when something is missing or wrong."""
        repeat, ok = data["repeat"], True
        values = {"frequency": repeat, "interval": data.get("repeat_interval") or 1}
        if repeat == recurrence.WEEKLY:
            values["weekdays"] = tuple(data.get("repeat_weekdays") or ())
            if not values["weekdays"] and "repeat_weekdays" not in self.errors:
                self.add_error("repeat_weekdays", _("Zaznacz co najmniej jeden dzień tygodnia."))
        elif repeat == recurrence.MONTHLY_DAY:
            values["month_day"] = data.get("repeat_month_day")
            if values["month_day"] is None and "repeat_month_day" not in self.errors:
                self.add_error("repeat_month_day", _("Podaj dzień miesiąca od 1 do 31."))
        else:
            chosen = data.get("repeat_nth_weekday") or ""
            if chosen:
                ordinal, day = chosen.split(":")
                values["ordinal"], values["weekday"] = int(ordinal), int(day)
            else:
                self.add_error("repeat_nth_weekday", _("Wybierz, w który dzień tygodnia miesiąca."))
        until, count = data.get("repeat_until"), data.get("repeat_count")
        if until and count:
            self.add_error("repeat_count", _("Podaj datę końca albo liczbę terminów, nie jedno i drugie."))
        elif not until and not count and not {"repeat_until", "repeat_count"} & set(self.errors):
            self.add_error("repeat_until", _("Podaj, do którego dnia wydarzenie się powtarza, albo liczbę terminów."))
        elif until and starts_at and until < timezone.localtime(starts_at, schedule.local_zone()).date():
            self.add_error("repeat_until", _("Koniec powtarzania nie może być wcześniejszy niż początek wydarzenia."))
        values["until"], values["count"] = until, count
        if any(name.startswith("repeat") for name in self.errors):
            ok = False
        return recurrence.Recurrence(**values) if ok else None

    def _add_schedule_error(self, data, error: ValidationError, *, stored: bool) -> None:
        """schedule.py's refusal in the words of the plain choices (its own messages name the RRULE's parts)."""
        if stored:
            self.add_error("repeat", error)
        elif error.code in ("too_long", "too_many") and data.get("repeat_count"):
            self.add_error("repeat_count", _("Powtarzanie może trwać najwyżej 5 lat: zmniejsz liczbę terminów."))
        elif error.code in ("too_long", "too_many"):
            self.add_error("repeat_until", _(
                "Powtarzanie może trwać najwyżej 5 lat i mieć najwyżej %(max)s terminów: podaj wcześniejszą datę końca."
            ) % {"max": schedule.MAX_OCCURRENCES})
        else:
            self.add_error("repeat", _("W wybranym okresie nie wypada żaden termin: sprawdź wybrane dni i koniec."))

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
        self.instance.rrule = self.cleaned_data["rrule"]
        self.instance.exdates = self.cleaned_data["exdates"]
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

"""The form renderer's widgets written in Python give Django's templates' HTML, character for character."""

import datetime
import decimal

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from partnerstwo.lib.forms import AccessibleBoundField, FormRenderer


class TemplatesOnly(DjangoTemplates):
    bound_field_class = AccessibleBoundField


GROUPED = [
    ("", "— wybierz —"),
    ("Sfery", [("kultura", "Kultura & sztuka"), ("sport", mark_safe("<b>Sport</b>"))]),
    ("Inne <grupy>", [(1000, 1000), (decimal.Decimal("2.5"), _("Zdrowie"))]),
    ("zwierzeta", 'Ochrona "zwierząt"'),
]
FLAT = [(f"s{n}", f"Sfera {n} – żółć <{n}>") for n in range(41)]


class EveryWidget(forms.Form):
    q = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "search", "data-x": 'a"b<'}))
    number = forms.IntegerField(required=False, widget=forms.NumberInput(attrs={"inputmode": "numeric", "max": 2027}))
    amount = forms.DecimalField(required=False)
    email = forms.EmailField(label=_("Adres e-mail"), help_text="Pomoc")
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    hidden = forms.CharField(required=False, widget=forms.HiddenInput)
    agree = forms.BooleanField(label=mark_safe("Zgoda <a href='/x'>regulamin</a>"))
    flag = forms.BooleanField(required=False, widget=forms.CheckboxInput(attrs={"disabled": True, "class": False}))
    sphere = forms.ChoiceField(choices=GROUPED, required=False)
    spheres = forms.MultipleChoiceField(choices=FLAT, required=False, widget=forms.CheckboxSelectMultiple)
    districts = forms.MultipleChoiceField(choices=GROUPED, required=False, widget=forms.CheckboxSelectMultiple(
        attrs={"class": "columns"}))
    many = forms.MultipleChoiceField(choices=FLAT, required=False)
    kind = forms.ChoiceField(choices=FLAT[:5], widget=forms.RadioSelect)
    grouped_kind = forms.ChoiceField(choices=GROUPED, required=False, widget=forms.RadioSelect)
    maybe = forms.NullBooleanField(required=False)
    password = forms.CharField(required=False, widget=forms.PasswordInput(render_value=True))
    text = forms.CharField(required=False, widget=forms.Textarea)
    when = forms.SplitDateTimeField(required=False)


DATA = [
    None,
    {"q": "<script>&\"'", "number": "12", "amount": "1 000,5", "email": "zle", "day": "2026-12-08",
     "hidden": "ukryte", "sphere": "sport", "spheres": ["s1", "s40"], "districts": ["1000", "zwierzeta"],
     "many": ["s3"], "kind": "s2", "grouped_kind": "2.5", "maybe": "true", "password": "tajne", "text": "a\nb"},
    {"number": "nie liczba", "kind": "brak", "sphere": "nie ma"},
]


def everything(form) -> str:
    parts = [form.as_div(), form.as_p()]
    for field in form:
        parts += [str(field), field.label_tag(), field.legend_tag(), str(field.errors)]
        parts += [str(subwidget) for subwidget in field.subwidgets]
    return "\n".join(parts)


@pytest.mark.parametrize("data", DATA, ids=["unbound", "bound", "invalid"])
@pytest.mark.parametrize("language", ["pl", "en"])
def test_every_widget_renders_as_its_template_does(data, language, settings):
    settings.USE_THOUSAND_SEPARATOR = True  # {{ value }} localises numbers; stringformat does not
    initial = {"spheres": ["s0"], "number": 12345, "amount": decimal.Decimal("1234.5"),
               "day": datetime.date(2026, 1, 2), "maybe": None, "when": datetime.datetime(2026, 12, 8, 10, 30)}
    with override(language):
        ours = everything(EveryWidget(data, initial=initial, renderer=FormRenderer()))
        templates = everything(EveryWidget(data, initial=initial, renderer=TemplatesOnly()))
    assert ours == templates
    assert "Sfera 40" in ours and "&lt;script&gt;" in ours or data is not DATA[1]


def test_a_widget_with_its_own_template_is_left_to_the_template_engine():
    class Own(forms.Select):
        template_name = "django/forms/widgets/select_date.html"  # not one of those written in Python

    renderer = FormRenderer()
    assert "django/forms/widgets/select_date.html" not in renderer._python_templates
    assert "django/forms/widgets/select.html" in renderer._python_templates
    widget = forms.SelectDateWidget(years=[2026])
    assert widget.render("d", datetime.date(2026, 1, 2), renderer=renderer) == widget.render(
        "d", datetime.date(2026, 1, 2), renderer=TemplatesOnly())

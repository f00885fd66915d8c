"""Amounts in złoty are read as people write them and shown the same way everywhere, prefilled fields too."""

from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from partnerstwo.lib.forms import AmountField


class AmountForm(forms.Form):
    amount = AmountField(label="Kwota (zł)")


@pytest.mark.parametrize("typed", ["45000", "45000,00", "45000.00", "45 000,00", "45\u00a0000,00", "45\u202f000,00",
                                   " 45 000 zł ", "45000 PLN"])
def test_every_usual_way_of_writing_an_amount_is_read(typed):
    form = AmountForm({"amount": typed})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["amount"] == Decimal("45000.00")


@pytest.mark.parametrize("typed", ["abc", "45.000,00", "1,2,3", "12,345"])
def test_what_is_not_an_amount_is_named_next_to_the_field(typed):
    form = AmountForm({"amount": typed})

    assert not form.is_valid()
    assert form.errors["amount"][0] in {"Podaj kwotę liczbą, np. 45 000,00.", "Podaj kwotę z dokładnością do groszy."}


def test_a_prefilled_amount_is_shown_grouped_with_grosze_as_on_every_page():
    with translation.override("pl"):
        html = str(AmountForm(initial={"amount": Decimal("27000")})["amount"])

    assert 'value="27\u00a0000,00"' in html
    assert 'inputmode="decimal"' in html


def test_what_was_typed_is_shown_back_as_typed():
    html = str(AmountForm({"amount": "27 tysięcy"})["amount"])

    assert 'value="27 tysięcy"' in html

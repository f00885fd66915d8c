"""Offers submitted in a competition; the online offer form, agreements and reports belong here."""

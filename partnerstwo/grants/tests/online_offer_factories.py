"""Builders of online offers for the tests: a competition that takes them and an offer ready to submit."""

import datetime as dt
from decimal import Decimal

from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers.models import CostLine, OfferAction, OfferResult, OnlineOffer
from partnerstwo.grants.tests import competition_factories


def call(department, **fields) -> Competition:
    """A competition accepting online offers, deadline in 10 days, with the usual rules of a call."""
    values = {
        "status": Competition.Status.ACCEPTING,
        "announced_on": competition_factories.today() - dt.timedelta(days=11),
        "deadline": competition_factories.at(competition_factories.today() + dt.timedelta(days=10)),
        "accepts_online_offers": True, "max_grant": Decimal("20000"), "min_own_contribution_percent": Decimal("10"),
        "max_admin_percent": Decimal("10"), "allows_corrections": True,
    }
    values.update(fields)
    return competition_factories.competition(department, **values)


def complete(competition, organization, user, **fields) -> OnlineOffer:
    """A draft with every section filled and its sums right: costs 10 000 zł (9 500 actions, 500 admin),
    grant 9 000 zł, own contribution 1 000 zł."""
    values = {
        "competition": competition, "organization": organization, "created_by": user, "updated_by": user,
        "title": "Spacery historyczne dla seniorów", "task_start": competition.task_start,
        "task_end": competition.task_end, "description": "Dziesięć spacerów po Białymstoku z przewodnikiem.",
        "results_description": "Seniorzy poznają historię osiedli i wychodzą z domów.",
        "experience": "Od 2015 r. prowadzimy klub seniora.", "resources": "Dwóch przewodników, sala klubu.",
        "contact_name": "Adam Alfa", "contact_email": "adam@fundacja-alfa.example.org",
        "grant_amount": Decimal("9000"), "own_financial": Decimal("500"), "own_non_financial": Decimal("500"),
        "payment": OnlineOffer.Payment.UNPAID, "statements_accepted": True,
    }
    values.update(fields)
    offer = OnlineOffer.objects.create(**values)
    walks = OfferAction.objects.create(offer=offer, name="Spacery", target_group="seniorzy 60+",
                                       starts_on=offer.task_start, ends_on=offer.task_end)
    OfferResult.objects.create(offer=offer, name="Uczestnicy spacerów", target_value=Decimal("120"), unit="osób",
                               monitoring="Listy obecności.")
    CostLine.objects.create(offer=offer, action=walks, name="Wynagrodzenie przewodnika", unit="godzina",
                            unit_cost=Decimal("95"), units=Decimal("100"))
    CostLine.objects.create(offer=offer, action=None, name="Księgowość", unit="miesiąc", unit_cost=Decimal("250"),
                            units=Decimal("2"))
    return offer

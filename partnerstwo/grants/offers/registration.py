"""Offers in an open competition, registered by the officials of its department."""

import re

from django.db import transaction
from django.utils.translation import gettext as _

from partnerstwo.grants.committees.appointment import OFFER_STATUSES, can_manage, suspend_members_linked_to
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.grants.offers.models import Offer
from partnerstwo.organizations.models import Organization

KRS_PATTERN = re.compile(r"^\d{10}$")


def can_register_offers(user, competition: Competition) -> bool:
    return can_manage(user, competition) and competition.status in OFFER_STATUSES


class OrganizationNotFound(ValueError):
    pass


def resolve_organization(text: str) -> Organization:
    """One organisation from the directory by its KRS number, exact name, or words of its name."""
    text = " ".join(text.split())
    if not text:
        raise OrganizationNotFound(_("Wpisz nazwę organizacji albo jej numer KRS."))
    if KRS_PATTERN.match(text):
        found = Organization.objects.filter(krs=text).first()
        if found is None:
            raise OrganizationNotFound(_("W katalogu nie ma organizacji z numerem KRS %(krs)s.") % {"krs": text})
        return found
    exact = list(Organization.objects.filter(name__iexact=text)[:2])
    if len(exact) == 1:
        return exact[0]
    matches = list(Organization.objects.search(text).order_by("name", "pk")[:6])
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise OrganizationNotFound(_("W katalogu nie znaleziono organizacji „%(text)s”.") % {"text": text})
    names = "; ".join(f"{o.name}{f' (KRS {o.krs})' if o.krs else ''}" for o in matches[:5])
    raise OrganizationNotFound(
        _("Pasuje kilka organizacji: %(names)s. Wpisz pełną nazwę albo numer KRS.") % {"names": names}
    )


@transaction.atomic
def register(competition: Competition, *, by, **fields) -> Offer:
    offer = Offer.objects.create(competition=competition, registered_by=by, **fields)
    # Art. 15: members indicated by or representing the offering organisation lose access to the offers.
    suspend_members_linked_to(competition, offer.organization)
    return offer

"""What the bulletin holds about a person: a media contact with the account's address (a journalist who receives
the bulletin). Deleting the account takes the contact off the list: the address is the person's, not an
outlet's record. Who compiled or published an issue goes with the account (SET_NULL)."""

from partnerstwo.bulletin.models import MediaContact


def _contacts(user):
    return MediaContact.objects.filter(email__iexact=user.email) if user.email else MediaContact.objects.none()


def export(user) -> dict:
    return {
        "bulletin_media_contacts": [
            {"name": contact.name, "outlet": contact.outlet, "email": contact.email,
             "created_at": contact.created_at}
            for contact in _contacts(user).order_by("pk")
        ],
    }


def forget(user) -> None:
    _contacts(user).delete()

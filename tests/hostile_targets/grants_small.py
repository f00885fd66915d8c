"""Small grants (art. 19a), helper "small-grants": the public list, offer page, comment form and its confirmation,
and the panel's registration, publication and decision forms."""

from partnerstwo.lib import publication
from partnerstwo.organizations.tests import factories as directory
from partnerstwo.small_grants.models import SmallGrantOffer
from partnerstwo.small_grants.tests import factories as make
from tests.test_hostile_input import Rows, Target

SETTINGS = {"SMALL_GRANT_COMMENT_RATE": "1000000/h"}


def open_offer(rows) -> int:
    return make.offer(published_days_ago=1).pk


def received_offer(rows) -> int:
    return make.offer().pk


def offer_after_comments(rows) -> int:
    return make.offer(published_days_ago=8).pk


def organization_name(rows) -> str:
    return directory.organization().name


def sphere(rows) -> int:
    return make.sphere().pk


def unconfirmed_token(rows) -> str:
    from partnerstwo.small_grants import procedure

    offer = SmallGrantOffer.objects.get(pk=open_offer(rows))
    return procedure.confirmation_token(make.comment(offer, confirmed=False))


TARGETS = [
    Target("small grants list", "GET", "/konkursy/male-granty/", {"strona": "2"}),
    Target("small grant offer", "GET", "/konkursy/male-granty/{pk}/", {"pk": open_offer}),
    Target(
        "small grant comment",
        "POST",
        "/konkursy/male-granty/{pk}/",
        {
            "pk": open_offer,
            "author_name": "Maria Sąsiadka",
            "email": "maria.sasiadka@example.org",
            "text": "Proszę dodać zajęcia dla seniorów.",
            "altcha": Rows.solved_captcha,
        },
    ),
    Target("small grant comment confirmation link", "GET", "/konkursy/male-granty/potwierdz/{token}/",
           {"token": unconfirmed_token}),
    Target("small grant comment confirmation", "POST", "/konkursy/male-granty/potwierdz/{token}/",
           {"token": unconfirmed_token}),
    Target("small grant confirmed page", "GET", "/konkursy/male-granty/{pk}/potwierdzono/", {"pk": open_offer}),
    Target("panel: small grants", "GET", "/panel/konkursy/male-granty/", {"status": "published", "strona": "2"},
           "administrator"),
    Target(
        "panel: small grant registration",
        "POST",
        "/panel/konkursy/male-granty/nowa/",
        {
            "organization": organization_name,
            "department": lambda rows: make.department().pk,
            "sphere": sphere,
            "title": "Festyn sąsiedzki",
            "summary": "Festyn z warsztatami dla dzieci.",
            "amount": "7500,00",
            "task_start": "2027-05-01",
            "task_end": "2027-05-30",
            "received_on": "2026-11-20",
        },
        "administrator",
    ),
    Target("panel: small grant publication", "POST", "/panel/konkursy/male-granty/{pk}/publikacja/",
           {"pk": received_offer, **dict.fromkeys(publication.FIELDS, lambda rows: make.today().isoformat())},
           "administrator"),
    Target("panel: small grant decision", "POST", "/panel/konkursy/male-granty/{pk}/decyzja/",
           {"pk": offer_after_comments, "decision": "accept", "reason": "Uwagi uwzględniono."}, "administrator"),
]

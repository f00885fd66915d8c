"""Hostile input to the mailings panel (helper "mailings-panel"): its forms and GET filters."""

from tests.test_hostile_input import Target

MAILING_FORM = {
    "subject": "Szkolenie z pisania ofert",
    "body": "## Zapraszamy\n\nSzkolenie w **Centrum**.",
    "segment": "topic",
    "topic": "grants",
    "sphere": "",
    "district": "",
    "target_group": "",
}


def draft_pk(rows) -> int:
    from partnerstwo.newsletter.models import Mailing

    return Mailing.objects.create(subject="Szkic", body="Treść", segment="all_organizations").pk


def uncertain_mailing(rows):
    """One mailing per test (the URL and the ticked delivery must belong together)."""
    from partnerstwo.newsletter.models import Delivery, Mailing

    if getattr(rows, "uncertain_mailing", None) is not None:
        return rows.uncertain_mailing
    mailing = Mailing.objects.create(subject="Wysłana", body="Treść", segment="all_organizations", status="done")
    Delivery.objects.create(mailing=mailing, email="niepewny@example.org", status=Delivery.Status.UNCERTAIN)
    rows.uncertain_mailing = mailing
    return mailing


def suppressed_pk(rows) -> int:
    from partnerstwo.newsletter.models import SuppressedAddress

    return SuppressedAddress.objects.get_or_create(email="zly@example.org", defaults={"reason": "550"})[0].pk


TARGETS = [
    Target("panel: mailings list", "GET", "/panel/rozsylki/", {"rodzaj": "digest", "strona": "2"}, "official_x"),
    Target("panel: mailing form", "POST", "/panel/rozsylki/nowa/", MAILING_FORM, "official_x"),
    Target(
        "panel: mailing edit", "POST", "/panel/rozsylki/{pk}/edycja/",
        {**MAILING_FORM, "pk": draft_pk}, "official_x",
    ),
    Target(
        "panel: mailing schedule", "POST", "/panel/rozsylki/{pk}/zaplanuj/",
        {"scheduled_for": "2030-03-02T09:30", "pk": draft_pk}, "official_x",
    ),
    Target("panel: mailing cancel", "POST", "/panel/rozsylki/{pk}/anuluj/", {"pk": draft_pk}, "official_x"),
    Target(
        "panel: mailing failures", "GET", "/panel/rozsylki/{pk}/niedoreczone/",
        {"pk": lambda rows: uncertain_mailing(rows).pk, "strona": "2"}, "official_x",
    ),
    Target(
        "panel: resend uncertain", "POST", "/panel/rozsylki/{pk}/niepewne/",
        {
            "pk": lambda rows: uncertain_mailing(rows).pk,
            "action": "selected",
            "delivery": lambda rows: uncertain_mailing(rows).deliveries.get().pk,
        },
        "official_x",
    ),
    Target("panel: suppressed addresses", "GET", "/panel/rozsylki/wstrzymane/", {"q": "zly", "strona": "2"},
           "official_x"),
    Target("panel: lift suppression", "POST", "/panel/rozsylki/wstrzymane/{pk}/przywroc/", {"pk": suppressed_pk},
           "official_x"),
]

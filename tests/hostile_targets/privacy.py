"""Hostile input to the personal-data pages (helper "privacy"): the data export and the organisation's
mailing consent asked on its pages (posted with the page to return to)."""

from tests.hostile_targets.newsletter_public import represented_slug
from tests.test_hostile_input import Target

TARGETS = [
    Target("account: data export", "POST", "/konto/moje-dane/", {"format": "json"}, "resident"),
    Target("privacy policy page", "GET", "/polityka-prywatnosci/", {"strona": "1"}),
    Target("newsletter: organisation's consent from its profile", "POST", "/newsletter/organizacja/{slug}/",
           {"slug": represented_slug, "receive": "on", "topics": "grants", "language": "pl",
            "next": "/organizacje/"}, "representative_a"),
]

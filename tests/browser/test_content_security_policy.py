"""The Content-Security-Policy in a real browser: one page of each kind, no violation, map and captcha still work."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

TILES = re.compile(r"^https?://[^/]*tile\.openstreetmap\.org/")
# A 1×1 transparent PNG: the tile server, answered locally (the test machine has no network).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${where}`);
});
"""


class ViolationWatch:
    """Collects CSP violations from both the page's events and the browser console."""

    def __init__(self, context):
        self.console: list[str] = []
        context.add_init_script(RECORD_VIOLATIONS)
        context.route(TILES, lambda route: route.fulfill(status=200, content_type="image/png", body=PNG))
        self.context = context

    def open(self):
        page = self.context.new_page()
        page.on("console", self._on_console)
        page.on("worker", lambda worker: worker.on("console", self._on_console) if hasattr(worker, "on") else None)
        return page

    def _on_console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def assert_none(self, page, where: str):
        events = page.evaluate("() => window.__cspViolations")
        assert not events and not self.console, f"{where}: {events + self.console}"


def public_paths():
    from partnerstwo.events.models import Event, EventStatus
    from partnerstwo.grants.competitions.models import Competition
    from partnerstwo.organizations.models import Organization

    return {
        "home": "/",
        "directory": "/organizacje/",
        "organisation": Organization.objects.public().order_by("pk").first().get_absolute_url(),
        "calendar": "/wydarzenia/",
        "event": Event.objects.filter(status=EventStatus.PUBLISHED).order_by("pk").first().get_absolute_url(),
        "competitions": "/konkursy/",
        "competition": Competition.objects.public().order_by("pk").first().get_absolute_url(),
    }


def test_public_pages_report_no_csp_violation(new_context, demo_data):
    watch = ViolationWatch(new_context())
    for name, path in public_paths().items():
        page = watch.open()
        response = page.goto(path)
        assert response.ok, f"{name}: {response.status}"
        assert "'unsafe-inline'" not in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        watch.assert_none(page, name)
        page.close()


def test_the_map_shows_its_markers_and_tiles_under_the_policy(new_context, demo_data):
    watch = ViolationWatch(new_context())
    page = watch.open()

    page.goto("/organizacje/mapa/")

    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    expect(page.locator("img.leaflet-tile-loaded").first).to_be_attached()
    page.wait_for_load_state("networkidle")
    watch.assert_none(page, "map")


@pytest.mark.parametrize("form", ["feedback", "event registration"])
def test_the_captcha_is_solved_under_the_policy(new_context, demo_data, form):
    from partnerstwo.events.registration import open_occurrences

    watch = ViolationWatch(new_context())
    page = watch.open()

    page.goto("/uwagi/" if form == "feedback" else f"/zapisy/{open_occurrences().first().pk}/")
    page.get_by_role("checkbox", name="Nie jestem robotem").check()
    page.wait_for_function("() => document.querySelector('input[name=altcha]')?.value", timeout=20_000)

    watch.assert_none(page, f"{form} form with the captcha solved")


def test_the_panel_and_the_admin_report_no_csp_violation(new_context, log_in, demo_official):
    from partnerstwo.accounts.models import User

    administrator = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
    for user, paths in [
        (demo_official, ["/panel/", "/panel/wydarzenia/"]),
        (administrator, ["/admin/", "/admin/accounts/user/", f"/admin/accounts/user/{demo_official.pk}/change/"]),
    ]:
        context = new_context()
        log_in(context, user)
        watch = ViolationWatch(context)
        for path in paths:
            page = watch.open()
            response = page.goto(path)
            assert response.ok and page.url.endswith(path), f"{path}: {response.status} {page.url}"
            page.wait_for_load_state("networkidle")
            watch.assert_none(page, path)
            page.close()


def test_the_two_factor_set_up_pages_report_no_csp_violation(new_context, base_url, demo_data):
    from allauth.account.models import EmailAddress

    from conftest import PASSWORD
    from partnerstwo.accounts.models import User
    from partnerstwo.city.models import Department

    official = User.objects.create_user(
        email="nowy.urzednik@um.example.org", password=PASSWORD, role=User.Role.OFFICIAL,
        department=Department.objects.order_by("pk").first(),
    )
    EmailAddress.objects.create(user=official, email=official.email, verified=True, primary=True)
    watch = ViolationWatch(new_context())
    page = watch.open()
    page.goto("/konto/login/?next=/panel/")
    page.get_by_label("E-mail").fill(official.email)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj").click()

    # Sent from the panel to the set-up page, which says why.
    expect(page.get_by_text("Najpierw włącz weryfikację dwuetapową.")).to_be_visible()
    watch.assert_none(page, "two-factor overview")
    page.goto("/konto/2fa/totp/activate/")
    page.get_by_label("Hasło").fill(PASSWORD)  # allauth asks for the password again before set-up
    page.locator("main").get_by_role("button").first.click()
    expect(page.locator("img[src^='data:image/svg+xml']")).to_be_visible()  # the QR code
    page.wait_for_load_state("networkidle")
    watch.assert_none(page, "TOTP set-up")
    page.goto("/konto/2fa/webauthn/add/")
    expect(page.locator("h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    watch.assert_none(page, "passkey set-up")

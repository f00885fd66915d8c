"""KRS data: parsing the recorded extract, every way the API can fail, the difference page, the command.

No test reaches the network: a small HTTP server on 127.0.0.1 serves the recorded files from
shared/data/krs (the WOŚP extract and the 404 body) and plays the failures.
"""

import copy
import datetime
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from partnerstwo.organizations import krs
from partnerstwo.organizations.models import (
    KrsImportItem,
    KrsImportRun,
    Organization,
    OrganizationChangeRequest,
    OrganizationRevision,
)
from partnerstwo.organizations.tests import factories as make
from partnerstwo.organizations.tests.upkeep_helpers import NOT_FOUND_BODY, WOSP_EXTRACT, WOSP_KRS, wosp_json

pytestmark = pytest.mark.django_db

SLOW, MALFORMED, BROKEN, HTML = "0000000001", "0000000002", "0000000003", "0000000004"


class FakeKrsApi(BaseHTTPRequestHandler):
    """GET /api/krs/OdpisAktualny/<krs>?rejestr=S&format=json, answered from the recorded files."""

    requests: list[str] = []
    delay = 1.0

    def do_GET(self):  # noqa: N802 - http.server's hook name
        number = self.path.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
        self.requests.append(number)
        if number == WOSP_KRS:
            self.answer(200, WOSP_EXTRACT.read_bytes())
        elif number == SLOW:
            time.sleep(self.delay)
            self.answer(200, WOSP_EXTRACT.read_bytes().replace(WOSP_KRS.encode(), number.encode()))
        elif number == MALFORMED:
            self.answer(200, b'{"odpis": {"rodzaj": "Aktualny", "naglowekA": ')
        elif number == BROKEN:
            self.answer(500, b'{"title": "Internal Server Error", "status": 500}')
        elif number == HTML:
            self.answer(200, b"<html><body>Przerwa techniczna</body></html>", "text/html")
        else:
            self.answer(404, NOT_FOUND_BODY.read_bytes(), "application/problem+json")

    def answer(self, status, body, content_type="application/json"):
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test)

    def log_message(self, *args):
        pass


@pytest.fixture
def krs_api(settings):
    FakeKrsApi.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeKrsApi)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.KRS_API_URL = f"http://127.0.0.1:{server.server_port}/api/krs/OdpisAktualny/{{krs}}?rejestr=S&format=json"
    settings.KRS_API_TIMEOUT = 0.3
    yield FakeKrsApi
    server.shutdown()
    server.server_close()


@pytest.fixture
def wosp(representative_a):
    org = make.organization(
        "Fundacja Wielka Orkiestra Świątecznej Pomocy", krs=WOSP_KRS, nip="", legal_form="stowarzyszenie",
        street="ul. Dominikańska 19C", postal_code="02-738", town="Warszawa",
    )
    make.represent(representative_a, org)
    return org


# --- Parsing the recorded extract ---


def test_the_recorded_wosp_extract_gives_every_field_we_fill():
    record = krs.parse_extract(wosp_json())

    assert record.krs == "0000030897"
    assert record.name == "FUNDACJA WIELKA ORKIESTRA ŚWIĄTECZNEJ POMOCY"
    assert (record.legal_form, record.legal_form_raw) == ("fundacja", "FUNDACJA")
    assert record.nip == "5213003700"
    assert record.regon is None  # WOŚP's extract has no REGON
    assert (record.street, record.postal_code, record.town) == ("Dominikańska 19 C", "02-738", "Warszawa")
    assert record.is_opp is True
    assert record.supervising_authority == "MINISTER ZDROWIA I PREZYDENT M.ST. WARSZAWY"
    assert record.statutory_goals.startswith("1. PODSTAWOWYM CELEM FUNDACJI JEST DZIAŁALNOŚĆ W ZAKRESIE OCHRONY")
    assert "\t" not in record.statutory_goals
    assert record.register_status == "active"
    assert record.data_as_of == datetime.date(2025, 11, 20)
    assert record.warnings == []


@pytest.mark.parametrize(
    ("regon", "stored"),
    [("30204683000000", "302046830"), ("22204956600000", "222049566"), ("123456785", "123456785")],
)
def test_a_regon_padded_by_krs_is_stripped_before_validation(regon, stored):
    data = wosp_json()
    data["odpis"]["dane"]["dzial1"]["danePodmiotu"]["identyfikatory"]["regon"] = regon

    assert krs.parse_extract(data).regon == stored


def test_an_invalid_nip_in_the_extract_is_reported_and_not_used():
    data = wosp_json()
    data["odpis"]["dane"]["dzial1"]["danePodmiotu"]["identyfikatory"]["nip"] = "5213003701"

    record = krs.parse_extract(data)

    assert record.nip is None
    assert "NIP z KRS (5213003701) nie przechodzi kontroli" in record.warnings[0]


def test_liquidation_in_section_6_marks_the_organisation_in_liquidation():
    data = wosp_json()
    data["odpis"]["dane"]["dzial6"] = {"likwidacja": {"informacjaOOtwarciuLikwidacji": "X"}}

    assert krs.parse_extract(data).register_status == "in_liquidation"


def test_an_unknown_legal_form_keeps_the_current_one_and_says_so(wosp):
    data = wosp_json()
    data["odpis"]["dane"]["dzial1"]["danePodmiotu"]["formaPrawna"] = "INNA ORGANIZACJA SPOŁECZNA LUB ZAWODOWA"

    record = krs.parse_extract(data)

    assert record.legal_form is None
    assert "nie ma odpowiednika w katalogu" in record.warnings[0]
    assert "legal_form" not in {d.field for d in krs.differences(wosp, record)}


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.pop("odpis"),
        lambda d: d["odpis"].pop("naglowekA"),
        lambda d: d["odpis"]["dane"]["dzial1"]["danePodmiotu"].pop("nazwa"),
        lambda d: d["odpis"]["dane"].__setitem__("dzial1", []),
        lambda d: d["odpis"]["naglowekA"].__setitem__("numerKRS", "brak"),
    ],
)
def test_an_extract_missing_its_keys_is_malformed(damage):
    data = copy.deepcopy(wosp_json())
    damage(data)

    with pytest.raises(krs.KrsMalformed):
        krs.parse_extract(data)


# --- Fetching ---


def test_fetching_reads_the_extract_from_the_api(krs_api):
    assert krs.get_record(WOSP_KRS).name == "FUNDACJA WIELKA ORKIESTRA ŚWIĄTECZNEJ POMOCY"
    assert krs_api.requests == [WOSP_KRS]


@pytest.mark.parametrize(
    ("number", "error", "message"),
    [
        ("0000999999", krs.KrsNotFound, "nie ma podmiotu o tym numerze"),
        (SLOW, krs.KrsTimeout, "nie odpowiedział na czas"),
        (MALFORMED, krs.KrsMalformed, "której nie da się odczytać"),
        (HTML, krs.KrsMalformed, "której nie da się odczytać"),
        (BROKEN, krs.KrsUnavailable, "Nie udało się połączyć z serwerem KRS"),
    ],
)
def test_each_failure_of_the_api_has_its_own_polish_message(krs_api, number, error, message):
    with pytest.raises(error) as raised:
        krs.fetch_extract(number)

    assert message in str(raised.value)


def test_a_closed_port_is_a_network_error(settings):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.KRS_API_URL = f"http://127.0.0.1:{port}/{{krs}}"

    with pytest.raises(krs.KrsUnavailable):
        krs.fetch_extract(WOSP_KRS)


# --- The difference page ---


def test_a_representative_sees_the_differences_before_anything_is_saved(client, representative_a, wosp, krs_api):
    client.force_login(representative_a)
    url = reverse("my_organizations:krs", args=[wosp.slug])

    response = client.post(url, {"action": "fetch"})

    assert response.status_code == 200
    fields = {d.field for d in response.context["differences"]}
    # Case, spacing and "ul." are not differences; the town and postal code already agree.
    assert fields == {"legal_form", "nip", "is_opp", "supervising_authority", "statutory_goals"}
    body = response.content.decode()
    assert "MINISTER ZDROWIA I PREZYDENT M.ST. WARSZAWY" in body
    assert "20 listopada 2025" in body
    wosp.refresh_from_db()
    assert not wosp.revisions.exists() and wosp.nip == ""


def test_saving_krs_data_publishes_plain_fields_and_sends_identifying_ones_for_approval(
    client, representative_a, wosp, krs_api
):
    client.force_login(representative_a)
    url = reverse("my_organizations:krs", args=[wosp.slug])
    page = client.post(url, {"action": "fetch"})
    token = page.context["form"].initial["token"]

    response = client.post(url, {"action": "save", "token": token,
                                 "chosen": ["legal_form", "nip", "is_opp", "supervising_authority"]})

    assert response.status_code == 302
    wosp.refresh_from_db()
    assert wosp.is_opp and wosp.supervising_authority == "MINISTER ZDROWIA I PREZYDENT M.ST. WARSZAWY"
    assert wosp.statutory_goals == ""  # not chosen
    assert wosp.krs_data_as_of == datetime.date(2025, 11, 20)
    assert (wosp.nip, wosp.legal_form) == ("", "stowarzyszenie")
    revision = wosp.revisions.get()
    assert revision.source == OrganizationRevision.Source.KRS
    assert set(revision.changes) == {"is_opp", "supervising_authority", "krs_data_as_of"}
    change = OrganizationChangeRequest.objects.get()
    assert change.source == OrganizationChangeRequest.Source.KRS
    assert change.changes == {"legal_form": ["stowarzyszenie", "fundacja"], "nip": ["", "5213003700"]}


def test_an_official_applies_krs_data_directly(client, official_x, wosp, krs_api):
    client.force_login(official_x)
    url = reverse("my_organizations:krs", args=[wosp.slug])
    token = client.post(url, {"action": "fetch"}).context["form"].initial["token"]

    client.post(url, {"action": "save", "token": token,
                      "chosen": ["legal_form", "nip", "is_opp", "supervising_authority", "statutory_goals"]})

    wosp.refresh_from_db()
    assert (wosp.nip, wosp.legal_form, wosp.is_opp) == ("5213003700", "fundacja", True)
    assert not OrganizationChangeRequest.objects.exists()
    assert wosp.revisions.get().changed_by == official_x


@pytest.mark.parametrize(
    ("number", "message"),
    [("0000999999", "nie ma podmiotu o tym numerze"), (SLOW, "nie odpowiedział na czas"),
     (MALFORMED, "której nie da się odczytać")],
)
def test_the_page_explains_an_unknown_number_a_timeout_and_a_malformed_reply(
    client, official_x, krs_api, number, message
):
    org = make.organization("Stowarzyszenie", krs=number)
    client.force_login(official_x)

    response = client.post(reverse("my_organizations:krs", args=[org.slug]), {"action": "fetch"})

    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_forged_krs_token_is_refused(client, official_x, wosp):
    client.force_login(official_x)
    url = reverse("my_organizations:krs", args=[wosp.slug])

    response = client.post(url, {"action": "save", "token": "forged", "chosen": ["nip"]}, follow=True)

    assert "Dane z KRS wygasły" in response.content.decode()
    wosp.refresh_from_db()
    assert wosp.nip == ""


def test_a_record_for_another_number_is_not_applied(official_x, wosp):
    other = make.organization("Inna", krs="0000111111")
    record = krs.parse_extract(wosp_json())

    with pytest.raises(Exception, match="innego numeru KRS"):
        krs.apply_record(other, record, user=official_x)


def test_another_representative_cannot_fetch_krs_data_for_an_organisation(client, representative_b, wosp, krs_api):
    client.force_login(representative_b)

    assert client.post(reverse("my_organizations:krs", args=[wosp.slug]), {"action": "fetch"}).status_code == 404
    assert krs_api.requests == []


# --- manage.py import_krs ---


def write_numbers(tmp_path, *lines):
    path = tmp_path / "numbers.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_the_command_updates_creates_and_summarises(tmp_path, krs_api, capsys):
    existing = make.organization("Fundacja WOŚP", krs=WOSP_KRS, nip="", legal_form="fundacja")
    path = write_numbers(tmp_path, "# numery do sprawdzenia", "30897", "0000999999", "to nie numer", "0000999999")

    call_command("import_krs", "--file", path, "--delay", "0")

    out, err = capsys.readouterr()
    assert "[1/2] 0000030897: zaktualizowano" in out
    assert "[2/2] 0000999999: brak w KRS" in out
    assert "zaktualizowano: 1" in out and "brak w KRS: 1" in out and "błąd: 0" in out
    assert "„to nie numer” pominięty" in err
    existing.refresh_from_db()
    assert existing.nip == "5213003700"  # the command applies identifying fields directly
    assert existing.revisions.get().source == OrganizationRevision.Source.KRS
    assert KrsImportRun.objects.get().finished_at is not None


def test_the_command_creates_missing_organisations_only_when_asked(tmp_path, krs_api, capsys):
    path = write_numbers(tmp_path, WOSP_KRS)

    call_command("import_krs", "--file", path, "--delay", "0")
    assert not Organization.objects.exists()
    assert "brak w katalogu" in capsys.readouterr().out

    call_command("import_krs", "--file", path, "--delay", "0", "--create-missing", "--restart")
    org = Organization.objects.get()
    assert (org.krs, org.is_published) == (WOSP_KRS, True)
    assert org.slug == "fundacja-wielka-orkiestra-swiatecznej-pomocy"
    assert org.revisions.get().changes["name"] == [None, "FUNDACJA WIELKA ORKIESTRA ŚWIĄTECZNEJ POMOCY"]


def test_an_interrupted_import_resumes_where_it_stopped(tmp_path, krs_api, monkeypatch, capsys):
    make.organization("WOŚP", krs=WOSP_KRS)
    make.organization("Druga", krs="0000999998")
    make.organization("Trzecia", krs="0000999997")
    path = write_numbers(tmp_path, WOSP_KRS, "0000999998", "0000999997")
    real_fetch = krs.fetch_extract

    def fetch_then_crash(number, **kwargs):
        if number == "0000999998":
            raise KeyboardInterrupt  # the operator pressed Ctrl+C, or the machine went down
        return real_fetch(number, **kwargs)

    monkeypatch.setattr(krs, "fetch_extract", fetch_then_crash)
    with pytest.raises(KeyboardInterrupt):
        call_command("import_krs", "--file", path, "--delay", "0")
    assert dict(KrsImportItem.objects.values_list("krs", "status")) == {
        WOSP_KRS: "updated", "0000999998": "pending", "0000999997": "pending",
    }

    monkeypatch.setattr(krs, "fetch_extract", real_fetch)
    krs_api.requests.clear()
    call_command("import_krs", "--file", path, "--delay", "0")

    assert krs_api.requests == ["0000999998", "0000999997"]  # the first number is not fetched again
    out = capsys.readouterr().out
    assert "Wznawiam import" in out and "zostało 2 z 3" in out
    assert KrsImportRun.objects.count() == 1
    assert KrsImportRun.objects.get().finished_at is not None


def test_numbers_that_failed_are_fetched_again_on_the_next_run(tmp_path, krs_api, capsys):
    make.organization("Wolny serwer", krs=SLOW)
    path = write_numbers(tmp_path, SLOW, WOSP_KRS)

    call_command("import_krs", "--file", path, "--delay", "0")
    out = capsys.readouterr().out
    assert "[1/2] 0000000001: błąd — Serwer KRS nie odpowiedział na czas" in out
    assert "pobrane ponownie" in out
    assert KrsImportRun.objects.get().finished_at is None

    krs_api.delay = 0
    try:
        krs_api.requests.clear()
        call_command("import_krs", "--file", path, "--delay", "0")
    finally:
        krs_api.delay = 1.0
    assert krs_api.requests == [SLOW]
    assert KrsImportItem.objects.get(krs=SLOW).status == "updated"


def test_the_command_refuses_a_file_without_numbers(tmp_path):
    with pytest.raises(CommandError, match="żadnego poprawnego numeru"):
        call_command("import_krs", "--file", write_numbers(tmp_path, "abc", ""), "--delay", "0")

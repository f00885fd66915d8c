"""Both catalogues are complete for what exists, and the translations really load."""

import ast
import re
from pathlib import Path

import allauth
import django.contrib.admin
import pytest
from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def read_po(path: Path) -> list[dict]:
    """A small .po reader: each entry's flags, msgid and msgstr(s), enough to check completeness."""
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and ("msgid" in entry):
            entries.append(entry)

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            entry, field = None, None
            continue
        if entry is None:
            entry = {"flags": set(), "msgstr": {}, "obsolete": False}
        if line.startswith("#~"):
            entry["obsolete"] = True
            continue
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        if line.startswith("msgctxt "):
            field = "msgctxt"
            entry[field] = ast.literal_eval(line[8:])
        elif line.startswith("msgid_plural "):
            field = "msgid_plural"
            entry[field] = ast.literal_eval(line[13:])
        elif line.startswith("msgid "):
            field = "msgid"
            entry[field] = ast.literal_eval(line[6:])
        elif line.startswith("msgstr["):
            index, _, value = line[7:].partition("] ")
            field = ("msgstr", index)
            entry["msgstr"][index] = ast.literal_eval(value)
        elif line.startswith("msgstr "):
            field = ("msgstr", "0")
            entry["msgstr"]["0"] = ast.literal_eval(line[7:])
        elif line.startswith('"'):
            value = ast.literal_eval(line)
            if isinstance(field, tuple):
                entry["msgstr"][field[1]] += value
            else:
                entry[field] += value
    finish()
    return [e for e in entries if e["msgid"] and not e["obsolete"]]


@pytest.mark.parametrize("language", ["pl", "en"])
def test_the_catalogue_has_no_empty_or_fuzzy_entry(language):
    path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    entries = read_po(path)
    assert len(entries) > 100, "the catalogue looks empty: run make messages-update"
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    empty = [e["msgid"] for e in entries if not e["msgstr"] or any(not s for s in e["msgstr"].values())]
    assert not fuzzy, f"fuzzy entries in {language}: {fuzzy[:20]}"
    assert not empty, f"untranslated entries in {language}: {empty[:20]}"


def test_the_english_translation_is_loaded():
    with translation.override("en"):
        assert translation.gettext("Przejdź do treści") == "Skip to content"
    with translation.override("pl"):
        assert translation.gettext("Przejdź do treści") == "Przejdź do treści"


def test_the_english_site_says_english_things(client, db):
    response = client.get("/en/")
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()
    assert "Skip to content" in response.content.decode()
    polish = client.get("/")
    assert '<html lang="pl"' in polish.content.decode()
    assert "Przejdź do treści" in polish.content.decode()


# A Polish verb in the second person past tense names the reader's gender ("zapomniałeś": a man). A personal form of
# address offers both ("zapisałeś(-aś)", "zapisałeś / zapisałaś") or, better, avoids the gendered form.
MASCULINE_ONLY = re.compile(
    r"\b(\w+)łeś\b(?!\s*\(-aś\)|\s*(?:/|lub)\s*\1łaś)|\bzalogowany\b(?!/-a)|\bpewny\b|\bpewien\b", re.IGNORECASE,
)
LIBRARY_CATALOGUES = [
    Path(allauth.__file__).parent / "locale" / "pl" / "LC_MESSAGES" / "django.po",
    Path(django.contrib.admin.__file__).parent / "locale" / "pl" / "LC_MESSAGES" / "django.po",
]


def polish_texts(entry) -> list[str]:
    with translation.override("pl"):
        if "msgid_plural" in entry:
            return [translation.ngettext(entry["msgid"], entry["msgid_plural"], n) for n in (1, 2, 5, 22)]
        return [translation.gettext(entry["msgid"])]


@pytest.mark.parametrize("catalogue", [LOCALE_DIR / "pl" / "LC_MESSAGES" / "django.po", *LIBRARY_CATALOGUES],
                         ids=["ours", "allauth", "admin"])
def test_no_polish_text_addresses_only_men(catalogue):
    gendered = [text for entry in read_po(catalogue) if "msgctxt" not in entry
                for text in polish_texts(entry) if MASCULINE_ONLY.search(text)]

    assert not gendered, "\n".join(gendered)


def test_the_sign_in_page_asks_everyone_whether_they_remember_the_password(client, db):
    page = client.get("/konto/login/").content.decode()

    assert "Nie pamiętasz hasła?" in page and "Zapomniałeś" not in page


# What the city must still confirm goes to the administrators' documentation (docs/law.md, README); a page states the
# rule, never a developer's note or the name of the setting behind it.
DEVELOPER_NOTE = re.compile(
    r"\[niezweryfikowane\]|\bTODO\b|\bFIXME\b|radc[aąy] prawn|do potwierdzenia z", re.IGNORECASE,
)


def test_no_user_facing_text_holds_a_developers_note_or_a_settings_name():
    from django.conf import settings

    setting_names = {name for name in dir(settings) if name.isupper() and "_" in name}
    found = []
    for entry in read_po(LOCALE_DIR / "pl" / "LC_MESSAGES" / "django.po"):
        text = entry["msgid"]
        words = set(re.findall(r"\b[A-Z][A-Z0-9_]+\b", text))
        if DEVELOPER_NOTE.search(text) or words & setting_names:
            found.append(text)

    assert not found, "\n".join(found)

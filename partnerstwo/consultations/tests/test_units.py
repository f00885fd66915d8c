"""Splitting a pasted draft into its units: chapters, articles, paragraphs, ustępy, punkty, litery and tirets,
each with a stable address built from its numbers."""

from partnerstwo.consultations.units import split

RESOLUTION = """UCHWAŁA NR …/…/26
RADY MIASTA BIAŁYSTOK
w sprawie programu współpracy

Na podstawie art. 5a ust. 1 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego
uchwala się, co następuje:

Rozdział 1
Postanowienia ogólne

§ 1. Uchwala się program współpracy.
§ 2. 1. Ilekroć w programie jest mowa o:
1) ustawie – należy przez to rozumieć ustawę o działalności pożytku publicznego;
2) organizacjach – należy przez to rozumieć:
a) organizacje pozarządowe,
b) podmioty, o których mowa w art. 3 ust. 3 ustawy;
3) mieście – Miasto Białystok.
2. Program obowiązuje w roku 2027.

Rozdział 2 – Formy współpracy

§ 3. Współpraca odbywa się w formie:
– zlecania zadań publicznych,
– konsultowania projektów aktów prawnych.
§ 4. Wykonanie uchwały powierza się Prezydentowi Miasta.
"""


def anchors(text):
    return [unit.anchor for unit in split(text)]


def test_a_resolution_is_split_into_its_units_in_reading_order():
    assert anchors(RESOLUTION) == [
        "preambula", "rozdzial-1", "par-1", "par-2", "par-2-ust-1", "par-2-ust-1-pkt-1", "par-2-ust-1-pkt-2",
        "par-2-ust-1-pkt-2-lit-a", "par-2-ust-1-pkt-2-lit-b", "par-2-ust-1-pkt-3", "par-2-ust-2",
        "rozdzial-2", "par-3", "par-3-tir-1", "par-3-tir-2", "par-4",
    ]


def test_each_unit_keeps_its_own_text_and_label():
    units = {unit.anchor: unit for unit in split(RESOLUTION)}

    assert units["par-1"].label == "§ 1" and units["par-1"].text == "Uchwala się program współpracy."
    assert units["par-2"].text == ""  # "§ 2. 1. …": the paragraph opens with its first ustęp
    assert units["par-2-ust-1"].text == "Ilekroć w programie jest mowa o:"
    assert units["par-2-ust-1-pkt-2-lit-b"].label == "lit. b"
    assert units["par-2-ust-1-pkt-2-lit-b"].path_label == "§ 2 ust. 1 pkt 2 lit. b"
    assert units["par-2-ust-2"].path_label == "§ 2 ust. 2"


def test_a_chapter_takes_its_title_from_the_next_line_or_after_a_dash():
    units = {unit.anchor: unit for unit in split(RESOLUTION)}

    assert units["rozdzial-1"].heading == "Postanowienia ogólne"
    assert units["rozdzial-2"].heading == "Formy współpracy"


def test_the_preamble_is_everything_before_the_first_unit():
    preamble = split(RESOLUTION)[0]

    assert preamble.label == "Preambuła"
    assert preamble.text.startswith("UCHWAŁA NR") and preamble.text.endswith("co następuje:")


def test_a_line_that_starts_with_no_number_continues_the_unit_before_it():
    units = split("§ 1. Pierwsze zdanie\nciąg dalszy zdania.\n§ 2. Drugi.")

    assert [unit.text for unit in units] == ["Pierwsze zdanie\nciąg dalszy zdania.", "Drugi."]


def test_paragraphs_are_numbered_through_the_act_so_the_chapter_is_not_in_the_address():
    assert anchors("Rozdział 1\nA\n§ 1. x\nRozdział 2\nB\n§ 2. y") == ["rozdzial-1", "par-1", "rozdzial-2", "par-2"]


def test_an_act_in_articles_gets_art_addresses():
    assert anchors("Art. 1. Ustawa.\nArt. 2. 1. Ustęp.\n2. Drugi.\n1) punkt") == [
        "art-1", "art-2", "art-2-ust-1", "art-2-ust-2", "art-2-ust-2-pkt-1",
    ]


def test_numbers_with_letters_added_by_an_amendment_keep_their_letters():
    units = split("§ 5a. Dodany.\n§ 5b. 1. Ustęp.\n1a. Dodany ustęp.\n2a) dodany punkt")

    assert [unit.anchor for unit in units] == [
        "par-5a", "par-5b", "par-5b-ust-1", "par-5b-ust-1a", "par-5b-ust-1a-pkt-2a",
    ]
    assert units[-1].path_label == "§ 5b ust. 1a pkt 2a"


def test_points_and_letters_directly_in_a_paragraph_skip_the_ustep():
    assert anchors("§ 3. Cele:\n1) pierwszy,\na) litera,\n2) drugi.") == [
        "par-3", "par-3-pkt-1", "par-3-pkt-1-lit-a", "par-3-pkt-2",
    ]


def test_a_programme_without_paragraphs_is_numbered_by_its_points():
    assert anchors("1. Cel główny.\n2. Cele szczegółowe:\n1) pierwszy") == ["ust-1", "ust-2", "ust-2-pkt-1"]


def test_a_roman_chapter_number_is_kept():
    units = split("Rozdział IV\nFinansowanie\n§ 9. Kwota.")

    assert units[0].anchor == "rozdzial-iv" and units[0].label == "Rozdział IV" and units[0].heading == "Finansowanie"


def test_an_annex_numbers_its_units_afresh_under_its_own_prefix():
    assert anchors("§ 1. Uchwała.\nZałącznik nr 1 do uchwały\n§ 1. Regulamin.\n1. Ustęp.") == [
        "par-1", "zal-1", "zal-1-par-1", "zal-1-par-1-ust-1",
    ]


def test_a_number_written_twice_still_gets_an_address_of_its_own():
    assert anchors("§ 1. a\n§ 1. b\n§ 2. c") == ["par-1", "par-1-2", "par-2"]


def test_blank_lines_windows_line_ends_and_extra_spaces_do_not_matter():
    assert anchors("\r\n\r\n§  1.   Tekst\r\n\r\n2.  Ustęp\r\n") == ["par-1", "par-1-ust-2"]
    assert split("§  1.   Tekst  z   odstępami")[0].text == "Tekst z odstępami"


def test_empty_text_has_no_units():
    assert split("") == [] and split("  \n\n ") == []


def test_the_same_numbering_gives_the_same_addresses_in_every_version():
    first = anchors("§ 1. Stary tekst.\n§ 2. 1. Ustęp.\n2. Drugi.")
    second = anchors("§ 1. Nowy, zmieniony tekst.\n§ 2. 1. Ustęp poprawiony.\n2. Drugi.")

    assert first == second


def test_a_letter_line_with_nothing_open_is_plain_text():
    assert [unit.anchor for unit in split("a) nie jest literą bez nadrzędnej jednostki")] == ["preambula"]

"""The proposed wording against the current one, word by word, as <del>/<ins>; versions compared unit by unit."""

from partnerstwo.consultations import units, wording


def test_changed_words_are_marked_and_the_rest_kept():
    html = wording.word_diff("Program obowiązuje w roku 2027.", "Program obowiązuje w latach 2027–2028.")

    assert html == "Program obowiązuje w <del>roku</del><ins>latach</ins> <del>2027.</del><ins>2027–2028.</ins>"


def test_added_and_removed_words_alone():
    assert wording.word_diff("a b", "a x b") == "a <ins>x </ins>b"
    assert wording.word_diff("a x b", "a b") == "a <del>x </del>b"


def test_the_texts_are_escaped():
    assert "<script>" not in wording.word_diff("", "<script>alert(1)</script>")


def test_versions_are_compared_by_anchor():
    old = units.split("§ 1. Stary.\n§ 2. Bez zmian.\n§ 3. Usunięty.")
    new = units.split("§ 1. Nowy.\n§ 2. Bez zmian.\n§ 4. Dodany.")

    changes = {change.anchor: change.change for change in wording.compare_versions(old, new)}

    assert changes == {"par-1": "changed", "par-4": "added", "par-3": "removed"}

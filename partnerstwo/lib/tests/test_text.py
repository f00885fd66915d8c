from partnerstwo.lib.text import fold, search_terms


def test_it_folds_polish_letters_and_case():
    assert fold("Łódź, ZWIERZĄT, Białystok") == "lodz, zwierzat, bialystok"


def test_a_query_becomes_folded_words_without_noise():
    assert search_terms("  Fundacja  „Dom” w Białymstoku ") == ["fundacja", "„dom”", "bialymstoku"]


def test_control_characters_never_reach_the_database():
    assert search_terms("rejestrowa\x00") == ["rejestrowa"]
    assert search_terms("\x00\x01") == []


def test_it_keeps_at_most_eight_words():
    assert len(search_terms("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10")) == 8

import datetime

import pytest

from partnerstwo.lib.editorial.demo import mail_link, read_texts, tel_link


def write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


def test_a_text_fills_its_front_matter_and_body_from_the_context(tmp_path):
    write(tmp_path, "01-zebranie.md", (
        '+++\nslug = "zebranie"\ntitle = "Zebranie w {{ year }} roku"\nlead = "Dnia {{ day|date:\'j E Y\' }} r."\n'
        "publication_day = -3\n+++\n"
        "Piszcie na {{ email|mail_link }}, dzwońcie: {{ phone|tel_link }}.\n"
    ))

    [text] = read_texts(tmp_path, {"year": 2027, "day": datetime.date(2027, 3, 30), "email": "a@example.org",
                                   "phone": "857328220"})

    assert text.slug == "zebranie"
    assert text.title == "Zebranie w 2027 roku"
    assert text.meta["lead"] == "Dnia 30 marca 2027 r."
    assert text.meta["publication_day"] == -3
    assert text.body == (
        "Piszcie na [a@example.org](mailto:a@example.org), dzwońcie: [85 732 82 20](tel:+48857328220).\n"
    )


def test_the_texts_come_in_the_order_of_their_file_names(tmp_path):
    write(tmp_path, "2-drugi.md", '+++\nslug = "drugi"\ntitle = "Drugi"\n+++\n')
    write(tmp_path, "1-pierwszy.md", '+++\nslug = "pierwszy"\ntitle = "Pierwszy"\n+++\n')
    write(tmp_path, "notatki.txt", "not a demo text")

    assert [text.slug for text in read_texts(tmp_path, {})] == ["pierwszy", "drugi"]


def test_the_citys_facts_are_not_escaped_as_html(tmp_path):
    write(tmp_path, "a.md", '+++\nslug = "a"\ntitle = "{{ name }}"\n+++\n{{ name }} > "cytat"\n')

    [text] = read_texts(tmp_path, {"name": 'Fundacja "Ą" & Co'})

    assert text.title == 'Fundacja "Ą" & Co'
    assert text.body == 'Fundacja "Ą" & Co > "cytat"\n'


def test_a_placeholder_the_loader_does_not_fill_stops_the_demo(tmp_path):
    write(tmp_path, "a.md", '+++\nslug = "a"\ntitle = "A"\n+++\nSpotkanie {{ meting_day }}.\n')

    with pytest.raises(ValueError, match="a.md.*meting_day"):
        read_texts(tmp_path, {"meeting_day": "jutro"})


def test_a_placeholder_in_the_title_is_caught_too(tmp_path):
    write(tmp_path, "a.md", '+++\nslug = "a"\ntitle = "Rok {{ yera }}"\n+++\n')

    with pytest.raises(ValueError, match=r"a.md \(title\).*yera"):
        read_texts(tmp_path, {"year": 2027})


def test_a_file_without_front_matter_is_refused(tmp_path):
    write(tmp_path, "a.md", "Tylko treść\n+++\nslug = 'a'\n+++\n")

    with pytest.raises(ValueError, match="front matter"):
        read_texts(tmp_path, {})


def test_a_number_written_with_spaces_keeps_them_in_the_link_text():
    assert tel_link("85 732 82 20") == "[85 732 82 20](tel:+48857328220)"


def test_an_address_becomes_a_mailto_link():
    assert mail_link("iod@um.bialystok.pl") == "[iod@um.bialystok.pl](mailto:iod@um.bialystok.pl)"

"""A repeating event entered with plain choices: the RRULE they build, the errors, and editing a stored rule."""

import datetime

import pytest
from django.urls import reverse

from partnerstwo.events import schedule
from partnerstwo.events.forms import EventForm
from partnerstwo.events.models import Event, EventStatus, OrganizerKind
from partnerstwo.events.tests import factories as f

pytestmark = pytest.mark.django_db

# Tuesday 5 March 2030, 18:00–20:00; summer time starts on Sunday 31 March.
START, END = f.local(2030, 3, 5, 18), f.local(2030, 3, 5, 20)
NOW = f.local(2030, 1, 1, 12)


def data(**overrides):
    values = {
        "title": "Zajęcia ruchowe", "kind": "meeting", "organizer_kind": OrganizerKind.CENTRE,
        "starts_at": START.strftime("%Y-%m-%dT%H:%M"), "ends_at": END.strftime("%Y-%m-%dT%H:%M"),
        "venue": "Centrum", "street": "ul. Warszawska 12", "town": "Białystok",
        "is_free": "on", "registration_mode": "none",
    }
    values.update(overrides)
    return {key: value for key, value in values.items() if value is not None}


def form_for(user, instance=None, **overrides):
    return EventForm(data(**overrides), instance=instance, user=user)


def occurrences(rule, exdates=()):
    return schedule.occurrence_times(starts_at=START, ends_at=END, rule=rule, exdates=exdates, now=NOW)


# (the first day, the plain choices, the RRULE they stand for, its exdates)
SAME_AS = [
    (5, {"repeat": "weekly", "repeat_weekdays": ["1", "3"], "repeat_count": "10"}, "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10",
     []),
    (5, {"repeat": "weekly", "repeat_interval": "2", "repeat_weekdays": ["1"], "repeat_until": "2030-06-30"},
     "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20300630T235959", []),
    (31, {"repeat": "monthly_day", "repeat_month_day": "31", "repeat_count": "6"},
     "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=6", []),
    (12, {"repeat": "monthly_weekday", "repeat_nth_weekday": "2:1", "repeat_until": "2030-12-31"},
     "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2;UNTIL=20301231", []),
    (29, {"repeat": "monthly_weekday", "repeat_nth_weekday": "-1:4", "repeat_count": "5"},
     "FREQ=MONTHLY;BYDAY=-1FR;COUNT=5", []),
    (5, {"repeat": "weekly", "repeat_weekdays": ["1"], "repeat_count": "8",
         "repeat_exceptions": "19.03.2030\n02.04.2030"}, "FREQ=WEEKLY;BYDAY=TU;COUNT=8", ["2030-03-19", "2030-04-02"]),
]


@pytest.mark.parametrize(("day", "choices", "rule", "exdates"), SAME_AS, ids=[case[2] for case in SAME_AS])
def test_the_plain_choices_give_the_occurrences_of_the_rule_they_stand_for(official_x, day, choices, rule, exdates):
    start, end = f.local(2030, 3, day, 18), f.local(2030, 3, day, 20)
    form = form_for(official_x, starts_at=start.strftime("%Y-%m-%dT%H:%M"), ends_at=end.strftime("%Y-%m-%dT%H:%M"),
                    **choices)
    assert form.is_valid(), form.errors

    def occurrences_of(rule, exdates):
        return schedule.occurrence_times(starts_at=start, ends_at=end, rule=rule, exdates=exdates, now=NOW)

    built = occurrences_of(form.cleaned_data["rrule"], form.cleaned_data["exdates"])

    assert built == occurrences_of(rule, exdates)
    assert len(built) > 3
    assert built[0][0] == start  # the first date is the event's start
    # Across the change to summer time (31 March) the event stays at 18:00 on the wall clock.
    assert {begin.astimezone(f.WARSAW).hour for begin, _end in built} == {18}


def test_an_event_saved_through_the_form_has_the_occurrences_of_its_rule(client, official_x):
    client.force_login(official_x)
    response = client.post(reverse("panel:events_panel:create"), data(
        repeat="weekly", repeat_weekdays=["1", "3"], repeat_until="2030-04-30", repeat_exceptions="2.04.2030",
    ))

    assert response.status_code == 302
    event = Event.objects.get()
    assert event.rrule == "FREQ=WEEKLY;UNTIL=20300430T215959Z;BYDAY=TU,TH"
    assert event.exdates == ["2030-04-02"]
    stored = [(o.starts_at, o.ends_at) for o in event.occurrences.order_by("starts_at")]
    assert stored == occurrences("FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20300430", ["2030-04-02"])
    assert len(stored) == 17 - 1


def test_a_one_off_event_has_no_rule(official_x):
    form = form_for(official_x, repeat="no", repeat_weekdays=["1"], repeat_count="4")
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["rrule"], form.cleaned_data["exdates"]) == ("", [])


BAD_INPUT = [
    ({"repeat": "weekly", "repeat_weekdays": ["1"], "repeat_until": "2030-03-04"}, "repeat_until",
     "Koniec powtarzania nie może być wcześniejszy niż początek wydarzenia."),
    ({"repeat": "weekly", "repeat_count": "4"}, "repeat_weekdays", "Zaznacz co najmniej jeden dzień tygodnia."),
    ({"repeat": "weekly", "repeat_weekdays": ["1"], "repeat_count": "0"}, "repeat_count",
     "Podaj liczbę terminów od 2 do 750."),
    ({"repeat": "weekly", "repeat_weekdays": ["1"], "repeat_count": "10000"}, "repeat_count",
     "Podaj liczbę terminów od 2 do 750."),
    ({"repeat": "weekly", "repeat_weekdays": ["1"]}, "repeat_until",
     "Podaj, do którego dnia wydarzenie się powtarza, albo liczbę terminów."),
    ({"repeat": "weekly", "repeat_weekdays": ["1"], "repeat_until": "2030-06-30", "repeat_count": "4"}, "repeat_count",
     "Podaj datę końca albo liczbę terminów, nie jedno i drugie."),
    ({"repeat": "weekly", "repeat_weekdays": ["1"], "repeat_until": "2036-01-01"}, "repeat_until",
     "Powtarzanie może trwać najwyżej 5 lat i mieć najwyżej 750 terminów: podaj wcześniejszą datę końca."),
    ({"repeat": "weekly", "repeat_weekdays": ["0", "1", "2", "3", "4", "5"], "repeat_until": "2033-01-01"},
     "repeat_until", "Powtarzanie może trwać najwyżej 5 lat i mieć najwyżej 750 terminów"),
    ({"repeat": "monthly_day", "repeat_month_day": "31", "repeat_until": "2030-03-20"}, "repeat",
     "W wybranym okresie nie wypada żaden termin: sprawdź wybrane dni i koniec."),
    ({"repeat": "weekly", "repeat_weekdays": ["9"], "repeat_count": "4"}, "repeat_weekdays", "Wybierz poprawną"),
    ({"repeat": "monthly_day", "repeat_month_day": "32", "repeat_count": "4"}, "repeat_month_day",
     "Podaj dzień miesiąca od 1 do 31."),
    ({"repeat": "monthly_day", "repeat_count": "4"}, "repeat_month_day", "Podaj dzień miesiąca od 1 do 31."),
    ({"repeat": "monthly_weekday", "repeat_count": "4"}, "repeat_nth_weekday",
     "Wybierz, w który dzień tygodnia miesiąca."),
    ({"repeat": "monthly_weekday", "repeat_nth_weekday": "7:1", "repeat_count": "4"}, "repeat_nth_weekday",
     "Wybierz poprawną"),
    ({"repeat": "weekly", "repeat_weekdays": ["1"], "repeat_count": "4", "repeat_interval": "0"}, "repeat_interval",
     "Podaj liczbę od 1 do 12."),
    ({"repeat": "weekly", "repeat_weekdays": ["1"], "repeat_count": "4", "repeat_exceptions": "wigilia\n12.03.2030"},
     "repeat_exceptions", "Nie rozpoznano dat: wigilia. Wpisz daty w postaci DD.MM.RRRR, np. 24.12.2026."),
    ({"repeat": "weekly", "repeat_weekdays": ["1"], "repeat_count": "4", "repeat_exceptions": "13.03.2030"},
     "repeat_exceptions", "W te dni wydarzenie i tak się nie odbywa: 13.03.2030."),
    ({"repeat": "weekly", "repeat_weekdays": ["1"], "repeat_count": "2", "repeat_exceptions": "5.03.2030 12.03.2030"},
     "repeat_exceptions", "Wyłączono wszystkie terminy: zostaw przynajmniej jeden."),
    ({"repeat": "weekly", "repeat_weekdays": ["2"], "repeat_count": "4"}, "repeat_weekdays",
     "Początek wydarzenia (05.03.2030) nie pasuje do wybranego powtarzania: zmień wybór albo datę początku."),
    ({"repeat": "monthly_day", "repeat_month_day": "6", "repeat_count": "4"}, "repeat_month_day",
     "Początek wydarzenia (05.03.2030) nie pasuje do wybranego powtarzania"),
    ({"repeat": "monthly_weekday", "repeat_nth_weekday": "-1:1", "repeat_count": "4"}, "repeat_nth_weekday",
     "Początek wydarzenia (05.03.2030) nie pasuje do wybranego powtarzania"),
    ({"repeat": "no", "repeat_exceptions": "05.03.2030"}, "repeat_exceptions",
     "Dni bez wydarzenia podaje się tylko przy powtarzaniu."),
    ({"repeat": "co tydzień"}, "repeat", "Wybierz poprawną"),
]


@pytest.mark.parametrize(("choices", "field", "message"), BAD_INPUT, ids=[str(c) for c, _f, _m in BAD_INPUT])
def test_bad_choices_are_refused_next_to_their_field_and_nothing_is_saved(client, official_x, choices, field,
                                                                          message):
    client.force_login(official_x)
    response = client.post(reverse("panel:events_panel:create"), data(**choices))

    assert response.status_code == 200
    form = response.context["form"]
    assert any(error.startswith(message) for error in form.errors[field]), form.errors
    assert set(form.errors) == {field}
    assert f'id="id_{field}_error"' in response.content.decode()
    assert form["title"].value() == "Zajęcia ruchowe"  # what was typed stays
    assert not Event.objects.exists()


def test_editing_shows_the_stored_rule_as_plain_choices(official_x):
    event = f.event(starts_at=START, ends_at=END, rrule="FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2;UNTIL=20301231T000000Z",
                    exdates=["2030-04-09T18:00", "2030-05-14"])

    form = EventForm(instance=event, user=official_x)

    assert form["repeat"].value() == "monthly_weekday"
    assert form["repeat_nth_weekday"].value() == "2:1"
    # UNTIL=…T000000Z is 01:00 in Warsaw, before 18:00: the last possible day is the 30th.
    assert form["repeat_until"].value() == datetime.date(2030, 12, 30)
    assert form["repeat_exceptions"].value() == "09.04.2030\n14.05.2030"
    assert "FREQ=" not in form.as_div()


def test_saving_an_edit_without_changes_keeps_the_rule_and_its_exceptions(official_x):
    rule = "FREQ=WEEKLY;BYDAY=TU;COUNT=8"
    event = f.event(starts_at=START, ends_at=END, rrule=rule, exdates=["2030-03-19T18:00"], organizer_kind="centre")
    initial = EventForm(instance=event, user=official_x)
    posted = {name: initial[name].value() for name in initial.fields if initial[name].value() not in (None, False)}
    posted |= {"starts_at": START.strftime("%Y-%m-%dT%H:%M"), "ends_at": END.strftime("%Y-%m-%dT%H:%M"),
               "repeat_weekdays": [str(day) for day in posted["repeat_weekdays"]]}
    posted.pop("image", None)

    form = EventForm(posted, instance=event, user=official_x)

    assert form.is_valid(), form.errors
    assert occurrences(form.cleaned_data["rrule"], form.cleaned_data["exdates"]) == occurrences(
        rule, ["2030-03-19T18:00"]
    )
    assert form.cleaned_data["exdates"] == ["2030-03-19T18:00"]  # untouched, kept as stored


def test_a_rule_the_plain_choices_cannot_say_is_shown_read_only_and_kept(client, official_x):
    event = f.event(starts_at=START, ends_at=END, rrule="FREQ=DAILY;COUNT=5", organizer_kind=OrganizerKind.CENTRE,
                    department=official_x.department)
    client.force_login(official_x)
    url = reverse("panel:events_panel:edit", args=[event.pk])

    page = client.get(url).content.decode()
    assert "według reguły, której nie da się przedstawić w tym formularzu: FREQ=DAILY;COUNT=5" in page
    assert 'value="rule"' in page and 'name="rrule"' not in page

    assert client.post(url, data(repeat="rule", title="Nowy tytuł")).status_code == 302
    event.refresh_from_db()
    assert (event.title, event.rrule, event.occurrences.count()) == ("Nowy tytuł", "FREQ=DAILY;COUNT=5", 5)

    assert client.post(url, data(repeat="weekly", repeat_weekdays=["1"], repeat_count="3")).status_code == 302
    event.refresh_from_db()
    assert (event.rrule, event.occurrences.count()) == ("FREQ=WEEKLY;COUNT=3;BYDAY=TU", 3)


def test_nobody_can_keep_a_stored_rule_on_a_new_event(official_x):
    assert "repeat" in form_for(official_x, repeat="rule").errors


@pytest.mark.parametrize(("rule", "words"), [
    ("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10", "co tydzień: wtorek, czwartek; liczba terminów: 10"),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;UNTIL=20300630", "co 2. tydzień: poniedziałek; do 30.06.2030"),
    ("FREQ=MONTHLY;BYMONTHDAY=15;COUNT=6", "co miesiąc, 15. dnia miesiąca; liczba terminów: 6"),
    ("FREQ=MONTHLY;BYDAY=-1SU;COUNT=5", "co miesiąc: ostatnia niedziela; liczba terminów: 5"),
    ("FREQ=DAILY;COUNT=5", "FREQ=DAILY;COUNT=5"),
])
def test_an_official_reviewing_an_event_reads_its_repetition_in_words(client, official_x, organization_a, rule,
                                                                       words):
    event = f.event(starts_at=START, ends_at=END, rrule=rule, status=EventStatus.PENDING,
                    organization=organization_a)
    client.force_login(official_x)

    page = client.get(reverse("panel:events_panel:review", args=[event.pk])).content.decode()

    assert words in page


def test_a_proposed_change_of_the_repetition_reads_in_words(organization_a, representative_a):
    from partnerstwo.events import publishing
    from partnerstwo.events.models import EventChange

    event = f.event(starts_at=START, ends_at=END, rrule="FREQ=WEEKLY;BYDAY=TU;COUNT=8", organization=organization_a)
    change = EventChange.objects.create(event=event, proposed_by=representative_a, values={
        "rrule": "FREQ=MONTHLY;COUNT=6;BYDAY=2TU",
    })

    assert publishing.change_rows(change) == [(
        "Powtarzanie", "co tydzień: wtorek; liczba terminów: 8", "co miesiąc: drugi wtorek; liczba terminów: 6",
    )]


def test_the_english_form_speaks_english(client, official_x):
    client.force_login(official_x)

    page = client.get("/en" + reverse("panel:events_panel:create")).content.decode()

    assert "Does the event repeat?" in page and "every other week (month)" in page and "counting the first one" in page
    assert "second Tuesday" in page


def test_the_english_form_gives_the_photo_rule_in_english(client, official_x):
    client.force_login(official_x)

    page = client.get("/en" + reverse("panel:events_panel:create")).content.decode()

    assert "JPEG, PNG or WebP, at most 3 MB" in page and "najwyżej 3 MB" not in page


def test_an_official_reads_the_days_without_the_event_as_dates_in_words(client, official_x, organization_a):
    event = f.event(starts_at=START, ends_at=END, rrule="FREQ=WEEKLY;BYDAY=TU;COUNT=8", status=EventStatus.PENDING,
                    organization=organization_a, exdates=["2030-04-02", "2030-03-19"])
    client.force_login(official_x)

    page = client.get(reverse("panel:events_panel:review", args=[event.pk])).content.decode()

    assert "bez 19 marca 2030, 2 kwietnia 2030" in page and "2030-03-19" not in page


def test_the_admin_names_the_repetition_in_plain_words():
    field = Event._meta.get_field("rrule")

    assert "RRULE" not in str(field.verbose_name) and "FREQ" not in str(field.help_text)

"""Demo bulletin: the two issues before the current period, published, each from the demo's organisations' news,
events and competition results with an editorial and a note or two; the current period's issue in preparation;
and a few media contacts. Keyed by the
issue's number and the contact's address, so running it again creates nothing new. The issues were published
longer ago than BULLETIN_SEND_MAX_AGE_DAYS: the demo mails nobody about them."""

import datetime

from django.utils import timezone

from partnerstwo.accounts.models import User
from partnerstwo.bulletin.models import Issue, Item, MediaContact, issues_per_year, numbering_for, period_of
from partnerstwo.events.models import Event, EventStatus
from partnerstwo.grants.competitions.models import Competition
from partnerstwo.orgnews.models import Post

OFFICIAL = "urzednik@example.org"

CONTACTS = [
    ("Anna Dziennikarska", "Kurier Miejski", "redakcja@kurier.example.org"),
    ("Piotr Reporter", "Radio Miasto", "piotr.reporter@radio.example.org"),
    ("Ewa Portalowa", "Portal Osiedla", "ewa@portal-osiedla.example.org"),
]

ISSUES = [
    # (periods back from the current one, title, editorial, notes for the first items)
    (2, "Organizacje, które zmieniają osiedla",
     "W tym wydaniu: **sąsiedzkie akcje**, wydarzenia dla seniorów i rozstrzygnięty konkurs na kulturę.\n\n"
     "Dziękujemy organizacjom za relacje – piszcie do nas o swoich działaniach przez serwis.",
     ["Świetny przykład współpracy szkoły i stowarzyszenia."]),
    (1, "Wolontariusze, porady i sport",
     "Kwartał pełen **wolontariatu**: sprzątanie lasu, punkt porad dla seniorów i sukces młodych sportowców.\n\n"
     "Zachęcamy redakcje do przedruku – wkładka jest w wersji do druku na A4.",
     ["Punkt działa we wtorki i czwartki – warto przekazać tę informację dalej.", "Gratulujemy!"]),
]

DRAFT_TITLE = "W przygotowaniu: organizacje na koniec roku"
DRAFT_EDITORIAL = "Szkic wstępniaka – do uzupełnienia przed publikacją."


def _previous(year: int, number: int, back: int) -> tuple[int, int]:
    per_year = issues_per_year()
    index = year * per_year + (number - 1) - back
    return index // per_year, index % per_year + 1


def load(stdout, **options):
    for name, outlet, email in CONTACTS:
        MediaContact.objects.get_or_create(email=email, defaults={"name": name, "outlet": outlet})
    posts = list(Post.objects.published().order_by("-published_at", "-pk")[:4])
    events = list(Event.objects.filter(status=EventStatus.PUBLISHED).order_by("starts_at", "pk")[:4])
    results = list(Competition.objects.filter(status=Competition.Status.RESULTS).order_by("-results_published_at")[:2])
    if not (posts or events or results):
        stdout.write("  biuletyn: brak wiadomości, wydarzeń i wyników")
        return
    official = User.objects.filter(email=OFFICIAL).first()
    now = timezone.now()
    year, number = numbering_for(timezone.localdate())
    created = 0
    for index, (back, title, editorial, notes) in enumerate(ISSUES):
        issue_year, issue_number = _previous(year, number, back)
        if Issue.objects.filter(year=issue_year, number=issue_number).exists():
            continue
        start, end = period_of(issue_year, issue_number)
        published = min(timezone.make_aware(datetime.datetime.combine(end, datetime.time(10))) +
                        datetime.timedelta(days=5), now - datetime.timedelta(days=8))
        issue = Issue.objects.create(
            year=issue_year, number=issue_number, title=title, editorial=editorial, period_start=start,
            period_end=end, published_at=published, published_by=official, created_by=official,
        )
        # The older issue takes the older half of each kind, the newer one the newer half.
        half = slice(2, 4) if index == 0 else slice(0, 2)
        chosen = ([{"post": post} for post in posts[half]] + [{"event": event} for event in events[half]]
                  + [{"competition": competition} for competition in results[index:index + 1]])
        for position, target in enumerate(chosen, start=1):
            note = notes[position - 1] if position <= len(notes) else ""
            Item.objects.create(issue=issue, position=position, note=note, **target)
        created += 1
    if not Issue.objects.filter(year=year, number=number).exists():
        start, end = period_of(year, number)
        draft = Issue.objects.create(
            year=year, number=number, title=DRAFT_TITLE, editorial=DRAFT_EDITORIAL, period_start=start,
            period_end=end, created_by=official,
        )
        for position, found in enumerate(posts[:1], start=1):
            Item.objects.create(issue=draft, position=position, post=found)
        created += 1
    stdout.write(f"  biuletyn: {created} nowych wydań, {MediaContact.objects.count()} kontaktów w mediach")

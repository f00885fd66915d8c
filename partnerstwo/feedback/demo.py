"""Demo data for the feedback form: the categories and a few confirmed messages in the inbox."""

from datetime import timedelta

from django.utils import timezone

from partnerstwo.feedback.models import FeedbackCategory, FeedbackMessage

CATEGORIES = [
    "Błąd na stronie",
    "Propozycja zmiany treści",
    "Dostępność",
    "Inne",
]

# (category, page, e-mail, days ago, status, staff note, text)
MESSAGES = [
    (
        "Błąd na stronie",
        "/kontakt/",
        "ewa.kalinowska@example.org",
        1,
        FeedbackMessage.Status.NEW,
        "",
        "Na stronie kontaktowej numer telefonu komórkowego Centrum nie daje się kliknąć na telefonie, "
        "a numer stacjonarny tak. Czy można to poprawić? Dzwonię zwykle z komórki.",
    ),
    (
        "Propozycja zmiany treści",
        "/misja-i-cele/",
        "stowarzyszenie.dojlidy@example.org",
        4,
        FeedbackMessage.Status.ANSWERED,
        "Odpowiedziano mailowo 12:40; przekazano do redakcji strony, zmiana w przyszłym tygodniu.",
        "Dzień dobry, w opisie celów brakuje informacji, jak organizacja z osiedla może zgłosić się do "
        "współpracy z Zespołem Konsultacyjnym. Proponuję dopisać krótki akapit z adresem Centrum i godzinami "
        "dyżurów. Pozdrawiam, Marek Zalewski, Stowarzyszenie Przyjaciół Dojlid.",
    ),
    (
        "Dostępność",
        "/deklaracja-dostepnosci/",
        "j.sokolowski@example.org",
        9,
        FeedbackMessage.Status.CLOSED,
        "Sprawdzone w NVDA – skrót działał poprawnie, problem był po stronie starej wersji przeglądarki.",
        "Korzystam z czytnika ekranu NVDA. Po przejściu linkiem „Przejdź do treści” fokus nie trafiał na "
        "główną treść, tylko wracał na początek strony. Proszę o sprawdzenie.",
    ),
    (
        "Inne",
        "/aktualnosci/",
        "a.lewandowska.bialystok@example.org",
        2,
        FeedbackMessage.Status.NEW,
        "",
        "Czy aktualności mogłyby mieć zapisy na newsletter? Chciałabym dostawać informacje o konkursach "
        "dla organizacji pozarządowych bez codziennego zaglądania na stronę.",
    ),
]


def load(stdout, **options):
    categories = {}
    for position, name in enumerate(CATEGORIES, start=1):
        categories[name], _ = FeedbackCategory.objects.get_or_create(name=name, defaults={"position": position})
    now = timezone.now()
    for category, page, email, days_ago, status, note, text in MESSAGES:
        created_at = now - timedelta(days=days_ago, hours=3)
        FeedbackMessage.objects.get_or_create(
            email=email,
            message=text,
            defaults={
                "category": categories[category],
                "page": page,
                "status": status,
                "created_at": created_at,
                "confirmed_at": created_at + timedelta(minutes=12),
                "staff_note": note,
            },
        )
    stdout.write(
        f"  kategorie uwag: {FeedbackCategory.objects.count()}, "
        f"uwagi w skrzynce: {FeedbackMessage.objects.confirmed().count()}"
    )

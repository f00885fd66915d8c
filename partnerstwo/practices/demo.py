"""Demo good practices: a dozen published entries of every kind (the Centre's and organisations'), some with
PDF, ODT or DOCX attachments, one proposal waiting for review and one returned. Keyed by title."""

import io
import zipfile
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from partnerstwo.accounts.models import User
from partnerstwo.city.models import PublicTaskSphere
from partnerstwo.organizations.models import Organization
from partnerstwo.practices import review
from partnerstwo.practices.models import Attachment, GoodPractice, Kind, Status, Topic

CENTRE = "Centrum Współpracy z Organizacjami Pozarządowymi"
REPRESENTATIVE = "organizacja@example.org"
OFFICIAL = "urzednik@example.org"

TOPICS = [
    ("sprawozdawczosc", "Sprawozdawczość"), ("statut-i-zarzad", "Statut i zarząd"),
    ("wolontariat", "Wolontariat"), ("dotacje", "Dotacje i rozliczenia"),
    ("rodo", "Ochrona danych (RODO)"), ("dostepnosc", "Dostępność"), ("partnerstwa", "Partnerstwa"),
]

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
    b"4 0 obj<</Length 44>>stream\nBT /F1 18 Tf 72 770 Td (Dobra praktyka) Tj ET\nendstream\n"
    b"endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def docx_bytes(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"/>')
        archive.writestr("word/document.xml", f'<?xml version="1.0"?><document><body><p>{text}</p></body></document>')
    return buffer.getvalue()


def odt_bytes(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", f'<?xml version="1.0"?><office:document-content>{text}'
                         "</office:document-content>")
    return buffer.getvalue()


FILES = {"pdf": lambda title: PDF, "docx": docx_bytes, "odt": odt_bytes}

# (title, kind, organisation index or None for the Centre, spheres, topics, days ago, attachments, summary, body)
PRACTICES = [
    ("Wzór statutu stowarzyszenia rejestrowego", Kind.MODEL_DOCUMENT, None, ["ngo-support"],
     ["statut-i-zarzad"], 2, [("Wzór statutu (ODT)", "odt"), ("Wzór statutu (DOCX)", "docx")],
     "Statut do pobrania i dostosowania: cele, organy, tryb zmian, postanowienia o majątku.",
     "## Jak korzystać ze wzoru\n\n1. Wpisz **nazwę** i **siedzibę**.\n2. Opisz cele tak, by obejmowały sfery, "
     "w których chcecie działać.\n3. Sprawdź zapisy o komisji rewizyjnej.\n\nWzór przejrzał radca prawny Centrum."),
    ("Sprawozdanie roczne krok po kroku", Kind.GUIDE, None, ["ngo-support"], ["sprawozdawczosc"], 5,
     [("Poradnik (PDF)", "pdf")],
     "Co, komu i do kiedy organizacja musi złożyć za miniony rok: sprawozdanie finansowe, merytoryczne, OPP.",
     "## Terminy\n\n- zatwierdzenie sprawozdania finansowego – do 30 czerwca,\n- przesłanie do KAS i KRS – "
     "15 dni od zatwierdzenia,\n- sprawozdanie merytoryczne OPP – do 15 lipca.\n\nSzczegóły w poradniku."),
    ("Lista kontrolna: oferta w otwartym konkursie", Kind.CHECKLIST, None, ["ngo-support"], ["dotacje"], 9,
     [("Lista kontrolna (PDF)", "pdf")],
     "Dwadzieścia pytań, które warto zadać sobie przed złożeniem oferty w konkursie miasta.",
     "- [ ] Czy oferta jest podpisana przez osoby uprawnione według KRS?\n- [ ] Czy kosztorys zgadza się "
     "z harmonogramem?\n- [ ] Czy rezultaty są mierzalne?"),
    ("Standard współpracy z wolontariuszami", Kind.STANDARD, 0, ["volunteering", "local-communities"],
     ["wolontariat"], 12, [],
     "Jak Przyjaciele Dojlid przyjmują, wdrażają i dziękują wolontariuszom – standard spisany po pięciu latach.",
     "## Przyjęcie\n\nKażdy wolontariusz dostaje porozumienie i opiekuna.\n\n## Podziękowanie\n\nRaz w roku "
     "wystawiamy zaświadczenia i organizujemy spotkanie."),
    ("Nagranie szkolenia: RODO w małej organizacji", Kind.RECORDING, None, ["ngo-support"], ["rodo"], 15, [],
     "Półtoragodzinne szkolenie z napisami: rejestr czynności, zgody, listy uczestników.",
     "Szkolenie poprowadził inspektor ochrony danych urzędu. Nagranie ma napisy i transkrypcję."),
    ("Dostępne wydarzenie plenerowe – poradnik", Kind.GUIDE, 7, ["disability", "culture"], ["dostepnosc"], 20,
     [("Poradnik (PDF)", "pdf")],
     "Jak zaplanować piknik czy festyn tak, by mogły przyjść osoby z niepełnosprawnościami.",
     "## Przed wydarzeniem\n\nOpisz dojazd i toalety. Zapytaj o potrzeby w formularzu.\n\n## W czasie\n\n"
     "Strefa ciszy, tłumacz PJM na scenie, miejsca siedzące."),
    ("Umowa partnerska do projektu – wzór", Kind.MODEL_DOCUMENT, None, ["ngo-support"], ["partnerstwa"], 25,
     [("Wzór umowy (DOCX)", "docx")],
     "Wzór umowy między liderem a partnerem projektu: zadania, budżet, rozliczenie, własność rezultatów.",
     "Wzór powstał na potrzeby wspólnych ofert (art. 14 ust. 2 ustawy). Dostosuj paragrafy o budżecie."),
    ("Kompostownik szkolny: jak to zrobiliśmy", Kind.GUIDE, 1, ["ecology-animals", "education"], [], 30, [],
     "Fundacja opisuje, jak z uczniami trzech szkół założyła i prowadzi kompostowniki.",
     "Zaczęliśmy od jednej szkoły i jednego kompostownika. Po roku dołączyły kolejne dwie."),
    ("Rozliczenie dotacji – najczęstsze błędy", Kind.CHECKLIST, None, ["ngo-support"], ["dotacje",
     "sprawozdawczosc"], 40, [],
     "Błędy, przez które sprawozdanie z dotacji wraca do poprawy, i jak ich uniknąć.",
     "- faktury wystawione po terminie realizacji,\n- przesunięcia między pozycjami ponad limit z umowy,\n"
     "- brak opisu dokumentów księgowych."),
    ("Klub seniora – standard prowadzenia spotkań", Kind.STANDARD, 3, ["seniors"], [], 50, [],
     "Złota Jesień spisała, jak prowadzi cotygodniowe spotkania klubu: od programu po bezpieczeństwo.",
     "Program ustalamy z uczestnikami raz na kwartał. Każde spotkanie ma gospodarza."),
    ("Nagranie: jak napisać dobre rezultaty projektu", Kind.RECORDING, None, ["ngo-support"], ["dotacje"], 60,
     [], "Szkolenie z Forum Organizacji: rezultaty twarde i miękkie, wskaźniki, źródła weryfikacji.",
     "Nagranie z napisami. Prezentacja w załączniku do szkolenia w kalendarzu wydarzeń."),
    ("Polityka ochrony dzieci w organizacji – wzór", Kind.MODEL_DOCUMENT, 4, ["children-and-youth", "sport"],
     ["rodo"], 70, [("Polityka ochrony dzieci (PDF)", "pdf")],
     "Standardy ochrony małoletnich wymagane od organizacji pracujących z dziećmi – wzór klubu sportowego.",
     "Dokument obejmuje zasady relacji, procedurę interwencji i sposób jego udostępnienia rodzicom."),
]

PENDING = ("Sąsiedzkie sprzątanie stawów – jak zorganizować", Kind.GUIDE, ["local-communities"],
           "Nasze doświadczenia z pięciu wiosennych akcji sprzątania z mieszkańcami.",
           "## Zgody\n\nZgłoś akcję zarządcy terenu i poproś o worki.\n\n## Bezpieczeństwo\n\nRękawice i kamizelki.")
RETURNED = ("Kawiarenka dla seniorów", Kind.STANDARD, ["seniors"], "Jak prowadzimy środowe spotkania.", "Krótko.",
            "Prosimy opisać program spotkań i koszty – teraz opis jest zbyt krótki, by inni mogli z niego skorzystać.")


def load(stdout, **options):
    for slug, name in TOPICS:
        Topic.objects.get_or_create(slug=slug, defaults={"name": name, "position": len(slug)})
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    spheres = {sphere.slug: sphere for sphere in PublicTaskSphere.objects.all()}
    organizations = list(Organization.objects.public().order_by("pk")[:16])
    users = {user.email: user for user in User.objects.filter(email__in=[REPRESENTATIVE, OFFICIAL])}
    now = timezone.now()
    created = 0
    for title, kind, org_index, sphere_slugs, topic_slugs, days_ago, files, summary, body in PRACTICES:
        if GoodPractice.objects.filter(title=title).exists():
            continue
        organization = organizations[org_index] if org_index is not None and org_index < len(organizations) else None
        practice = GoodPractice.objects.create(
            title=title, slug=review.unique_slug(GoodPractice(title=title)), kind=kind, summary=summary, body=body,
            organization=organization, author="" if organization else CENTRE,
            recording_url="https://example.org/nagrania/szkolenie" if kind == Kind.RECORDING else "",
            reviewed_on=(now - timedelta(days=days_ago)).date(), status=Status.PUBLISHED,
            published_at=now - timedelta(days=days_ago), submitted_by=users.get(OFFICIAL),
        )
        practice.spheres.set([spheres[s] for s in sphere_slugs if s in spheres])
        practice.topics.set([topics[t] for t in topic_slugs])
        for position, (file_title, file_type) in enumerate(files, start=1):
            content = FILES[file_type](title)
            Attachment.objects.create(
                practice=practice, title=file_title, file=ContentFile(content, name=f"dokument.{file_type}"),
                file_type=file_type, size=len(content), position=position,
            )
        created += 1
    representative = users.get(REPRESENTATIVE)
    if organizations and representative:
        for (title, kind, sphere_slugs, summary, body, *reason), status in ((PENDING, Status.PENDING),
                                                                           (RETURNED, Status.RETURNED)):
            if GoodPractice.objects.filter(title=title).exists():
                continue
            practice = GoodPractice.objects.create(
                title=title, slug=review.unique_slug(GoodPractice(title=title)), kind=kind, summary=summary, body=body,
                organization=organizations[0], status=status, submitted_by=representative,
                review_reason=reason[0] if reason else "", reviewed_by=users.get(OFFICIAL) if reason else None,
            )
            practice.spheres.set([spheres[s] for s in sphere_slugs if s in spheres])
            created += 1
    stdout.write(f"  dobre praktyki: {created} nowych")

"""Demo data for the directory: 64 invented Białystok organisations (names, addresses and numbers are made up;
the numbers have valid checksums). Keyed by slug, so running it twice changes nothing.
"""

import datetime
import hashlib
import importlib
from decimal import Decimal

from django.apps import apps
from django.utils import timezone
from django.utils.text import slugify

from partnerstwo.accounts.models import User
from partnerstwo.city.models import District, PublicTaskSphere
from partnerstwo.city.reference import load_districts
from partnerstwo.lib.text import fold
from partnerstwo.organizations import fake_numbers, imports, opp_list
from partnerstwo.organizations.models import (
    LegalForm,
    OppListEdition,
    Organization,
    OrganizationChangeRequest,
    OrganizationImport,
    RegisterStatus,
    Representation,
    TargetGroup,
)

# Approximate centres of the osiedla; pins are spread a few hundred metres around them.
DISTRICT_CENTRES = {
    "Antoniuk": (53.1500, 23.1300), "Bacieczki": (53.1450, 23.1000), "Bema": (53.1200, 23.1450),
    "Białostoczek": (53.1500, 23.1600), "Bojary": (53.1350, 23.1750), "Centrum": (53.1325, 23.1600),
    "Dojlidy": (53.1150, 23.1900), "Dojlidy Górne": (53.1050, 23.2100), "Dziesięciny I": (53.1550, 23.1400),
    "Dziesięciny II": (53.1600, 23.1300), "Jaroszówka": (53.1100, 23.1600), "Kawaleryjskie": (53.1200, 23.1700),
    "Leśna Dolina": (53.1500, 23.1100), "Mickiewicza": (53.1250, 23.1700), "Młodych": (53.1450, 23.1450),
    "Nowe Miasto": (53.1100, 23.1400), "Piaski": (53.1300, 23.1850), "Piasta I": (53.1280, 23.1800),
    "Piasta II": (53.1250, 23.1900), "Przydworcowe": (53.1330, 23.1400), "Sienkiewicza": (53.1400, 23.1700),
    "Skorupy": (53.1200, 23.2000), "Słoneczny Stok": (53.1400, 23.1150), "Starosielce": (53.1350, 23.0900),
    "Wygoda": (53.1400, 23.1850), "Wysoki Stoczek": (53.1600, 23.1500), "Zawady": (53.1650, 23.1150),
    "Zielone Wzgórza": (53.1150, 23.1200),
}

A, AZ, F = LegalForm.ASSOCIATION, LegalForm.ORDINARY_ASSOCIATION, LegalForm.FOUNDATION
UKS, KGW, SPS = LegalForm.STUDENT_SPORTS_CLUB, LegalForm.RURAL_WOMENS_CIRCLE, LegalForm.SOCIAL_COOPERATIVE
CH, NP, G = LegalForm.CHURCH_ENTITY, LegalForm.NONPROFIT_COMPANY, LegalForm.INFORMAL_GROUP
CITY_SUPERVISOR = "Prezydent Miasta Białegostoku"

# name, short name, form, street, postal code, osiedle, spheres, target groups, 1.5% purpose (OPP if set),
# looking for volunteers, description
ORGANIZATIONS = [
    ("Stowarzyszenie Przyjaciół Osiedla Dojlidy", "Przyjaciele Dojlid", A, "ul. Dojlidy Fabryczne 14",
     "15-554", "Dojlidy", ["local-communities", "revitalisation"], ["mieszkancy-osiedla", "seniorzy"], "", True,
     "Sąsiedzkie pikniki, sprzątanie brzegów **stawów Dojlidzkich** i kawiarenka dla seniorów w każdą środę."),
    ("Fundacja Edukacji Ekologicznej Podlasie", "FEE Podlasie", F, "ul. Lipowa 32 lok. 4", "15-424", "Centrum",
     ["ecology-animals", "education"], ["dzieci", "mlodziez"], "warsztaty ekologiczne dla szkół", True,
     "Prowadzimy zajęcia terenowe w Puszczy Knyszyńskiej i w miejskich parkach, uczymy segregacji i kompostowania."),
    ("Fundacja Ochrony Zwierząt „Azyl Podlaski”", "Azyl Podlaski", F, "ul. Gajowa 85", "15-794", "Skorupy",
     ["ecology-animals"], ["zwierzeta"], "leczenie i adopcje bezdomnych zwierząt", True,
     "Opieka nad bezdomnymi psami i kotami, sterylizacje, domy tymczasowe i adopcje. Pomoc dla zwierząt "
     "z interwencji."),
    ("Stowarzyszenie Seniorów „Złota Jesień” z Antoniuka", "Złota Jesień", A, "ul. Antoniukowska 18",
     "15-740", "Antoniuk", ["seniors", "culture"], ["seniorzy"], "", True,
     "Klub seniora: zajęcia ruchowe, chór, wycieczki i nauka obsługi smartfona."),
    ("Uczniowski Klub Sportowy „Orlik” przy Szkole Podstawowej nr 42", "UKS Orlik", UKS, "ul. Pułaskiego 25",
     "15-337", "Nowe Miasto", ["sport", "children-and-youth"], ["dzieci", "mlodziez"], "", False,
     "Treningi piłki nożnej i lekkiej atletyki dla dzieci z Nowego Miasta; obozy letnie."),
    ("Koło Gospodyń Wiejskich „Zawadzianki”", "KGW Zawadzianki", KGW, "ul. Zawady 40", "15-181", "Zawady",
     ["national-tradition", "local-communities"], ["kobiety", "mieszkancy-osiedla"], "", False,
     "Kultywujemy podlaską kuchnię i rękodzieło; warsztaty pieczenia chleba i wycinanki."),
    ("Fundacja Pomocy Rodzinie „Przystań”", "Przystań", F, "ul. Warszawska 44 lok. 2", "15-077", "Centrum",
     ["family-support", "social-assistance"], ["rodziny", "dzieci"], "pomoc rodzinom w kryzysie", True,
     "Konsultacje psychologiczne, grupy wsparcia dla rodziców i pomoc w odrabianiu lekcji."),
    ("Stowarzyszenie na rzecz Osób z Niepełnosprawnością Intelektualną „Razem”", "Razem", A,
     "ul. Pogodna 63", "15-354", "Bema", ["disability", "social-reintegration"],
     ["osoby-z-niepelnosprawnosciami", "rodziny"], "terapia i warsztaty dla podopiecznych", True,
     "Warsztaty terapii zajęciowej, mieszkanie treningowe i wsparcie opiekunów."),
    ("Fundacja Kultury Ulicznej „Bojary”", "Kultura Bojary", F, "ul. Mazowiecka 9", "15-302", "Bojary",
     ["culture", "revitalisation"], ["mlodziez", "mieszkancy-osiedla"], "", True,
     "Murale, spacery śladami drewnianej zabudowy Bojar i festiwal podwórkowy."),
    ("Podlaskie Stowarzyszenie Pomocy Bezdomnym", "PSPB", A, "ul. Sienkiewicza 81", "15-003",
     "Sienkiewicza", ["social-assistance", "charity"], ["osoby-w-kryzysie-bezdomnosci"], "noclegownia i zupa na ulicy",
     True, "Streetworking, ciepły posiłek trzy razy w tygodniu i pomoc w wyrobieniu dokumentów."),
    ("Fundacja Integracji Cudzoziemców „Dom na Podlasiu”", "Dom na Podlasiu", F, "ul. Lipowa 10", "15-427",
     "Centrum", ["foreigners-integration", "education"], ["cudzoziemcy-migranci"], "", True,
     "Kursy języka polskiego, dyżury prawne i pomoc w sprawach urzędowych dla migrantów z Ukrainy i Białorusi."),
    ("Stowarzyszenie Trzeźwościowe „Nowa Droga”", "Nowa Droga", A, "ul. Kombatantów 4", "15-110",
     "Wysoki Stoczek", ["addiction-prevention"], ["osoby-uzaleznione", "rodziny"], "", False,
     "Grupy wsparcia dla osób uzależnionych i ich bliskich; klub abstynenta."),
    ("Białostocka Fundacja Rozwoju Przedsiębiorczości Społecznej", "BFRPS", F, "ul. Żelazna 7", "15-297",
     "Bojary", ["social-economy", "employment", "ngo-support"], ["osoby-bezrobotne", "organizacje-pozarzadowe"],
     "", False, "Doradztwo dla spółdzielni socjalnych i organizacji, które chcą prowadzić działalność odpłatną."),
    ("Spółdzielnia Socjalna „Smaki Podlasia”", "Smaki Podlasia", SPS, "ul. Produkcyjna 98", "15-680",
     "Dojlidy", ["social-reintegration", "employment"], ["osoby-bezrobotne"], "", False,
     "Catering i stołówka szkolna; zatrudniamy osoby wracające na rynek pracy."),
    ("Stowarzyszenie Miłośników Turystyki Rowerowej „Szprycha”", "Szprycha", A, "ul. Piastowska 21",
     "15-207", "Piasta I", ["tourism", "sport"], ["wszyscy"], "", True,
     "Niedzielne rajdy rowerowe po okolicach Białegostoku, serwis rowerowy dla członków."),
    ("Fundacja Wsparcia Osób Chorych Onkologicznie „Nadzieja”", "Nadzieja", F, "ul. Ciołkowskiego 2",
     "15-245", "Piasta II", ["health", "charity"], ["osoby-chore", "rodziny"], "leczenie i rehabilitacja podopiecznych",
     True, "Zbiórki na leczenie, wsparcie psychoonkologa i transport na chemioterapię."),
    ("Stowarzyszenie Historyczne „Białystok Dawniej”", "Białystok Dawniej", A, "ul. Kilińskiego 6",
     "15-089", "Centrum", ["national-tradition", "culture"], ["wszyscy"], "", False,
     "Dokumentujemy historię miasta: archiwum zdjęć, spacery z przewodnikiem i wykłady."),
    ("Fundacja Praw Człowieka i Edukacji Obywatelskiej", "FPCiEO", F, "ul. Świętojańska 15", "15-082",
     "Centrum", ["human-rights", "civic-counselling", "legal-aid"], ["wszyscy"], "bezpłatne porady prawne",
     False, "Nieodpłatne poradnictwo obywatelskie i prawne, edukacja o prawach człowieka w szkołach."),
    ("Stowarzyszenie Rodziców Dzieci z Autyzmem „Tęcza”", "Tęcza", A, "ul. Wiejska 45", "15-351",
     "Kawaleryjskie", ["disability", "family-and-childrens-rights"],
     ["dzieci", "rodziny", "osoby-z-niepelnosprawnosciami"], "terapia dzieci z autyzmem", True,
     "Terapia integracji sensorycznej, grupa wsparcia dla rodziców, turnusy."),
    ("Klub Sportowy „Jaroszówka Biega”", "Jaroszówka Biega", AZ, "ul. Jaroszówka 3", "15-120", "Jaroszówka",
     ["sport"], ["wszyscy"], "", True, "Wspólne bieganie we wtorki i czwartki, przygotowanie do półmaratonu."),
    ("Fundacja Akademia Młodego Programisty", "AMP", F, "ul. Wiejska 55", "15-351", "Kawaleryjskie",
     ["education", "innovation"], ["dzieci", "mlodziez"], "", False,
     "Zajęcia z programowania i robotyki dla uczniów szkół podstawowych."),
    ("Stowarzyszenie Mieszkańców Osiedla Słoneczny Stok", "Słoneczny Stok", A, "ul. Upalna 66", "15-668",
     "Słoneczny Stok", ["local-communities"], ["mieszkancy-osiedla"], "", True,
     "Dbamy o zieleń osiedlową, organizujemy festyn i konsultacje budżetu obywatelskiego."),
    ("Ochotnicza Straż Pożarna Białystok-Starosielce", "OSP Starosielce", A, "ul. Wrocławska 41",
     "15-644", "Starosielce", ["rescue", "public-order"], ["wszyscy"], "", True,
     "Ratownictwo, pokazy pierwszej pomocy i młodzieżowa drużyna pożarnicza."),
    ("Fundacja Teatru Lalek „Bajka”", "Teatr Bajka", F, "ul. Kalinowskiego 1", "15-875", "Centrum",
     ["culture", "children-and-youth"], ["dzieci"], "spektakle dla dzieci z rodzin w trudnej sytuacji", False,
     "Spektakle lalkowe w przedszkolach i szpitalach dziecięcych."),
    ("Stowarzyszenie Kobiet Aktywnych „Podlasianki”", "Podlasianki", A, "ul. Mickiewicza 46", "15-213",
     "Mickiewicza", ["gender-equality", "employment"], ["kobiety"], "", False,
     "Mentoring zawodowy dla kobiet, warsztaty przedsiębiorczości i grupa wsparcia."),
    ("Polskie Towarzystwo Turystyczno-Krajoznawcze – Oddział Białystok (koło osiedlowe)", "PTTK koło osiedlowe",
     AZ, "ul. Białówny 9", "15-437", "Centrum", ["tourism"], ["seniorzy", "wszyscy"], "", False,
     "Wycieczki piesze po Podlasiu, zdobywanie odznak krajoznawczych."),
    ("Fundacja „Bank Książek” z Białostoczka", "Bank Książek", F, "ul. Palmowa 13", "15-795", "Białostoczek",
     ["culture", "education"], ["dzieci", "seniorzy"], "", True,
     "Zbieramy książki i prowadzimy osiedlową bibliotekę wymiany oraz głośne czytanie."),
    ("Stowarzyszenie Kombatantów i Osób Represjonowanych – Koło Białystok", "Koło Kombatantów", A,
     "ul. Sybiraków 5", "15-204", "Sienkiewicza", ["veterans-repressed", "national-tradition"], ["seniorzy"], "",
     False, "Spotkania pamięci, lekcje historii w szkołach i opieka nad miejscami pamięci."),
    ("Fundacja Zdrowego Starzenia się „Vita”", "Vita", F, "ul. Piłsudskiego 11", "15-443", "Centrum",
     ["seniors", "health"], ["seniorzy"], "gimnastyka i profilaktyka dla seniorów", True,
     "Gimnastyka dla seniorów, badania profilaktyczne i wykłady o zdrowym odżywianiu."),
    ("Parafialny Zespół Caritas przy parafii św. Rocha", "Caritas św. Rocha", CH, "ul. Lipowa 4", "15-427",
     "Centrum", ["charity", "social-assistance"], ["rodziny", "osoby-w-kryzysie-bezdomnosci"], "", True,
     "Paczki żywnościowe, świetlica dla dzieci i pomoc sąsiedzka."),
    ("Stowarzyszenie Młodzieżowe „Wysoki Stoczek Gra”", "Stoczek Gra", A, "ul. Wasilkowska 64", "15-137",
     "Wysoki Stoczek", ["children-and-youth", "culture"], ["mlodziez"], "", True,
     "Gry planszowe, e-sport i klub filmowy dla młodzieży."),
    ("Fundacja Rehabilitacji Dzieci „Krok po Kroku”", "Krok po Kroku", F, "ul. Waszyngtona 17", "15-274",
     "Centrum", ["disability", "health"], ["dzieci", "osoby-z-niepelnosprawnosciami"], "rehabilitacja podopiecznych",
     False, "Subkonta podopiecznych, turnusy rehabilitacyjne i sprzęt ortopedyczny."),
    ("Białostockie Stowarzyszenie Muzyczne „Con Brio”", "Con Brio", A, "ul. Podleśna 2", "15-227", "Mickiewicza",
     ["culture"], ["mlodziez", "wszyscy"], "", False, "Orkiestra amatorska, koncerty w parkach i warsztaty wokalne."),
    ("Stowarzyszenie Przyjaciół Bacieczek", "Przyjaciele Bacieczek", A, "ul. Bacieczki 120", "15-689",
     "Bacieczki", ["local-communities", "ecology-animals"], ["mieszkancy-osiedla"], "", True,
     "Akcje sadzenia drzew, ochrona łąk nad Horodnianką i osiedlowa wymiana roślin."),
    ("Fundacja Wolontariatu Miejskiego", "FWM", F, "ul. Warszawska 30", "15-077", "Centrum",
     ["volunteering", "ngo-support"], ["wolontariusze", "organizacje-pozarzadowe"], "", True,
     "Centrum wolontariatu: łączymy wolontariuszy z organizacjami, szkolenia i zaświadczenia."),
    ("Stowarzyszenie Mniejszości Białoruskiej „Krynica”", "Krynica", A, "ul. Zamenhofa 27", "15-435",
     "Centrum", ["minorities", "culture"], ["mniejszosci-narodowe"], "", False,
     "Zespół pieśni, nauka języka białoruskiego i festiwal kultury pogranicza."),
    ("Fundacja Pomocy Ofiarom Przemocy „Bezpieczny Dom”", "Bezpieczny Dom", F, "ul. Świętego Rocha 3",
     "15-879", "Przydworcowe", ["social-assistance", "family-and-childrens-rights"], ["kobiety", "dzieci"],
     "hostel dla osób doznających przemocy", False,
     "Telefon zaufania, hostel interwencyjny i pomoc prawna dla osób doznających przemocy."),
    ("Uczniowski Klub Sportowy „Dwójka” Piaski", "UKS Dwójka", UKS, "ul. Komisji Edukacji Narodowej 7",
     "15-687", "Piaski", ["sport", "children-and-youth"], ["dzieci"], "", False,
     "Koszykówka i siatkówka dziewcząt i chłopców, turnieje międzyszkolne."),
    ("Fundacja Rozwoju Doliny Białej", "Dolina Białej", F, "ul. Młynowa 21", "15-404", "Centrum",
     ["revitalisation", "ecology-animals", "local-communities"], ["mieszkancy-osiedla"], "", True,
     "Rewitalizacja doliny rzeki Białej, spacery przyrodnicze i projekty zieleni."),
    ("Stowarzyszenie Pomocy Osobom Bezrobotnym „Praca i Ty”", "Praca i Ty", A, "ul. Legionowa 28", "15-281",
     "Centrum", ["employment", "social-reintegration"], ["osoby-bezrobotne"], "", False,
     "Klub pracy, warsztaty pisania CV i staże u lokalnych pracodawców."),
    ("Fundacja Dziedzictwa Kulturowego Podlasia", "FDKP", F, "ul. Kościelna 9", "15-087", "Centrum",
     ["culture", "national-tradition"], ["wszyscy"], "ochrona zabytkowych drewnianych domów", False,
     "Dokumentacja i ochrona drewnianej architektury, wydawnictwa i wystawy."),
    ("Osiedlowa Inicjatywa „Podwórko Leśnej Doliny”", "Podwórko Leśnej Doliny", G, "ul. Leśna Dolina 4",
     "15-196", "Leśna Dolina", ["local-communities", "children-and-youth"], ["mieszkancy-osiedla", "dzieci"], "", True,
     "Grupa sąsiadów: wspólne podwórko, wymiana zabawek i potańcówki."),
    ("Stowarzyszenie Ratownictwa Wodnego Dojlidy", "Ratownicy Dojlidy", A, "ul. Plażowa 1", "15-502",
     "Dojlidy", ["rescue", "sport"], ["mlodziez", "wszyscy"], "szkolenie ratowników", True,
     "Dyżury na kąpielisku Dojlidy, kursy pływania i pierwszej pomocy."),
    ("Fundacja Wspierania Nauki i Studentów „Alma”", "Alma", F, "ul. Ciołkowskiego 1", "15-245", "Piasta II",
     ["education", "innovation"], ["studenci"], "", False, "Stypendia dla studentów, konkursy naukowe i mentoring."),
    ("Stowarzyszenie Ukraińców w Białymstoku „Mrija”", "Mrija", A, "ul. Kijowska 6", "15-115", "Białostoczek",
     ["foreigners-integration", "minorities"], ["cudzoziemcy-migranci", "mniejszosci-narodowe"], "", True,
     "Punkt informacyjny, świetlica dla dzieci i zajęcia językowe."),
    ("Fundacja „Psia Łapa” – Opieka nad Zwierzętami", "Psia Łapa", F, "ul. Ogrodowa 12", "15-369", "Bema",
     ["ecology-animals"], ["zwierzeta"], "", True, "Karmienie kotów wolno żyjących, domy tymczasowe dla zwierząt."),
    ("Stowarzyszenie Osiedla Zielone Wzgórza", "Zielone Wzgórza", A, "ul. Storczykowa 3", "15-815",
     "Zielone Wzgórza", ["local-communities", "seniors"], ["mieszkancy-osiedla", "seniorzy"], "", False,
     "Kawiarenka sąsiedzka, kurs komputerowy dla seniorów i dni otwarte osiedla."),
    ("Fundacja Edukacji Finansowej i Konsumenckiej", "FEFiK", F, "ul. Białówny 11", "15-437", "Centrum",
     ["consumer-rights", "education"], ["wszyscy", "seniorzy"], "", False,
     "Porady konsumenckie, warsztaty o budżecie domowym i ochronie przed oszustami."),
    ("Klub Sportowy Szachów „Hetman”", "Hetman", A, "ul. Hetmańska 36", "15-727", "Wygoda", ["sport"],
     ["dzieci", "seniorzy"], "", False, "Turnieje szachowe, nauka gry dla dzieci i seniorów."),
    ("Stowarzyszenie Europejskie „Most”", "Most", A, "ul. Sienkiewicza 3", "15-092", "Centrum",
     ["european-integration", "children-and-youth"], ["mlodziez", "studenci"], "", False,
     "Wymiany młodzieżowe, Europejski Korpus Solidarności i klub dyskusyjny."),
    ("Fundacja Opieki Hospicyjnej „Promyk”", "Promyk", F, "ul. Kalinowskiego 6", "15-875", "Centrum",
     ["health", "charity"], ["osoby-chore", "rodziny"], "hospicjum domowe", True,
     "Hospicjum domowe, wypożyczalnia sprzętu i wsparcie w żałobie."),
    ("Stowarzyszenie Rodzin Zastępczych „Gniazdo”", "Gniazdo", A, "ul. Bema 90", "15-370", "Bema",
     ["family-support", "family-and-childrens-rights"], ["rodziny", "dzieci"], "", True,
     "Wsparcie rodzin zastępczych: grupy wsparcia, korepetycje, wakacje dla dzieci."),
    ("Młodzieżowy Klub Wolontariatu przy VI LO", "MKW", G, "ul. Pułaskiego 9", "15-338", "Nowe Miasto",
     ["volunteering"], ["mlodziez", "wolontariusze"], "", True,
     "Uczniowie pomagają w hospicjach, schroniskach i szkołach."),
    ("Fundacja Ekonomii Społecznej „Wspólny Stół”", "Wspólny Stół", F, "ul. Zwierzyniecka 11", "15-312",
     "Mickiewicza", ["social-economy", "charity"], ["osoby-w-kryzysie-bezdomnosci", "osoby-bezrobotne"], "", True,
     "Jadłodzielnia i kawiarnia społeczna zatrudniająca osoby po kryzysie bezdomności."),
    ("Stowarzyszenie Przyjaciół Dziesięcin", "Przyjaciele Dziesięcin", A, "ul. Dziesięciny 28", "15-806",
     "Dziesięciny I", ["local-communities", "culture"], ["mieszkancy-osiedla"], "", False,
     "Kino plenerowe, jarmark osiedlowy i zajęcia plastyczne dla dzieci."),
    ("Fundacja Bezpieczeństwa na Drodze", "Bezpieczna Droga", F, "ul. Transportowa 4", "15-399", "Dojlidy",
     ["public-order", "education"], ["dzieci", "mlodziez"], "", False,
     "Miasteczko ruchu drogowego, kursy na kartę rowerową i kampanie o pieszych."),
    ("Stowarzyszenie Weteranów Misji Pokojowych – Koło Podlaskie", "Weterani Misji", A, "ul. Kawaleryjska 70",
     "15-324", "Kawaleryjskie", ["veterans-abroad", "defence"], ["seniorzy", "wszyscy"], "", False,
     "Wsparcie weteranów i ich rodzin, edukacja proobronna w szkołach."),
    ("Fundacja Nowych Technologii dla Seniorów", "Cyfrowy Senior", F, "ul. Berlinga 3", "15-834",
     "Dziesięciny II", ["seniors", "innovation"], ["seniorzy"], "", True,
     "Indywidualne lekcje obsługi telefonu i bankowości internetowej dla seniorów."),
    ("Stowarzyszenie Teatralne „Scena Przydworcowa”", "Scena Przydworcowa", A, "ul. Kolejowa 15", "15-701",
     "Przydworcowe", ["culture"], ["mlodziez", "wszyscy"], "", False,
     "Amatorski teatr, warsztaty aktorskie i improwizacja."),
    ("Fundacja Pomocy Polakom na Wschodzie „Kresy”", "Kresy", F, "ul. Mickiewicza 2", "15-213", "Mickiewicza",
     ["polish-diaspora", "national-tradition"], ["wszyscy"], "paczki dla Polaków na Wschodzie", False,
     "Zbiórki książek i paczek, kolonie w Polsce dla dzieci polskiego pochodzenia."),
    ("Stowarzyszenie Lokatorów i Mieszkańców „Wspólny Dom”", "Wspólny Dom", A, "ul. Mazowiecka 37",
     "15-301", "Piasta I", ["housing-needs", "legal-aid"], ["mieszkancy-osiedla", "rodziny"], "", False,
     "Porady dla lokatorów, najem społeczny i mediacje sąsiedzkie."),
    ("Fundacja Wsparcia Organizacji Pozarządowych Podlasia", "Wsparcie NGO Podlasie", F, "ul. Warszawska 39",
     "15-062", "Centrum", ["ngo-support", "volunteering"], ["organizacje-pozarzadowe"], "", False,
     "Szkolenia i doradztwo dla organizacji: księgowość, wnioski grantowe, sprawozdania."),
    ("Stowarzyszenie Pszczelarzy Miejskich", "Miejskie Pszczoły", A, "ul. Wierzbowa 10", "15-743", "Antoniuk",
     ["ecology-animals", "education"], ["wszyscy"], "", False,
     "Pasieki na dachach, warsztaty o owadach zapylających i miodobranie dla szkół."),
    ("Towarzystwo Przyjaciół Starosielc", "TPS", A, "ul. Elewatorska 11", "15-620", "Starosielce",
     ["local-communities", "national-tradition"], ["mieszkancy-osiedla"], "", False,
     "Historia kolejowych Starosielc, coroczne święto osiedla."),
    ("Fundacja Kina Objazdowego „Klaps”", "Klaps", F, "ul. Sienkiewicza 40", "15-004", "Sienkiewicza",
     ["culture"], ["wszyscy"], "", False, "Pokazy filmowe z audiodeskrypcją i napisami dla osób niesłyszących."),
]


def _jitter(name: str, centre: tuple[float, float]) -> tuple[Decimal, Decimal]:
    digest = hashlib.sha256(name.encode()).digest()
    dlat = (digest[0] / 255 - 0.5) * 0.008
    dlng = (digest[1] / 255 - 0.5) * 0.012
    return Decimal(f"{centre[0] + dlat:.6f}"), Decimal(f"{centre[1] + dlng:.6f}")


def slug_for(name: str) -> str:
    return slugify(fold(name))[:100].strip("-")


# Forms registered outside the KRS (docs/law.md#krs-data): no KRS number.
OUTSIDE_KRS = {AZ, KGW, UKS, G, CH}


def ensure_reference_rows() -> None:
    """The spheres and target groups that migrations load, loaded again if missing and never overwritten.

    A test database that live-server tests empty between tests has lost them; a real one has them.
    """
    if not PublicTaskSphere.objects.exists():
        importlib.import_module("partnerstwo.city.migrations.0002_spheres").load_spheres(apps, None)
    if not TargetGroup.objects.exists():
        importlib.import_module("partnerstwo.organizations.migrations.0003_target_groups").load(apps, None)


def load(stdout, **options):
    ensure_reference_rows()
    # The city demo loads the osiedla from the city's configuration; make sure these exist either way.
    load_districts(list(DISTRICT_CENTRES))
    districts = {d.name: d for d in District.objects.all()}
    spheres = {s.slug: s for s in PublicTaskSphere.objects.all()}
    groups = {g.slug: g for g in TargetGroup.objects.all()}
    created = 0
    for index, row in enumerate(ORGANIZATIONS):
        name, short, form, street, postal, district, sphere_slugs, group_slugs, purpose, volunteers, about = row
        slug = slug_for(name)
        if Organization.objects.filter(slug=slug).exists():
            continue
        in_krs = form not in OUTSIDE_KRS
        latitude, longitude = _jitter(name, DISTRICT_CENTRES.get(district, (53.1325, 23.1688)))
        status = RegisterStatus.ACTIVE
        if index == 13:
            status = RegisterStatus.IN_LIQUIDATION
        organization = Organization(
            name=name, short_name=short, slug=slug, legal_form=form,
            krs=fake_numbers.krs(600100 + index * 37) if in_krs else "",
            nip=fake_numbers.nip(100000 + index * 131) if form not in {G, KGW} else "",
            regon=fake_numbers.regon(500000 + index * 17) if form not in {G} else "",
            street=street, postal_code=postal, town="Białystok", district=districts.get(district),
            latitude=latitude, longitude=longitude,
            email=f"kontakt@{slug[:40].strip('-')}.example.org",
            phone=f"85 {700 + index % 90:03d} {10 + index:02d} {20 + index % 70:02d}",
            website=f"https://{slug[:40].strip('-')}.example.org" if index % 3 else "",
            facebook=f"https://www.facebook.com/{slug[:30].strip('-')}" if index % 4 == 0 else "",
            description=about,
            statutory_goals=(
                f"Celem {'Fundacji' if form == F else 'Stowarzyszenia'} jest działalność na rzecz mieszkańców "
                f"Białegostoku, w szczególności: {about[0].lower()}{about[1:]}" if in_krs else ""
            ),
            supervising_authority=CITY_SUPERVISOR if in_krs else "",
            is_opp=bool(purpose) and in_krs,
            opp_purpose=purpose if in_krs else "",
            looking_for_volunteers=volunteers,
            register_status=status,
            krs_data_as_of=datetime.date(2026, 10, 1) + datetime.timedelta(days=index % 40) if in_krs else None,
        )
        organization.save()
        organization.spheres.set([spheres[s] for s in sphere_slugs if s in spheres])
        organization.target_groups.set([groups[g] for g in group_slugs if g in groups])
        created += 1
    stdout.write(f"  organizacje: {created} nowych, razem {Organization.objects.count()}")
    load_opp_list(stdout)
    load_waiting_decisions(stdout)


# Two people who wait for an official's decision, so the officials' desk (/panel/) shows the directory's queues:
# (e-mail, name, organisation's index in ORGANIZATIONS, role in it, the new name asked for or None for a claim).
WAITING = [
    ("m.kaminska@example.org", "Magdalena Kamińska", 5, "skarbniczka", None),
    ("j.wojcik@example.org", "Jan Wójcik", 7, "prezes zarządu", " – Oddział Białostocki"),
]


def load_waiting_decisions(stdout):
    """A claim to approve and a change of name to approve; left as they are once an official decided them."""
    waiting = 0
    for email, full_name, index, role, new_name in WAITING:
        organization = Organization.objects.filter(slug=slug_for(ORGANIZATIONS[index][0])).first()
        if organization is None:
            continue
        role_of_user = User.Role.RESIDENT if new_name is None else User.Role.REPRESENTATIVE
        user, _created = User.objects.get_or_create(email=email, defaults={"full_name": full_name,
                                                                            "role": role_of_user})
        status = Representation.Status.PENDING if new_name is None else Representation.Status.APPROVED
        Representation.objects.get_or_create(
            user=user, organization=organization, defaults={"status": status, "role_in_organization": role})
        if new_name and not organization.change_requests.exists():
            OrganizationChangeRequest.objects.create(
                organization=organization, requested_by=user,
                changes={"name": [organization.name, organization.name + new_name]},
            )
        waiting += 1
    stdout.write(f"  zgłoszenia i zmiany czekające na decyzję: {waiting}")


# Marked OPP in the directory but left out of the demo list: what staff see as "missing from the newest list".
OPP_LEFT_OUT = 1
OPP_SOURCE_URL = "https://niw.gov.pl/opp/wykaz-opp/"


def _opp_list_csv(organizations, *, extra_city_entry: bool) -> bytes:
    lines = ["Lp.;Numer KRS;Nazwa organizacji;Województwo;Powiat;Gmina;Miejscowość"]
    for number, organization in enumerate(organizations, start=1):
        lines.append(f"{number};{organization.krs};{organization.name.upper()};podlaskie;Białystok;Białystok;"
                     "Białystok")
    if extra_city_entry:  # on the list, not (yet) in the directory: the import report names it
        lines.append(f"{len(lines)};{fake_numbers.krs(699999)};FUNDACJA SPOZA KATALOGU;podlaskie;Białystok;"
                     "Białystok;Białystok")
    lines.append(f"{len(lines)};12AB;WIERSZ Z BŁĘDNYM NUMEREM;podlaskie;Białystok;Białystok;Białystok")
    return "\n".join(lines).encode("utf-8")


def load_opp_list(stdout):
    """Two editions of the official list for last tax year, loaded through the importer: the list as of
    30 November, then a monthly update that drops one organisation (staff see it as missing)."""
    if OppListEdition.objects.exists():
        return
    today = timezone.localdate()
    year = today.year - 1
    first = datetime.date(year, 11, 30)
    update = max(first + datetime.timedelta(days=16), today - datetime.timedelta(days=20))
    flagged = list(Organization.objects.filter(is_opp=True).exclude(krs="").order_by("name"))
    for as_of, listed in ((first, flagged), (update, flagged[OPP_LEFT_OUT:])):
        name, content = f"wykaz-opp-{as_of:%Y-%m-%d}.csv", _opp_list_csv(listed, extra_city_entry=True)
        edition = {"year": year, "as_of": as_of.isoformat(), "source_url": OPP_SOURCE_URL}
        record = OrganizationImport.objects.create(
            kind=OrganizationImport.Kind.OPP_LIST, filename=name, content=content,
            preview=opp_list.preview(content, name, edition=edition).to_json(),
        )
        imports.apply_once(record, user=None)
    stdout.write(f"  wykaz OPP: 2 wydania za rok {year}")

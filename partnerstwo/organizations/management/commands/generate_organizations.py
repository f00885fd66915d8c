"""Made-up organisations in bulk, for benchmarks at the national register's scale (150,000).

Their slugs start with "gen-", so `--delete` removes exactly them; KRS numbers start 08 and NIPs 99
(partnerstwo.organizations.fake_numbers), apart from the demo data and real numbers' usual ranges.
"""

import random
import time
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction

from partnerstwo.city.models import District, PublicTaskSphere
from partnerstwo.organizations import fake_numbers
from partnerstwo.organizations.models import LegalForm, Organization, RegisterStatus, TargetGroup

PREFIX = "gen-"
KINDS = [
    ("Stowarzyszenie", LegalForm.ASSOCIATION), ("Fundacja", LegalForm.FOUNDATION),
    ("Stowarzyszenie", LegalForm.ASSOCIATION), ("Fundacja", LegalForm.FOUNDATION),
    ("Uczniowski Klub Sportowy", LegalForm.STUDENT_SPORTS_CLUB),
    ("Koło Gospodyń Wiejskich", LegalForm.RURAL_WOMENS_CIRCLE),
    ("Spółdzielnia Socjalna", LegalForm.SOCIAL_COOPERATIVE), ("Towarzystwo", LegalForm.ASSOCIATION),
]
PURPOSES = [
    "Przyjaciół", "Miłośników", "na rzecz Rozwoju", "Wspierania", "Pomocy dla", "Ochrony", "Edukacji dla",
    "Promocji", "Integracji", "Aktywizacji",
]
SUBJECTS = [
    "Osiedla", "Dzieci i Młodzieży", "Seniorów", "Zwierząt", "Kultury Ludowej", "Sportu Amatorskiego",
    "Przyrody Podlasia", "Rodzin Wielodzietnych", "Osób z Niepełnosprawnościami", "Turystyki Rowerowej",
    "Historii Regionu", "Zdrowia Psychicznego", "Muzyki Dawnej", "Teatru Amatorskiego", "Wolontariatu",
    "Przedsiębiorczości Społecznej", "Migrantów", "Kobiet Aktywnych", "Bezpieczeństwa Ruchu", "Łowiectwa i Wędkarstwa",
]
PLACES = [
    "Podlasia", "Białegostoku", "Puszczy Knyszyńskiej", "Doliny Narwi", "Pogranicza", "Ziemi Białostockiej",
    "Supraśla", "Wschodu", "Łomży", "Nadbuża", "", "", "",
]
SENTENCES = [
    "Organizujemy zajęcia dla dzieci i młodzieży w świetlicy osiedlowej.",
    "Pomagamy seniorom w codziennych sprawach i prowadzimy klub seniora.",
    "Opiekujemy się bezdomnymi zwierzętami i szukamy dla nich domów.",
    "Prowadzimy warsztaty ekologiczne i sprzątamy brzegi rzek.",
    "Wspieramy rodziny w trudnej sytuacji życiowej: paczki, porady, korepetycje.",
    "Dbamy o pamięć o historii regionu i jego zabytkach.",
    "Organizujemy turnieje, treningi i obozy sportowe.",
    "Uczymy języka polskiego i pomagamy migrantom w urzędach.",
    "Prowadzimy chór, zespół ludowy i warsztaty rękodzieła.",
    "Udzielamy bezpłatnych porad prawnych i obywatelskich.",
]
STREETS = [
    "Lipowa", "Sienkiewicza", "Warszawska", "Mickiewicza", "Piłsudskiego", "Legionowa", "Wiejska", "Antoniukowska",
    "Sobieskiego", "Piastowska", "Mazowiecka", "Kawaleryjska", "Wrocławska", "Zwierzyniecka", "Pogodna", "Świerkowa",
]


class Command(BaseCommand):
    help = "Tworzy wiele zmyślonych organizacji do testów wydajności (adresy gen-…); --delete je usuwa."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=150_000)
        parser.add_argument("--delete", action="store_true", help="usuń wszystkie wygenerowane organizacje")
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, count, delete, batch_size, seed, **options):
        started = time.monotonic()
        if delete:
            removed = self.delete(batch_size)
            self.stdout.write(f"Usunięto wygenerowanych organizacji: {removed} ({time.monotonic() - started:.1f} s).")
            return
        made = self.generate(count, batch_size, seed)
        self.stdout.write(f"Utworzono organizacji: {made} ({time.monotonic() - started:.1f} s).")

    def delete(self, batch_size) -> int:
        removed = 0
        generated = Organization.objects.filter(slug__startswith=PREFIX)
        while pks := list(generated.values_list("pk", flat=True)[: batch_size * 5]):
            with transaction.atomic():
                Organization.spheres.through.objects.filter(organization_id__in=pks).delete()
                Organization.target_groups.through.objects.filter(organization_id__in=pks).delete()
                Organization.objects.filter(pk__in=pks).delete()
            removed += len(pks)
        return removed

    def generate(self, count, batch_size, seed) -> int:
        districts = list(District.objects.all())
        sphere_ids = list(PublicTaskSphere.objects.values_list("pk", flat=True))
        group_ids = list(TargetGroup.objects.values_list("pk", flat=True))
        start = Organization.objects.filter(slug__startswith=PREFIX).count()
        sphere_link = Organization.spheres.through
        group_link = Organization.target_groups.through
        made = 0
        for batch_start in range(start, start + count, batch_size):
            numbers = range(batch_start, min(batch_start + batch_size, start + count))
            rng = random.Random(seed * 1_000_003 + batch_start)
            organizations = [self.make(n, rng, districts) for n in numbers]
            with transaction.atomic():
                Organization.objects.bulk_create(organizations)
                sphere_rows, group_rows = [], []
                for org in organizations:
                    for sphere_id in rng.sample(sphere_ids, k=min(len(sphere_ids), rng.randint(1, 3))):
                        sphere_rows.append(sphere_link(organization_id=org.pk, publictasksphere_id=sphere_id))
                    for group_id in rng.sample(group_ids, k=min(len(group_ids), rng.randint(1, 2))):
                        group_rows.append(group_link(organization_id=org.pk, targetgroup_id=group_id))
                sphere_link.objects.bulk_create(sphere_rows)
                group_link.objects.bulk_create(group_rows)
            made += len(organizations)
            if made % 20_000 < batch_size:
                self.stdout.write(f"  … {made}/{count}")
        return made

    @staticmethod
    def make(n: int, rng: random.Random, districts) -> Organization:
        prefix, legal_form = rng.choice(KINDS)
        parts = (prefix, rng.choice(PURPOSES), rng.choice(SUBJECTS), rng.choice(PLACES))
        name = " ".join(part for part in parts if part)
        district = rng.choice(districts) if districts and rng.random() < 0.92 else None
        roll = rng.random()
        status = (
            RegisterStatus.REMOVED if roll < 0.02
            else RegisterStatus.IN_LIQUIDATION if roll < 0.03
            else RegisterStatus.ACTIVE
        )
        is_opp = rng.random() < 0.08
        has_pin = rng.random() < 0.7
        org = Organization(
            name=name, slug=f"{PREFIX}{n:06d}", legal_form=legal_form,
            krs=fake_numbers.krs(n, prefix="08"),
            nip=fake_numbers.nip(2 * n, prefix="99"),
            regon=fake_numbers.regon(n, prefix="99"),
            street=f"ul. {rng.choice(STREETS)} {rng.randint(1, 120)}",
            postal_code=f"15-{rng.randint(1, 999):03d}", town="Białystok", district=district,
            latitude=Decimal(f"{rng.uniform(53.09, 53.17):.6f}") if has_pin else None,
            longitude=Decimal(f"{rng.uniform(23.08, 23.24):.6f}") if has_pin else None,
            email=f"kontakt@{PREFIX}{n:06d}.example.org",
            description=" ".join(rng.sample(SENTENCES, k=2)),
            is_opp=is_opp, opp_purpose="działalność statutowa" if is_opp else "",
            looking_for_volunteers=rng.random() < 0.15, register_status=status,
        )
        org.search_text = org.build_search_text()  # bulk_create skips save()
        return org

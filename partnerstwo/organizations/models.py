"""The directory ("bank informacji"): the city's organisations and who represents them."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import connections, models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from stdnum.pl import nip as nip_number

from partnerstwo.city.models import PublicTaskSphere
from partnerstwo.lib.models import FoldedSearchModel
from partnerstwo.lib.substring_index import SubstringIndex
from partnerstwo.lib.text import fold, search_terms

# SQLite's substring index over the directory's folded search column (docs/decisions/0014; migration 0008).
SEARCH_INDEX = SubstringIndex(table="organizations_organization", column="search_text")

KRS_VALIDATOR = RegexValidator(r"^\d{10}$", _("Numer KRS ma 10 cyfr (z zerami na początku)."))


class LegalForm(models.TextChoices):
    ASSOCIATION = "stowarzyszenie", _("stowarzyszenie")
    ORDINARY_ASSOCIATION = "stowarzyszenie_zwykle", _("stowarzyszenie zwykłe")
    FOUNDATION = "fundacja", _("fundacja")
    STUDENT_SPORTS_CLUB = "uks", _("uczniowski klub sportowy")
    RURAL_WOMENS_CIRCLE = "kgw", _("koło gospodyń wiejskich")
    SOCIAL_COOPERATIVE = "spoldzielnia_socjalna", _("spółdzielnia socjalna")
    CHURCH_ENTITY = "koscielna_osoba_prawna", _("kościelna osoba prawna")
    NONPROFIT_COMPANY = "spolka_non_profit", _("spółka non-profit")
    INFORMAL_GROUP = "grupa_nieformalna", _("grupa nieformalna / inicjatywa")


class RegisterStatus(models.TextChoices):
    ACTIVE = "active", _("aktywna")
    IN_LIQUIDATION = "in_liquidation", _("w likwidacji")
    REMOVED = "removed", _("wykreślona")


class TargetGroup(models.Model):
    """Who an organisation works for (children, seniors, …): editable reference data."""

    slug = models.SlugField(_("identyfikator"), max_length=60, unique=True)
    name = models.CharField(_("nazwa"), max_length=120, unique=True)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("grupa odbiorców")
        verbose_name_plural = _("grupy odbiorców")

    def __str__(self):
        return self.name


def is_staff_editor(user) -> bool:
    """Officials and administrators edit any organisation directly, without approval, and decide the claims and
    changes that wait (organizations/desk.py). Here, below editing.py, so that the desk's queues can use it."""
    return bool(user and user.is_authenticated and (user.is_official or user.is_administrator))


class OrganizationQuerySet(models.QuerySet):
    def public(self):
        """What residents see: published organisations, removed ones included but marked."""
        # "IN (true)" rather than the bare column Django writes for =True: SQLite then treats it as an
        # equality and walks the (is_published, name) index in order instead of sorting every row.
        return self.filter(is_published__in=[True])

    def opp(self, edition=None):
        """The 1.5% list: published organisations named in `edition` of the official list (none without one)."""
        if edition is None:
            return self.none()
        # Driven by the edition's few matched entries (a city's hundreds among the country's ten thousand),
        # not by a lookup per published organisation.
        listed = OppListEntry.objects.filter(edition=edition, organization__isnull=False).values("organization_id")
        return self.public().filter(pk__in=listed).exclude(register_status=RegisterStatus.REMOVED)

    def flagged_opp_missing_from(self, edition):
        """Organisations marked OPP (from the KRS or by hand) that `edition` of the official list does not name."""
        flagged = self.filter(is_opp__in=[True]).exclude(register_status=RegisterStatus.REMOVED)
        if edition is None:
            return flagged
        return flagged.exclude(
            models.Exists(OppListEntry.objects.filter(edition=edition, organization=models.OuterRef("pk")))
        )

    def search(self, query: str):
        """Every word of the query must occur in the folded search text (diacritics and case ignored) or in
        the name of one of the organisation's spheres or target groups ("dzieci i młodzieży" finds those that
        chose that sphere, whatever their description says).

        On PostgreSQL a trigram GIN index on search_text serves these LIKE conditions, on SQLite an FTS5
        trigram table (SEARCH_INDEX; a word of two letters stays a LIKE). The spheres and target
        groups are a short list of reference data, folded here in one small query rather than copied into
        every organisation's search text, which a change of a name would leave out of date.
        """
        terms = search_terms(query)
        if not terms:
            return self
        names = PublicTaskSphere.objects.order_by().values_list("pk", "name_pl", "name_en", Value("sphere")).union(
            TargetGroup.objects.order_by().values_list("pk", "name", Value(""), Value("group")), all=True)
        spheres, groups = [], []
        for pk, name, english, kind in names:
            (spheres if kind == "sphere" else groups).append((pk, fold(f"{name} {english}")))
        connection = connections[self.db]
        for term in terms:
            contains = SEARCH_INDEX.contains(connection, term)
            in_text = Organization.objects.filter(contains).values("pk")
            named_spheres = [pk for pk, name in spheres if term in name]
            named_groups = [pk for pk, name in groups if term in name]
            if not named_spheres and not named_groups:
                self = self.filter(contains)
                continue
            # A UNION rather than OR: each branch keeps its own index (the trigram index for the text).
            found = in_text.order_by()
            if named_spheres:
                found = found.union(Organization.spheres.through.objects.filter(
                    publictasksphere__in=named_spheres).values("organization_id"), all=True)
            if named_groups:
                found = found.union(Organization.target_groups.through.objects.filter(
                    targetgroup__in=named_groups).values("organization_id"), all=True)
            self = self.filter(pk__in=found)
        return self

    def for_list(self):
        """The columns and relations a list page shows, fetched in a constant number of queries."""
        return self.select_related("district").prefetch_related("spheres")

    def for_profile(self):
        # team_groups: the advisory body's groups the organisation belongs to (a reverse relation, no import).
        return self.select_related("district", "updated_by").prefetch_related(
            "spheres", "target_groups", "team_groups__group"
        )

    def for_map(self):
        """Only what a marker needs, for the organisations that have coordinates."""
        return (
            self.exclude(latitude=None).exclude(longitude=None)
            .order_by("name", "pk").values_list("pk", "name", "slug", "latitude", "longitude")
        )

    def visible_to(self, user):
        """The public sees published organisations; those who may edit one also see it unpublished."""
        if not user.is_authenticated:
            return self.public()
        editable = Organization.objects.editable_by(user).values("pk")
        return self.filter(Q(is_published=True) | Q(pk__in=editable))

    def matching(
        self, *, q="", sphere="", district="", legal_form="", target_group="",
        opp=False, volunteers=False, report_year=None, team_group="",
    ):
        """The directory's filters; each value is a slug or key, and an empty one does not filter.

        team_group is the slug of a sector group or working team of the advisory body, reached through the
        reverse relation the team's group members leave here (team_groups): the directory imports nothing of
        the team, which sits above it (an organisation is in a group at most once, so no row doubles)."""
        qs = self.search(q) if q else self
        if sphere:
            qs = qs.filter(spheres__slug=sphere)
        if district:
            qs = qs.filter(district__slug=district)
        if legal_form:
            qs = qs.filter(legal_form=legal_form)
        if target_group:
            qs = qs.filter(target_groups__slug=target_group)
        if opp:
            qs = qs.filter(is_opp__in=[True])
        if volunteers:
            qs = qs.filter(looking_for_volunteers__in=[True])
        if report_year:
            qs = qs.with_report_for(report_year)
        if team_group:
            qs = qs.filter(team_groups__group__slug=team_group)
        return qs

    # The directory's sort orders; the pk makes pages stable when names or dates are equal.
    ORDERINGS = {
        "name": ("name", "pk"),
        "name_desc": ("-name", "-pk"),
        "updated": ("-updated_at", "-pk"),
    }

    def sorted_by(self, key: str, *, searching: bool = False):
        ordering = self.ORDERINGS.get(key, self.ORDERINGS["name"])
        if searching and connections[self.db].vendor == "postgresql" and key in ("name", "name_desc"):
            # With a text query, let the trigram index find the matches and sort only those. Ordered by
            # the bare column, PostgreSQL may walk the name index instead and filter row by row, which
            # costs as many rows as precede the 20th match (26,000 of 150,000 for a word in 10% of names).
            # COALESCE on a NOT NULL column changes no order; it only hides the index from the planner.
            name = Coalesce("name", Value(""))
            ordering = (name.desc(), "-pk") if key == "name_desc" else (name.asc(), "pk")
        return self.order_by(*ordering)

    def represented_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            representations__user=user, representations__status=Representation.Status.APPROVED
        ).distinct()

    def keeping_reports(self):
        """Organisations the annual-report campaign counts: published, in the National Court Register (a KRS
        number) and not struck off it. Informal groups and ordinary associations, outside the KRS, are left out."""
        return self.public().exclude(krs="").exclude(register_status=RegisterStatus.REMOVED)

    def with_report_for(self, year: int):
        """Organisations that published an annual report or financial statement for `year`."""
        return self.filter(models.Exists(AnnualReport.objects.filter(organization=models.OuterRef("pk"), year=year)))

    def without_report_for(self, year: int):
        return self.exclude(models.Exists(AnnualReport.objects.filter(organization=models.OuterRef("pk"), year=year)))

    def editable_by(self, user):
        """Representatives edit their own organisations; officials and administrators edit any."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_official or user.is_administrator:
            return self.all()
        return self.represented_by(user)


class Organization(FoldedSearchModel):
    name = models.CharField(_("nazwa"), max_length=300)
    short_name = models.CharField(_("nazwa skrócona"), max_length=120, blank=True)
    slug = models.SlugField(_("adres strony"), max_length=120, unique=True)
    legal_form = models.CharField(_("forma prawna"), max_length=30, choices=LegalForm.choices)
    krs = models.CharField(
        _("numer KRS"), max_length=10, blank=True, validators=[KRS_VALIDATOR],
        help_text=_("10 cyfr; puste dla form spoza rejestru (np. stowarzyszenie zwykłe, grupa nieformalna)."),
    )
    nip = models.CharField(_("NIP"), max_length=10, blank=True)
    regon = models.CharField(_("REGON"), max_length=14, blank=True)

    street = models.CharField(_("ulica i numer"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("kod pocztowy"), max_length=6, blank=True,
        validators=[RegexValidator(r"^\d{2}-\d{3}$", _("Kod pocztowy ma postać 00-000."))],
    )
    town = models.CharField(_("miejscowość"), max_length=100, blank=True)
    district = models.ForeignKey(
        "city.District", verbose_name=_("osiedle"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="organizations",
    )
    latitude = models.DecimalField(_("szerokość geograficzna"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("długość geograficzna"), max_digits=9, decimal_places=6, null=True, blank=True)

    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    website = models.URLField(_("strona internetowa"), blank=True)
    facebook = models.URLField(_("Facebook"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    other_social = models.URLField(_("inny profil społecznościowy"), blank=True)

    description = models.TextField(_("opis działalności"), blank=True, help_text=_("Można używać Markdown."))
    statutory_goals = models.TextField(_("cele statutowe"), blank=True)
    supervising_authority = models.CharField(_("organ nadzoru"), max_length=300, blank=True)
    spheres = models.ManyToManyField(
        "city.PublicTaskSphere", verbose_name=_("sfery zadań publicznych"), blank=True, related_name="organizations"
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("grupy odbiorców"), blank=True, related_name="organizations"
    )
    is_opp = models.BooleanField(_("status OPP"), default=False)
    opp_purpose = models.CharField(
        _("cel szczegółowy 1,5%"), max_length=300, blank=True,
        help_text=_("Cel szczegółowy, który podatnik wpisuje w zeznaniu, przekazując 1,5% podatku."),
    )
    logo = models.ImageField(_("logo"), upload_to="organizations/logos/", blank=True)
    looking_for_volunteers = models.BooleanField(_("szuka wolontariuszy"), default=False)
    register_status = models.CharField(
        _("status w rejestrze"), max_length=20, choices=RegisterStatus.choices, default=RegisterStatus.ACTIVE
    )

    is_published = models.BooleanField(_("opublikowana"), default=True)
    contact_email_confirmed_at = models.DateTimeField(_("adres kontaktowy potwierdzony"), null=True, blank=True)
    # The address that was confirmed: the only one mailings go to, even if an import later changes `email`.
    confirmed_contact_email = models.EmailField(_("potwierdzony adres do wysyłek"), blank=True)
    krs_data_as_of = models.DateField(_("dane z KRS według stanu na"), null=True, blank=True)
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ostatnia aktualizacja"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("zaktualizował(a)"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organizacja")
        verbose_name_plural = _("organizacje")
        constraints = [
            models.UniqueConstraint(
                fields=["krs"], condition=~Q(krs=""), name="organization_unique_krs",
                violation_error_message=_("Organizacja o tym numerze KRS jest już w katalogu."),
            ),
            models.UniqueConstraint(
                fields=["nip"], condition=~Q(nip=""), name="organization_unique_nip",
                violation_error_message=_("Organizacja o tym numerze NIP jest już w katalogu."),
            ),
        ]
        indexes = [
            models.Index(fields=["is_published", "name"], name="organization_public_name"),
            models.Index(fields=["is_opp", "is_published"], name="organization_opp"),
            # "Recently updated" sorting walks this instead of sorting 150,000 rows per page.
            models.Index(fields=["is_published", "-updated_at"], name="organization_public_updated"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organizations:detail", args=[self.slug])

    def build_search_text(self) -> str:
        """The directory's search: names, KRS, town, district, description and 1.5% purpose."""
        parts = [self.name, self.short_name, self.krs, self.town, self.description, self.opp_purpose]
        if self.district_id:
            parts.append(self.district.name)
        return fold(" ".join(p for p in parts if p))

    @property
    def display_name(self):
        return self.short_name or self.name

    @property
    def nip_display(self) -> str:
        """NIP as people write it (123-456-78-90); stored digits only."""
        return nip_number.format(self.nip) if len(self.nip) == 10 else self.nip

    @property
    def is_removed(self) -> bool:
        return self.register_status == RegisterStatus.REMOVED

    @property
    def is_in_liquidation(self) -> bool:
        return self.register_status == RegisterStatus.IN_LIQUIDATION


class Representation(models.Model):
    """A user's link to an organisation: a claim of an existing one or the registration of a new one."""

    class Status(models.TextChoices):
        PENDING = "pending", _("oczekuje na decyzję")
        APPROVED = "approved", _("zatwierdzone")
        REJECTED = "rejected", _("odrzucone")

    class Kind(models.TextChoices):
        CLAIM = "claim", _("przejęcie istniejącego wpisu")
        REGISTRATION = "registration", _("zgłoszenie nowej organizacji")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="representations")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="representations")
    kind = models.CharField(_("rodzaj"), max_length=20, choices=Kind.choices, default=Kind.CLAIM)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    role_in_organization = models.CharField(_("funkcja w organizacji"), max_length=120, blank=True)
    email_confirmed_at = models.DateTimeField(_("adres organizacji potwierdzony"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(_("uzasadnienie decyzji"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reprezentacja organizacji")
        verbose_name_plural = _("reprezentacje organizacji")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="representation_once_per_user"),
        ]

    def __str__(self):
        return f"{self.user} → {self.organization}"

    @property
    def is_pending(self) -> bool:
        """Awaiting an official's decision."""
        return self.status == self.Status.PENDING


class OrganizationRevision(models.Model):
    """One change to an organisation: who, when, from where, and each field's before and after."""

    class Source(models.TextChoices):
        SELF_SERVICE = "self_service", _("przedstawiciel organizacji")
        STAFF = "staff", _("pracownik urzędu")
        KRS = "krs", _("import z KRS")
        OPP_LIST = "opp_list", _("import wykazu OPP")
        BULK_IMPORT = "bulk_import", _("import z arkusza")
        APPROVAL = "approval", _("zatwierdzona zmiana")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="revisions")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    source = models.CharField(max_length=20, choices=Source.choices)
    changes = models.JSONField(default=dict, help_text="{field: [before, after]}")

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = _("zmiana danych organizacji")
        verbose_name_plural = _("historia zmian organizacji")

    def __str__(self):
        return f"{self.organization} ({self.changed_at:%Y-%m-%d %H:%M})"


# --- Keeping the directory true: change requests, annual reports, imports ---


class OrganizationChangeRequest(models.Model):
    """Changes to the identifying fields (name, KRS, NIP, legal form) proposed by a representative.

    They wait for an official: these fields decide who the organisation is, so a representative
    cannot quietly turn one entry into another.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("oczekuje na decyzję")
        APPROVED = "approved", _("zatwierdzona")
        REJECTED = "rejected", _("odrzucona")

    class Source(models.TextChoices):
        SELF_SERVICE = "self_service", _("formularz edycji")
        KRS = "krs", _("dane z KRS")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="change_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.SELF_SERVICE)
    # {field: [value when proposed, proposed value]}: the official sees what the change replaces.
    changes = models.JSONField(default=dict)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(_("uzasadnienie decyzji"), blank=True)
    revision = models.OneToOneField(
        OrganizationRevision, on_delete=models.SET_NULL, null=True, blank=True, related_name="change_request"
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("zmiana do zatwierdzenia")
        verbose_name_plural = _("zmiany do zatwierdzenia")
        constraints = [
            # One open request per organisation: a second edit adds to it instead of competing with it.
            models.UniqueConstraint(
                fields=["organization"], condition=Q(status="pending"), name="change_request_one_pending"
            ),
        ]

    def __str__(self):
        return f"{self.organization} ({self.get_status_display()})"

    @property
    def is_pending(self) -> bool:
        """Awaiting an official's decision."""
        return self.status == self.Status.PENDING

    @property
    def is_from_krs(self) -> bool:
        """Proposed from the National Court Register's data rather than typed into the edit form."""
        return self.source == self.Source.KRS


class AnnualReport(models.Model):
    """An organisation's annual report or financial statement for one year: a PDF or a link."""

    class Kind(models.TextChoices):
        ANNUAL_REPORT = "annual_report", _("sprawozdanie merytoryczne")
        FINANCIAL_STATEMENT = "financial_statement", _("sprawozdanie finansowe")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="annual_reports")
    year = models.PositiveSmallIntegerField(_("rok"))
    kind = models.CharField(_("rodzaj"), max_length=30, choices=Kind.choices)
    file = models.FileField(_("plik PDF"), upload_to="organizations/reports/%Y/", blank=True)
    url = models.URLField(_("adres w internecie"), blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "kind"]
        verbose_name = _("sprawozdanie roczne")
        verbose_name_plural = _("sprawozdania roczne")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "kind"], name="annual_report_once_per_year_and_kind",
                violation_error_message=_("To sprawozdanie za ten rok jest już dodane; usuń je, aby dodać nowe."),
            ),
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="annual_report_file_or_url",
                violation_error_message=_("Dodaj plik PDF albo podaj adres — jedno z dwóch."),
            ),
        ]

    def __str__(self):
        return f"{self.organization}: {self.get_kind_display()} {self.year}"

    @property
    def link(self) -> str:
        return self.file.url if self.file else self.url


class OrganizationImport(models.Model):
    """An uploaded spreadsheet (the OPP list or the city's own list): previewed first, applied once."""

    class Kind(models.TextChoices):
        OPP_LIST = "opp_list", _("wykaz OPP")
        BULK = "bulk", _("arkusz organizacji")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    filename = models.CharField(max_length=255)
    # The file itself (a few MB at most): kept in the database so a preview can be applied later
    # without the upload being public under MEDIA_URL.
    content = models.BinaryField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    preview = models.JSONField(default=dict)
    applied_at = models.DateTimeField(null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    result = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import organizacji")
        verbose_name_plural = _("importy organizacji")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.filename}"


class OppListEditionQuerySet(models.QuerySet):
    def newest(self):
        """The current edition: of the latest tax year, the latest update (docs/law.md#art-27a-opp-list)."""
        return self.order_by("-year", "-as_of", "-pk").first()


class OppListEdition(models.Model):
    """One edition of the official list of public-benefit organisations (wykaz OPP, art. 27a; NIW-CRSO).

    The list for a tax year is drawn up as of 30 November and updated monthly until the end of the next
    year: each upload is an edition, its entries the organisations it names, matched to the directory by KRS.
    """

    year = models.PositiveSmallIntegerField(
        _("rok podatkowy"), help_text=_("Rok, za który podatnicy przekazują 1,5% podatku tym organizacjom."),
    )
    as_of = models.DateField(_("data wydania"), help_text=_("Stan na dzień albo dzień aktualizacji wykazu."))
    source_url = models.URLField(_("adres dokumentu źródłowego"), blank=True)
    source_name = models.CharField(_("plik"), max_length=255)
    source_import = models.OneToOneField(
        OrganizationImport, on_delete=models.SET_NULL, null=True, blank=True, related_name="opp_edition",
    )
    entry_count = models.PositiveIntegerField(_("organizacji w wykazie"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OppListEditionQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-as_of", "-pk"]
        verbose_name = _("wydanie wykazu OPP")
        verbose_name_plural = _("wydania wykazu OPP")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "as_of"], name="opp_list_edition_once",
                violation_error_message=_("To wydanie wykazu (ten rok i ta data) jest już wczytane."),
            ),
        ]

    def __str__(self):
        return f"{self.year} ({self.as_of:%Y-%m-%d})"


class OppListEntry(models.Model):
    """An organisation named in an edition of the list; `organization` when the directory has its KRS number."""

    edition = models.ForeignKey(OppListEdition, on_delete=models.CASCADE, related_name="entries")
    krs = models.CharField(_("numer KRS"), max_length=10, validators=[KRS_VALIDATOR])
    name = models.CharField(_("nazwa"), max_length=500)
    organization = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="opp_list_entries",
    )

    class Meta:
        ordering = ["edition", "krs"]
        verbose_name = _("pozycja wykazu OPP")
        verbose_name_plural = _("pozycje wykazu OPP")
        constraints = [
            models.UniqueConstraint(fields=["edition", "krs"], name="opp_list_entry_once_per_edition"),
        ]
        indexes = [models.Index(fields=["organization", "edition"], name="opp_list_entry_organization")]

    def __str__(self):
        return f"{self.krs} {self.name}"


class KrsImportRun(models.Model):
    """One `import_krs --file` run: a row per number below, so an interrupted run resumes."""

    key = models.CharField(max_length=64, db_index=True, help_text="sha256 of the normalised numbers")
    source_name = models.CharField(max_length=255, blank=True)
    create_missing = models.BooleanField(default=False)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("import z KRS")
        verbose_name_plural = _("importy z KRS")

    def __str__(self):
        return f"{self.source_name} ({self.started_at:%Y-%m-%d %H:%M})"


class KrsImportItem(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("do pobrania")
        UPDATED = "updated", _("zaktualizowano")
        CREATED = "created", _("dodano")
        UNCHANGED = "unchanged", _("bez zmian")
        NOT_FOUND = "not_found", _("brak w KRS")
        MISSING = "missing", _("brak w katalogu")
        ERROR = "error", _("błąd")

    # Statuses a rerun leaves alone; pending and error numbers are fetched again.
    DONE = (Status.UPDATED, Status.CREATED, Status.UNCHANGED, Status.NOT_FOUND, Status.MISSING)

    run = models.ForeignKey(KrsImportRun, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    krs = models.CharField(max_length=10)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    message = models.TextField(blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["run", "position"]
        constraints = [models.UniqueConstraint(fields=["run", "krs"], name="krs_import_item_once_per_run")]

    def __str__(self):
        return f"{self.krs}: {self.status}"

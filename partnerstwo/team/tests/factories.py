"""Small builders for the team tests: the body, its terms and seats, dated around the test clock's today."""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from partnerstwo.organizations.tests import factories as directory
from partnerstwo.team.models import Body, Membership, Term


def today() -> dt.date:
    return timezone.localdate()


def days(n: int) -> dt.date:
    return today() + dt.timedelta(days=n)


def body(**fields) -> Body:
    the_body = Body.objects.the_body()
    if fields:
        Body.objects.filter(pk=the_body.pk).update(**fields)
        the_body.refresh_from_db()
    return the_body


def term(number=None, *, starts_on=None, ends_on=None, **fields) -> Term:
    """A term of the body; by default the one running today (a year behind, two ahead)."""
    the_body = body()
    starts_on = starts_on or days(-365)
    ends_on = ends_on or days(730)
    found = the_body.terms.filter(starts_on__lte=ends_on, ends_on__gte=starts_on).first()
    if found and number is None:
        return found
    number = number or (max(the_body.terms.values_list("number", flat=True), default=0) + 1)
    return Term.objects.create(body=the_body, number=number, starts_on=starts_on, ends_on=ends_on, **fields)


def organization(name="Fundacja Alfa", **fields):
    return directory.organization(name, is_published=True, **fields)


def seat(the_term=None, *, name="Jan Członek", user=None, represents=Membership.Represents.MAYOR,
         role=Membership.Role.MEMBER, **fields) -> Membership:
    the_term = the_term or term()
    if represents == Membership.Represents.ORGANIZATION and "organization" not in fields:
        fields["organization"] = organization(f"Organizacja {name}")
    values = {"joined_on": the_term.starts_on, **fields}
    return Membership.objects.create(
        term=the_term, person_name=name, user=user, represents=represents, role=role, **values
    )


def photo(name="zdjecie.png", size=(40, 40), fmt="PNG") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 90, 160)).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def pdf(name="regulamin.pdf", content=b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def at(days: int, hour: int = 16) -> dt.datetime:
    from zoneinfo import ZoneInfo

    return dt.datetime.combine(days_from_today(days), dt.time(hour), tzinfo=ZoneInfo("Europe/Warsaw"))


def days_from_today(n: int) -> dt.date:
    return days(n)


def meeting(days_ahead: int = 14, *, title="Posiedzenie Zespołu", items=(), **fields):
    from partnerstwo.team.models import AgendaItem, Meeting

    values = {"starts_at": at(days_ahead), "ends_at": at(days_ahead, 18), "place": "Urząd Miejski, sala 20", **fields}
    made = Meeting.objects.create(body=body(), title=title, **values)
    for position, item_title in enumerate(items, start=1):
        AgendaItem.objects.create(meeting=made, position=position, title=item_title)
    return made


def members(count: int, the_term=None, **fields) -> list[Membership]:
    the_term = the_term or term()
    return [seat(the_term, name=f"Członek {n:02d}", **fields) for n in range(count)]


def attend(meeting, seats, status="present"):
    from partnerstwo.team.models import Attendance

    for each in seats:
        Attendance.objects.update_or_create(meeting=meeting, membership=each, defaults={"status": status})

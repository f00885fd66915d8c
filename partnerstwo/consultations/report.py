"""The consultation report (sprawozdanie z konsultacji): one context for the page, the tagged PDF and the XLSX.

It names the subject, the period, the forms used, who took part (organisations by name, persons only
counted), every comment with its provision, proposal, justification and answer, the written opinions,
the meeting's minutes and the outcome. Valid whatever the number of participants (LX/800/10 § 11 ust. 3),
so a consultation without comments has one too.
"""

import hashlib
import io

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Max
from django.http import FileResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from partnerstwo.consultations.models import Answer, Capacity, Comment, Consultation
from partnerstwo.lib.pdf import tagged_pdf
from partnerstwo.lib.tabular.write import XLSX_TYPE, write_xlsx

# How many comments a page of the public report's table shows (3,000 on one page were 2.3 MB of HTML).
COMMENTS_PER_PAGE = 100

# How long a rendered report body stays in the cache (its key changes whenever the report does).
REPORT_CACHE_SECONDS = 7 * 24 * 3600


def comments(consultation: Consultation):
    """Every counted comment in the order of the draft (whole-draft comments first), with what the report shows."""
    return (
        consultation.comments.counted()
        .select_related("unit__version", "organization", "answer")
        # Whole-draft comments first on every database (PostgreSQL puts NULLs last when ascending).
        .order_by(F("unit__version__number").asc(nulls_first=True), "unit__position", "created_at", "pk")
    )


def _person(row: dict) -> tuple:
    """Who a person's row stands for: their key (kept when the name is removed), else the account, else the name."""
    if row["participant"]:
        return ("key", row["participant"])
    return ("account", row["author_id"]) if row["author_id"] else ("name", row["author_name"])


def participants(consultation: Consultation) -> dict:
    fields = ("capacity", "organization_id", "author_name", "author_id", "participant")
    counted = list(consultation.comments.counted().values(*fields)) + list(
        consultation.writtenopinions.counted().values(*fields)
    )
    organizations = sorted({row["author_name"] for row in counted if row["capacity"] == Capacity.ORGANIZATION})
    persons = len({_person(row) for row in counted if row["capacity"] == Capacity.PERSON})
    body = any(row["capacity"] == Capacity.BODY for row in counted)
    return {"organizations": organizations, "persons": persons, "body": body}


def decisions(consultation: Consultation) -> list[tuple[str, int]]:
    counts = dict(
        consultation.comments.counted().filter(answer__isnull=False)
        .values_list("answer__decision").annotate(n=Count("pk")).values_list("answer__decision", "n")
    )
    return [(label, counts.get(value, 0)) for value, label in Answer.Decision.choices]


def context(consultation: Consultation, page: Page | None = None) -> dict:
    """The whole report (the PDF, the panel's preview), or one page of its comments table (the public page,
    whose first page also has the summary and the outcome)."""
    listed = list(comments(consultation)) if page is None else list(page.object_list)
    return {
        "consultation": consultation,
        "comments": listed,
        "page_obj": page,
        "opinions": consultation.writtenopinions.counted().select_related("organization").order_by("created_at", "pk"),
        "participants": participants(consultation),
        "decisions": decisions(consultation),
        "comment_count": len(listed) if page is None else page.paginator.count,
    }


def comments_page(consultation: Consultation, number) -> Page:
    """The page of the public report's comments table asked for (?strona=; a wrong one gives the nearest)."""
    return Paginator(comments(consultation), COMMENTS_PER_PAGE).get_page(number)


def comment_page(comment: Comment) -> int:
    """The page of the public report's table where a counted comment is (its row's anchor is uwaga-<pk>),
    from the ids in the report's order (one query of integers, the same order as the table by construction)."""
    ids = list(comments(comment.consultation).values_list("pk", flat=True))
    return ids.index(comment.pk) // COMMENTS_PER_PAGE + 1


def pdf(consultation: Consultation) -> bytes:
    """The report as a tagged PDF (PDF/UA-1), like the Team's minutes. Its comments are blocks, not table rows:
    WeasyPrint lays a table out again on every page, so a table of thousands of rows grows with their square."""
    return tagged_pdf(render_to_string("consultations/report_pdf.html", context(consultation)))


def pdf_name(consultation: Consultation) -> str:
    """Where the published report's PDF is kept, named after what it shows: a change after publication (the
    consultation edited, a comment or opinion moderated) names a new one (two queries)."""
    comments_state = consultation.comments.aggregate(n=Count("pk"), last=Max("updated_at"))
    opinions_state = consultation.writtenopinions.aggregate(n=Count("pk"), last=Max("updated_at"))
    state = repr((consultation.report_published_at, consultation.updated_at, comments_state, opinions_state))
    digest = hashlib.sha256(state.encode()).hexdigest()[:16]
    return f"consultations/reports/sprawozdanie-{consultation.pk}-{digest}.pdf"


def ready_pdf(consultation: Consultation) -> bytes | None:
    """The published report's PDF if it has been made for the report as it is now, else None."""
    name = pdf_name(consultation)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    return None


def stored_pdf(consultation: Consultation) -> bytes:
    """The published report's PDF, made once (by the task build_report_pdf, at publication or when a reader
    first asks for a changed report) and then read from storage: thousands of comments take WeasyPrint a minute."""
    name = pdf_name(consultation)
    ready = ready_pdf(consultation)
    if ready is not None:
        return ready
    content = pdf(consultation)
    if not default_storage.exists(name):  # another request may have made it meanwhile
        default_storage.save(name, ContentFile(content))
    return content


def stored_body(consultation: Consultation, page: Page) -> str:
    """One page of the published report's body as HTML, rendered once per page and language and kept in the
    cache under the PDF's name (which changes with the report)."""
    key = f"consultation-report:{get_language()}:{page.number}:{pdf_name(consultation)}"
    return cache.get_or_set(
        key, lambda: render_to_string("consultations/_report_body.html", context(consultation, page)),
        REPORT_CACHE_SECONDS,
    )


def xlsx_header() -> list[str]:
    return [_("Lp."), _("Przepis"), _("Zgłaszający"), _("Jak wpłynęła"), _("Obecne brzmienie"),
            _("Proponowane brzmienie"), _("Uzasadnienie uwagi"), _("Rozstrzygnięcie"), _("Uzasadnienie odpowiedzi")]


def xlsx_rows(listed: list[Comment]):
    for number, comment in enumerate(listed, start=1):
        yield [
            number, comment.provision_label(), comment.public_author(), comment.get_channel_display(),
            comment.current_wording, comment.proposed_wording, comment.justification,
            comment.answer.get_decision_display() if comment.answer else "",
            comment.answer.justification if comment.answer else "",
        ]


def xlsx(consultation: Consultation) -> bytes:
    output = io.BytesIO()
    write_xlsx(output, xlsx_header(), xlsx_rows(list(comments(consultation))), sheet_title=str(_("Uwagi")))
    return output.getvalue()


def xlsx_name(consultation: Consultation, language: str) -> str:
    """Where the published report's XLSX in a language is kept, under the PDF's name (which changes with the
    report): its headings and the values of choices are translated."""
    return pdf_name(consultation).removesuffix(".pdf") + f"-{language}.xlsx"


def store_xlsx(consultation: Consultation) -> None:
    """Makes the published report's XLSX in every language, unless made already for the report as it is now.
    Called by the worker's task (tasks.build_report_pdf), never by a request: 3,000 comments take openpyxl
    seconds."""
    for language, _name in settings.LANGUAGES:
        name = xlsx_name(consultation, language)
        if default_storage.exists(name):
            continue
        with translation.override(language):
            content = xlsx(consultation)
        if not default_storage.exists(name):  # another worker may have made it meanwhile
            default_storage.save(name, ContentFile(content))


def ready_xlsx(consultation: Consultation) -> FileResponse | None:
    """The published report's XLSX in the current language if it has been made for the report as it is now,
    else None (it is never made here)."""
    name = xlsx_name(consultation, get_language())
    if not default_storage.exists(name):
        return None
    return FileResponse(default_storage.open(name, "rb"), as_attachment=True,
                        filename=f"sprawozdanie-{consultation.slug}.xlsx", content_type=XLSX_TYPE)

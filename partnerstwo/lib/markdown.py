"""Markdown written by staff and users, rendered to HTML that is safe to show.

Images load only from the site itself (its uploads under MEDIA_URL, or any path on the site): an
image from another host would tell that host who reads the page and when. An image from elsewhere
becomes a plain link with its description, which the reader may follow by choice; an inline
`data:` image, which no link can show, is reduced to its description.
"""

from functools import lru_cache
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from markdown_it import MarkdownIt

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol",
    "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul", "img",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "th": {"scope"}, "td": set()}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}


def is_own_image(src: str) -> bool:
    """True for an image the site serves itself: a path on the site, or an address on SITE_URL's host."""
    # Browsers read a backslash as a slash and ignore tabs and newlines: "/\\evil.example" is another host.
    src = src.strip().replace("\\", "/")
    src = "".join(char for char in src if char not in "\t\r\n")
    try:
        parts = urlsplit(src)
    except ValueError:
        return False
    if not parts.scheme and not parts.netloc:
        return True
    site = urlsplit(settings.SITE_URL)
    return parts.scheme in {"http", "https"} and parts.netloc.lower() == site.netloc.lower()


def _image(renderer, tokens, idx, options, env):
    token = tokens[idx]
    src = token.attrGet("src") or ""
    if is_own_image(src):
        return renderer.image(tokens, idx, options, env)
    description = escape(renderer.renderInlineAsText(token.children or [], options, env))
    inside_link = sum({"link_open": 1, "link_close": -1}.get(t.type, 0) for t in tokens[:idx]) > 0
    if inside_link:
        return description  # a link cannot hold another; the outer one still leads somewhere
    if urlsplit(src.strip()).scheme.lower() in {"http", "https", ""}:
        # Foreign and protocol-relative addresses: a link, never a request made on the reader's behalf.
        return f'<a href="{escape(src)}">{description or escape(src)}</a>'
    return description  # data: and other schemes: nothing to link to, the description stays


_markdown.add_render_rule("image", _image)


def _keep_own_images(element: str, attribute: str, value: str) -> str | None:
    """Defence in depth for nh3: whatever produced an <img>, its src must be the site's own."""
    if element == "img" and attribute == "src" and not is_own_image(value):
        return None
    return value


def render_markdown(text: str, *, for_screen: bool = True, top_heading: int = 2) -> SafeString:
    """Render Markdown and sanitise the result; headings start at h2 (the page owns h1), or lower when the text
    sits under a heading of the page's own (`top_heading=3`: its headings are h3 to h6).

    On screen a table sits in a region that scrolls sideways and takes keyboard focus, so that a reader on
    a phone can scroll it without a mouse (WCAG 2.1.1); an e-mail (for_screen=False) keeps bare tables.
    """
    html = _render(text or "")
    # nh3 leaves headings without attributes, so "<h2>" is every h2; the deepest move first, none past h6.
    for level in range(5, 1, -1):
        deeper = min(level + top_heading - 2, 6)
        if deeper != level:
            html = html.replace(f"<h{level}>", f"<h{deeper}>").replace(f"</h{level}>", f"</h{deeper}>")
    if for_screen and "<table>" in html:
        # nh3 leaves <table> without attributes, so these two exact strings are every table there is.
        region = format_html('<div class="table-wrap" tabindex="0" role="region" aria-label="{}"><table>',
                             gettext("Tabela"))
        html = html.replace("<table>", region).replace("</table>", "</table></div>")
    return mark_safe(html)  # noqa: S308 - sanitised by nh3 in _render, the wrapper is ours


# The same text always gives the same HTML, so a process keeps the latest renderings: a content
# page is read far more often than edited, and rendering it costs more than the rest of the view.
@lru_cache(maxsize=512)
def _render(text: str) -> str:
    html = _markdown.render(text)
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_keep_own_images,
        url_schemes=LINK_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return clean


def _inline_text(token) -> str:
    """An inline token's words without Markdown marks; a link keeps its address after its text."""
    words = []
    href = None
    for child in token.children or []:
        if child.type in {"text", "code_inline", "html_inline"}:
            words.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            words.append("\n")
        elif child.type == "image":
            words.append(child.content)  # its description
        elif child.type == "link_open":
            href = child.attrGet("href")
        elif child.type == "link_close" and href:
            if not "".join(words).endswith(href):
                words.append(f" ({href})")
            href = None
    return "".join(words)


def plain_text(text: str) -> str:
    """Markdown as plain text, for places that show no HTML (a calendar app's event description).

    Headings and paragraphs are separated by a blank line; list items follow each other line by line,
    starting with "– " or their number; a table row is its cells joined by " | "; a link keeps its address
    in brackets; the marks themselves (**, _, `, #) are gone.
    """
    lines: list[tuple[str, bool]] = []  # (line, whether it follows the previous one without a blank line)
    lists: list[dict] = []  # the open lists, innermost last
    row: list[str] | None = None
    rows_in_table = 0
    for token in _markdown.parse(text or ""):
        kind = token.type
        if kind in {"bullet_list_open", "ordered_list_open"}:
            number = int(token.attrGet("start") or 1) if kind == "ordered_list_open" else None
            lists.append({"number": number, "mark": "", "items": 0})
        elif kind in {"bullet_list_close", "ordered_list_close"}:
            lists.pop()
        elif kind == "list_item_open":
            current = lists[-1]
            current["mark"] = "– " if current["number"] is None else f"{current['number']}. "
            if current["number"] is not None:
                current["number"] += 1
            current["items"] += 1
        elif kind == "table_open":
            rows_in_table = 0
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            lines.append((" | ".join(row), rows_in_table > 0))
            rows_in_table += 1
            row = None
        elif kind == "inline":
            words = _inline_text(token).strip()
            if row is not None:
                row.append(words)
            elif lists:
                current = lists[-1]
                mark, current["mark"] = current["mark"], ""
                starts_a_list = len(lists) == 1 and current["items"] == 1 and mark
                lines.append(("  " * (len(lists) - 1) + (mark or "  ") + words, not starts_a_list))
            else:
                lines.append((words, False))
        elif kind in {"code_block", "fence"}:
            lines.append((token.content.rstrip("\n"), False))
    out: list[str] = []
    for line, tight in lines:
        if out and not tight:
            out.append("")
        out.append(line)
    return "\n".join(out).strip()

"""Demo texts of content pages and news: Markdown files with a TOML front matter, beside the code that loads them.

A file looks like this:

    +++
    slug = "kontakt"
    title = "Kontakt"
    +++
    Markdown body, a Django template: {{ centre.email|mail_link }}, {% url 'feedback:create' %} …

The title, the lead and the body are Django templates (without HTML escaping: they make Markdown, which
the site sanitises when it renders it), filled with the city's facts and the dates the loader computes.
A placeholder the loader does not fill stops the demo rather than leaving a hole in the text.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.template import Context, Engine, Library

FRONT_MATTER = "+++"
MISSING = "\x00missing: %s\x00"

register = Library()


@register.filter
def tel_link(number: str) -> str:
    """A Markdown link that dials the number on a phone."""
    digits = "".join(ch for ch in number if ch.isdigit())
    if number == digits and len(digits) == 9:
        # A landline written as bare digits reads better in the usual groups: 85 732 82 20.
        number = f"{digits[:2]} {digits[2:5]} {digits[5:7]} {digits[7:]}"
    return f"[{number}](tel:+48{digits})"


@register.filter
def mail_link(address: str) -> str:
    return f"[{address}](mailto:{address})"


ENGINE = Engine(autoescape=False, string_if_invalid=MISSING, builtins=["partnerstwo.lib.editorial.demo"])


@dataclass(frozen=True)
class DemoText:
    """One file: its front matter (title and slug always, anything else the loader asks for) and its body."""

    name: str
    meta: dict
    body: str

    @property
    def slug(self) -> str:
        return self.meta["slug"]

    @property
    def title(self) -> str:
        return self.meta["title"]


def render(text: str, context: dict, *, where: str) -> str:
    result = ENGINE.from_string(text).render(Context(context, autoescape=False))
    if "\x00missing: " in result:
        missing = result.split("\x00missing: ", 1)[1].split("\x00", 1)[0]
        raise ValueError(f"{where}: the demo text uses {{{{ {missing} }}}}, which the loader does not fill")
    return result


def read_texts(folder: Path, context: dict, *, templated=("title", "lead")) -> list[DemoText]:
    """Every *.md file of the folder in name order, with the templated front-matter keys and the body filled."""
    texts = []
    for path in sorted(folder.glob("*.md")):
        source = path.read_text(encoding="utf-8")
        opening, header, body = source.split(f"{FRONT_MATTER}\n", 2)
        if opening:
            raise ValueError(f"{path.name}: a demo text starts with its front matter ({FRONT_MATTER})")
        meta = tomllib.loads(header)
        for key in templated:
            if key in meta:
                meta[key] = render(meta[key], context, where=f"{path.name} ({key})")
        texts.append(DemoText(name=path.name, meta=meta, body=render(body, context, where=path.name)))
    return texts


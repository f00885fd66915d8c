"""A draft act's text split into its units, as Polish legal drafting numbers them.

A pure function of the pasted text (no database): `split(text)` returns the units in reading order,
each with its kind, its label as the act writes it ("§ 5", "ust. 2", "pkt 3", "lit. a"), its own text
and a stable anchor built from the numbers of the units it sits in (`par-5-ust-2-pkt-3-lit-a`), so the
same provision keeps its address in every version of the draft that keeps its numbering.

What is recognised, at the start of a line (Zasady techniki prawodawczej, §§ 54–56, 64–69):
- "Rozdział 2" (or "Rozdział II"), its title on the same line after a dash or on the next line;
- "Art. 5." (acts in articles) and "§ 5." (resolutions, orders; "§ 5. 1. Tekst" opens ust. 1 at once);
- "1." or "1a." a ustęp (in a paragraph or an article; on its own a numbered point of a programme);
- "1)" a punkt, "a)" a litera, "–" or "-" a tiret;
- "Załącznik nr 1" (or "Załącznik do uchwały"): what follows is numbered afresh under `zal-1-…`.
Any other line continues the unit before it; lines before the first unit are the preamble.
"""

import re
from dataclasses import dataclass, field

from partnerstwo.lib.editorial.slugs import polish_slugify

CHAPTER, ARTICLE, PARAGRAPH, SECTION, POINT, LETTER, INDENT, PREAMBLE, ANNEX = (
    "chapter", "article", "paragraph", "section", "point", "letter", "indent", "preamble", "annex",
)
# How deep each kind sits: a unit closes every open unit at its depth or deeper.
DEPTH = {ANNEX: 0, CHAPTER: 1, ARTICLE: 2, PARAGRAPH: 2, SECTION: 3, POINT: 4, LETTER: 5, INDENT: 6, PREAMBLE: 2}
ANCHOR_PART = {ANNEX: "zal", ARTICLE: "art", PARAGRAPH: "par", SECTION: "ust", POINT: "pkt", LETTER: "lit",
               INDENT: "tir", CHAPTER: "rozdzial", PREAMBLE: "preambula"}
LABEL = {ARTICLE: "Art. {}", PARAGRAPH: "§ {}", SECTION: "ust. {}", POINT: "pkt {}", LETTER: "lit. {}",
         INDENT: "tiret {}", CHAPTER: "Rozdział {}", ANNEX: "Załącznik {}", PREAMBLE: "{}"}
NUMBER = r"\d+[a-z]{0,3}"
ROMAN = r"[IVXLC]+"

_ANNEX = re.compile(rf"^Załącznik(?:\s+nr\s+({NUMBER}))?\b[\s.:]*(.*)$", re.IGNORECASE)
_CHAPTER = re.compile(rf"^Rozdział\s+({NUMBER}|{ROMAN})\.?(?:\s*[-–—.:]?\s*(.*))?$", re.IGNORECASE)
_ARTICLE = re.compile(rf"^Art\.\s*({NUMBER})\.\s*(.*)$")
_PARAGRAPH = re.compile(rf"^§\s*({NUMBER})\.\s*(.*)$")
_SECTION = re.compile(rf"^({NUMBER})\.\s+(.*)$")
_POINT = re.compile(rf"^({NUMBER})\)\s+(.*)$")
_LETTER = re.compile(r"^([a-z]{1,2})\)\s+(.*)$")
_INDENT = re.compile(r"^[–—-]\s+(.*)$")


@dataclass
class Unit:
    kind: str
    number: str
    label: str
    anchor: str
    text: str = ""
    depth: int = 0
    heading: str = ""
    # The unit's full citation with the units it sits in: "§ 5 ust. 2 pkt 3" (chapters left out).
    path_label: str = ""
    lines: list[str] = field(default_factory=list, repr=False)


def split(text: str) -> list[Unit]:
    """The units of the pasted text in reading order (see the module's docstring)."""
    units: list[Unit] = []
    open_units: dict[int, Unit] = {}  # depth -> the unit open at that depth
    annex = annex_label = ""
    indents: dict[str, int] = {}  # the parent's anchor -> tirets counted under it
    expecting_chapter_title: Unit | None = None

    def start(kind: str, number: str, rest: str) -> Unit:
        depth = DEPTH[kind]
        for level in [level for level in open_units if level >= depth]:
            del open_units[level]
        parent = _innermost(open_units, below=depth)
        if kind in (CHAPTER, ANNEX):
            anchor = f"{ANCHOR_PART[kind]}-{number.lower()}"
            if kind == CHAPTER and annex:
                anchor = f"{annex}-{anchor}"
        else:
            # Paragraphs and articles are numbered through the act, not per chapter: the chapter stays out.
            prefix = parent.anchor if parent and parent.kind not in (CHAPTER, ANNEX) else annex
            anchor = "-".join(part for part in (prefix, ANCHOR_PART[kind], number.lower()) if part)
        label = LABEL[kind].format(number)
        if kind in (CHAPTER, ANNEX):
            path_label = label
        elif parent and parent.kind not in (CHAPTER, ANNEX):
            path_label = f"{parent.path_label} {label}"
        else:
            path_label = f"{annex_label} {label}".strip()
        unit = Unit(kind=kind, number=number, label=label, anchor=anchor, depth=depth, path_label=path_label)
        if rest:
            unit.lines.append(rest)
        units.append(unit)
        open_units[depth] = unit
        return unit

    for raw in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(raw.split())
        if not line:
            continue
        if expecting_chapter_title is not None:
            chapter, expecting_chapter_title = expecting_chapter_title, None
            if not _is_numbered(line):
                chapter.heading = line
                continue
        if match := _ANNEX.match(line):
            number = match.group(1) or "1"
            annex = f"zal-{number.lower()}"
            annex_label = f"Zał. {number}"
            open_units.clear()
            unit = start(ANNEX, number, "")
            unit.heading = match.group(2).strip()
            continue
        if match := _CHAPTER.match(line):
            unit = start(CHAPTER, match.group(1), "")
            unit.heading = (match.group(2) or "").strip()
            if not unit.heading:
                expecting_chapter_title = unit
            continue
        if match := _ARTICLE.match(line) or _PARAGRAPH.match(line):
            kind = ARTICLE if line.startswith("Art") else PARAGRAPH
            number, rest = match.group(1), match.group(2)
            inner = _SECTION.match(rest)
            start(kind, number, "" if inner else rest)
            if inner:  # "§ 5. 1. Tekst": the paragraph opens with its first ustęp
                start(SECTION, inner.group(1), inner.group(2))
            continue
        if match := _SECTION.match(line):
            start(SECTION, match.group(1), match.group(2))
            continue
        if match := _POINT.match(line):
            start(POINT, match.group(1), match.group(2))
            continue
        if (match := _LETTER.match(line)) and _innermost(open_units, below=DEPTH[LETTER]):
            start(LETTER, match.group(1), match.group(2))
            continue
        if (match := _INDENT.match(line)) and open_units:
            parent = _innermost(open_units, below=DEPTH[INDENT])
            key = parent.anchor if parent else ""
            indents[key] = indents.get(key, 0) + 1
            start(INDENT, str(indents[key]), match.group(1))
            continue
        if not units:
            start(PREAMBLE, "", line)
            units[-1].label = "Preambuła"
            units[-1].anchor = "preambula"
            units[-1].path_label = "Preambuła"
            continue
        units[-1].lines.append(line)

    seen: dict[str, int] = {}
    for unit in units:
        unit.text = "\n".join(unit.lines)
        # A number written twice by mistake still gets its own address: the second is "-2".
        count = seen.get(unit.anchor, 0) + 1
        seen[unit.anchor] = count
        if count > 1:
            unit.anchor = f"{unit.anchor}-{count}"
    return units


def _innermost(open_units: dict[int, Unit], *, below: int) -> Unit | None:
    levels = [level for level in open_units if level < below]
    return open_units[max(levels)] if levels else None


def _is_numbered(line: str) -> bool:
    return any(pattern.match(line) for pattern in (_ARTICLE, _PARAGRAPH, _SECTION, _POINT, _CHAPTER, _ANNEX))


def slug_for(title: str) -> str:
    return polish_slugify(title, max_length=80) or "konsultacja"

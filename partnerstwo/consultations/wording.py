"""Word-level differences: a proposed wording against the current one, and one version of the draft against another."""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

_TOKENS = re.compile(r"\s+|[^\s]+")


def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text or "")


def word_diff(old: str, new: str) -> SafeString:
    """HTML of `new` against `old`: removed words in <del>, added ones in <ins>, the rest as it is (escaped)."""
    before, after = _tokens(old), _tokens(new)
    parts = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(format_html("{}", "".join(after[b1:b2])))
            continue
        if operation in ("delete", "replace"):
            parts.append(format_html("<del>{}</del>", "".join(before[a1:a2])))
        if operation in ("insert", "replace"):
            parts.append(format_html("<ins>{}</ins>", "".join(after[b1:b2])))
    return mark_safe("".join(parts))  # noqa: S308 - every part went through format_html


@dataclass
class UnitChange:
    anchor: str
    label: str
    change: str  # "added", "removed", "changed"
    diff: SafeString


def compare_versions(old_units, new_units) -> list[UnitChange]:
    """What changed between two versions, unit by unit, matched by their anchors (in the new version's order,
    removed units after)."""
    old = {unit.anchor: unit for unit in old_units}
    new = {unit.anchor: unit for unit in new_units}
    changes = []
    for anchor, unit in new.items():
        text = f"{unit.heading} {unit.text}".strip()
        if anchor not in old:
            changes.append(UnitChange(anchor, unit.path_label, "added", word_diff("", text)))
            continue
        before = f"{old[anchor].heading} {old[anchor].text}".strip()
        if before != text:
            changes.append(UnitChange(anchor, unit.path_label, "changed", word_diff(before, text)))
    for anchor, unit in old.items():
        if anchor not in new:
            changes.append(UnitChange(anchor, unit.path_label, "removed",
                                      word_diff(f"{unit.heading} {unit.text}".strip(), "")))
    return changes


def paragraphs(text: str) -> SafeString:
    """Plain text with its line breaks kept, escaped."""
    return format_html_join(mark_safe("<br>"), "{}", ((line,) for line in (text or "").split("\n")))

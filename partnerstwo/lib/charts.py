"""Charts drawn on the server as SVG, each beside the table of its numbers.

A chart is a picture of a table: the figure is `role="img"` with a short description, and the same numbers are in
a real table under it, so a screen reader, a printout and a page without CSS all have them. No JavaScript.
Sizes are in the SVG's own units; the stylesheet scales it to the width available.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format

WIDTH = 640
ROW_HEIGHT = 28
LABEL_WIDTH = 240
VALUE_WIDTH = 90
BAR_HEIGHT = 18


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | float | Decimal
    shown: str
    y: int
    width: float
    text_y: int
    value_x: float
    highlighted: bool = False


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, one per row, longest for the largest value (a scale from zero)."""

    title: str
    bars: list[Bar]
    height: int
    label_width: int = LABEL_WIDTH
    width: int = WIDTH
    columns: tuple[str, str] = ("", "")
    target: tuple[float, str] | None = None  # x of a target line and its caption
    extra: dict = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not self.bars


def bar_chart(rows, *, title: str, columns: tuple[str, str], decimal_places: int = 0, highlight=None,
              target=None) -> BarChart:
    """`rows`: (label, value) pairs in the order shown; `highlight`: the label drawn stronger (e.g. this year);
    `target`: a value drawn as a line across the bars."""
    rows = [(str(label), value or 0) for label, value in rows]
    largest = max([value for _, value in rows] + [target or 0, 0])
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    scale = span / float(largest) if largest else 0
    bars = [
        Bar(
            label=label, value=value, shown=number_format(value, decimal_places, force_grouping=True),
            y=index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) // 2,
            width=round(float(value) * scale, 1), text_y=index * ROW_HEIGHT + ROW_HEIGHT // 2 + 5,
            value_x=LABEL_WIDTH + round(float(value) * scale, 1) + 6, highlighted=label == highlight,
        )
        for index, (label, value) in enumerate(rows)
    ]
    target_line = None
    if target is not None:
        target_line = (LABEL_WIDTH + round(float(target) * scale, 1),
                       number_format(target, decimal_places, force_grouping=True))
    return BarChart(title=title, bars=bars, height=max(len(bars), 1) * ROW_HEIGHT, columns=columns,
                    target=target_line)

"""The shapes of a bar chart and the arithmetic of laying one out: palette and sizes, bars,
rows, ticks and legend, number formats, the empty chart, and the frame every chart is
finished in."""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

Number = int | float

# Site palette: plum (brand), green (buttons), orange-brown, blue, red, olive, purple, grey.
PALETTE = (
    "#4a2340",
    "#1d6b5a",
    "#a34a00",
    "#1c5a96",
    "#b3261e",
    "#5e5e00",
    "#6b4fa0",
    "#5a4f53",
)
TEXT_COLOUR = "#1f1a1c"
AXIS_COLOUR = "#5a4f53"
GRID_COLOUR = "#d9d0d4"
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
FONT_SIZE = 14


# Average advance of a character at FONT_SIZE in a sans-serif face: used to truncate labels
# and to decide whether a value fits inside its bar. Generous, so that text never overflows.
CHAR_WIDTH = 7.6


# The share of the width given to category labels; longer labels are cut with an ellipsis.
LABEL_SHARE = 0.4
LABEL_GAP = 8
VALUE_WIDTH = 64
LEGEND_SWATCH = 14
LEGEND_ROW_HEIGHT = 24
AXIS_HEIGHT = 28
UNIT_HEIGHT = 20


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    fill: str
    value: Number
    value_label: str
    # Where the value is drawn: after the bar (dark text) or inside it (white text); None when
    # it does not fit (the table still has it).
    label_x: float | None
    label_y: float
    label_inside: bool


@dataclass(frozen=True)
class Row:
    label: str
    short_label: str
    label_y: float
    bars: list[Bar]
    # Stacked charts: the stack's total, drawn after it.
    total_label: str = ""
    total_x: float = 0.0
    total_y: float = 0.0


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class LegendItem:
    x: float
    y: float
    fill: str
    label: str

    @property
    def swatch_y(self) -> float:
        return self.y + 4

    @property
    def text_x(self) -> float:
        return self.x + LEGEND_SWATCH + 6

    @property
    def text_y(self) -> float:
        return self.y + LEGEND_SWATCH + 2


@dataclass(frozen=True)
class BarChart:
    chart_id: str
    title: str
    description: str
    unit: str
    width: int
    height: float
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    label_x: float
    tick_label_y: float
    rows: list[Row]
    ticks: list[Tick]
    legend: list[LegendItem]
    table_headers: list[str]
    table_rows: list[list[str]]
    is_empty: bool
    unit_x: float = 0.0
    unit_y: float = 0.0
    font_family: str = FONT_FAMILY
    font_size: int = FONT_SIZE
    text_colour: str = TEXT_COLOUR
    axis_colour: str = AXIS_COLOUR
    grid_colour: str = GRID_COLOUR


def format_number(value: Number) -> str:
    """Whole numbers as they are, others to one decimal place, grouped by thousands."""
    if isinstance(value, float) and not value.is_integer():
        return number_format(round(value, 1), decimal_pos=1, force_grouping=True)
    return number_format(int(value), force_grouping=True)


def truncate_label(text: str, max_chars: int) -> str:
    """``text`` cut to ``max_chars`` characters with an ellipsis, at a word break when one is
    near enough to the end."""
    text = " ".join(str(text).split())
    if len(text) <= max_chars:
        return text
    cut = text[: max(max_chars - 1, 1)]
    space = cut.rfind(" ")
    if space >= max_chars // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:–-") + "…"


def nice_step(maximum: Number, *, target_ticks: int = 4, integer: bool = True) -> Number:
    """A step of 1, 2 or 5 times a power of ten giving about ``target_ticks`` intervals up to
    ``maximum``; at least 1 when every value is a whole number."""
    if maximum <= 0:
        return 1
    raw = maximum / target_ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        step = multiple * magnitude
        if raw <= step:
            break
    if integer:
        return max(1, round(step))
    return step


def _ticks(maximum: Number, *, integer: bool) -> list[Number]:
    step = nice_step(maximum, integer=integer)
    count = int(math.floor(maximum / step + 1e-9))
    return [round(index * step, 10) for index in range(count + 1)]


def _is_empty(values: Sequence[Number]) -> bool:
    return not values or all(value == 0 for value in values)


def _legend(names: Sequence[str], width: int) -> tuple[list[LegendItem], float]:
    """Legend items laid out left to right, wrapping to new lines; and the height used."""
    items = []
    x, y = 0.0, 0.0
    max_chars = int((width - LEGEND_SWATCH - 24) / CHAR_WIDTH)
    for index, full_name in enumerate(names):
        name = truncate_label(full_name, max_chars)
        item_width = LEGEND_SWATCH + 6 + len(name) * CHAR_WIDTH + 18
        if x > 0 and x + item_width > width:
            x, y = 0.0, y + LEGEND_ROW_HEIGHT
        items.append(LegendItem(x=x, y=y, fill=PALETTE[index % len(PALETTE)], label=name))
        x += item_width
    return items, (y + LEGEND_ROW_HEIGHT if names else 0.0)


def _description(kind: str, rows: Sequence[tuple[str, Number]], unit: str) -> str:
    biggest_label, biggest = max(rows, key=lambda row: row[1])
    parts = [
        kind,
        ngettext("%(count)s row.", "%(count)s rows.", len(rows)) % {"count": len(rows)},
        (
            _("Largest: %(label)s, %(value)s %(unit)s.")
            if unit
            else _("Largest: %(label)s, %(value)s.")
        )
        % {"label": biggest_label, "value": format_number(biggest), "unit": unit},
        _("The same figures are in the table that follows."),
    ]
    return " ".join(parts)


def _empty(chart_id: str, title: str, unit: str, width: int) -> BarChart:
    return BarChart(
        chart_id=chart_id,
        title=title,
        description=_("No data yet."),
        unit=unit,
        width=width,
        height=0,
        plot_left=0,
        plot_right=0,
        plot_top=0,
        plot_bottom=0,
        label_x=0,
        tick_label_y=0,
        rows=[],
        ticks=[],
        legend=[],
        table_headers=[],
        table_rows=[],
        is_empty=True,
    )


class _Frame:
    """The shared layout: label column on the left, value column on the right, axis below."""

    def __init__(self, *, width: int, label_width: int | None, top: float, maximum: Number):
        self.width = width
        self.label_width = label_width if label_width is not None else round(width * LABEL_SHARE)
        self.max_chars = max(int(self.label_width / CHAR_WIDTH), 4)
        self.plot_left = self.label_width + LABEL_GAP
        self.plot_right = width - VALUE_WIDTH
        self.plot_width = self.plot_right - self.plot_left
        self.top = top
        self.maximum = maximum
        self.scale = self.plot_width / maximum

    def x_for(self, value: Number) -> float:
        return round(self.plot_left + value * self.scale, 2)

    def length(self, value: Number) -> float:
        return round(value * self.scale, 2)


def _finish(
    frame: _Frame,
    *,
    chart_id: str,
    title: str,
    description: str,
    unit: str,
    rows: list[Row],
    plot_bottom: float,
    integer: bool,
    legend: list[LegendItem],
    table_headers: list[str],
    table_rows: list[list[str]],
) -> BarChart:
    ticks = [
        Tick(x=frame.x_for(value), label=format_number(value))
        for value in _ticks(frame.maximum, integer=integer)
    ]
    height = plot_bottom + AXIS_HEIGHT + (UNIT_HEIGHT if unit else 0)
    return BarChart(
        chart_id=chart_id,
        title=title,
        description=description,
        unit=unit,
        width=frame.width,
        height=round(height, 2),
        plot_left=frame.plot_left,
        plot_right=frame.plot_right,
        plot_top=frame.top,
        plot_bottom=plot_bottom,
        label_x=frame.plot_left - LABEL_GAP,
        tick_label_y=round(plot_bottom + 18, 2),
        rows=rows,
        ticks=ticks,
        legend=legend,
        table_headers=table_headers,
        table_rows=table_rows,
        is_empty=False,
        unit_x=round(frame.plot_left + frame.plot_width / 2, 2),
        unit_y=round(plot_bottom + AXIS_HEIGHT + UNIT_HEIGHT - 4, 2),
    )


def _value_after(bar_end: float) -> float:
    return round(bar_end + 6, 2)


def _baseline(top: float, height: float) -> float:
    """The baseline that centres a line of text vertically on a band (SVG has no reliable
    vertical centring across renderers, WeasyPrint included)."""
    return round(top + height / 2 + FONT_SIZE * 0.35, 2)

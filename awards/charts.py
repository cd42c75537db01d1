"""Horizontal bar charts drawn on the server: numbers in, geometry out.

The template ``includes/bar_chart.svg.html`` draws a chart as inline SVG followed by a table of
the same figures, so the charts work without JavaScript (the PDF engine runs none) and under a
strict Content Security Policy: the SVG uses presentation attributes only, never ``style``.

Scale: the longest bar (or the longest stack) always spans the whole plot width; axis ticks are
"nice" numbers (1, 2 or 5 times a power of ten) up to the largest value. A chart whose values
are all zero, or that has no rows, is empty and the template says "No data yet" instead.

Colours come from the site palette. Each has a contrast of at least 4.5:1 with white and with
the page background, so bars meet WCAG 2.2's 3:1 for graphics and white value labels drawn on
a bar stay readable.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.text import slugify
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


def bar_chart(
    *,
    title: str,
    rows: Sequence[tuple[str, Number]],
    unit: str = "",
    category_header: str = "",
    value_header: str = "",
    extra_columns: Sequence[tuple[str, Sequence[str]]] = (),
    width: int = 640,
    bar_height: int = 22,
    gap: int = 10,
    label_width: int | None = None,
    colour: str = PALETTE[0],
    chart_id: str = "",
) -> BarChart:
    """One bar per row; the value is written after each bar. ``extra_columns`` add columns
    (header, one cell per row) to the table only."""
    chart_id = chart_id or f"chart-{slugify(title)}"
    values = [value for _label, value in rows]
    if _is_empty(values):
        return _empty(chart_id, title, unit, width)
    integer = all(float(value).is_integer() for value in values)
    frame = _Frame(width=width, label_width=label_width, top=4, maximum=max(values))
    drawn = []
    y = frame.top
    for label, value in rows:
        length = frame.length(value)
        text = format_number(value)
        bar = Bar(
            x=frame.plot_left,
            y=y,
            width=length,
            height=bar_height,
            fill=colour,
            value=value,
            value_label=text,
            label_x=_value_after(frame.plot_left + length),
            label_y=_baseline(y, bar_height),
            label_inside=False,
        )
        drawn.append(
            Row(
                label=str(label),
                short_label=truncate_label(label, frame.max_chars),
                label_y=_baseline(y, bar_height),
                bars=[bar],
            )
        )
        y += bar_height + gap
    headers = [category_header or _("Category"), value_header or title]
    headers += [header for header, _cells in extra_columns]
    table_rows = [
        [str(label), format_number(value)] + [str(cells[index]) for _h, cells in extra_columns]
        for index, (label, value) in enumerate(rows)
    ]
    return _finish(
        frame,
        chart_id=chart_id,
        title=title,
        description=_description(_("Bar chart."), rows, unit),
        unit=unit,
        rows=drawn,
        plot_bottom=y - gap + 6,
        integer=integer,
        legend=[],
        table_headers=headers,
        table_rows=table_rows,
    )


def _series_check(categories: Sequence[str], series: Sequence[tuple[str, Sequence[Number]]]):
    for name, values in series:
        if len(values) != len(categories):
            raise ValueError(f"Series {name!r} has {len(values)} values for {len(categories)}.")


def _fold_series(
    series: Sequence[tuple[str, Sequence[Number]]], limit: int
) -> list[tuple[str, list[Number]]]:
    """At most ``limit`` series for drawing: the largest keep their own colour (in their
    original order), the rest are added up as "Other". The table keeps every series."""
    if len(series) <= limit:
        return [(name, list(values)) for name, values in series]
    by_size = sorted(range(len(series)), key=lambda index: -sum(series[index][1]))
    keep = sorted(by_size[: limit - 1])
    rest = [index for index in range(len(series)) if index not in keep]
    folded = [(series[index][0], list(series[index][1])) for index in keep]
    others = [
        sum(series[index][1][column] for index in rest) for column in range(len(series[0][1]))
    ]
    folded.append((_("Other"), others))
    return folded


def stacked_bar_chart(
    *,
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[Number]]],
    unit: str = "",
    category_header: str = "",
    total_header: str = "",
    width: int = 640,
    bar_height: int = 26,
    gap: int = 10,
    label_width: int | None = None,
    chart_id: str = "",
) -> BarChart:
    """One bar per category made of one segment per series, with a legend; the total is
    written after the bar and each segment's value inside it when it fits."""
    _series_check(categories, series)
    chart_id = chart_id or f"chart-{slugify(title)}"
    totals = [sum(values[index] for _name, values in series) for index in range(len(categories))]
    if _is_empty(totals):
        return _empty(chart_id, title, unit, width)
    integer = all(float(value).is_integer() for _n, values in series for value in values)
    drawn_series = _fold_series(series, len(PALETTE))
    legend, legend_height = _legend([name for name, _values in drawn_series], width)
    frame = _Frame(width=width, label_width=label_width, top=legend_height + 8, maximum=max(totals))
    rows = []
    y = frame.top
    for index, category in enumerate(categories):
        bars = []
        x = float(frame.plot_left)
        for colour_index, (_name, values) in enumerate(drawn_series):
            value = values[index]
            if value == 0:
                continue
            length = frame.length(value)
            text = format_number(value)
            fits = length >= len(text) * CHAR_WIDTH + 8
            bars.append(
                Bar(
                    x=round(x, 2),
                    y=y,
                    width=length,
                    height=bar_height,
                    fill=PALETTE[colour_index % len(PALETTE)],
                    value=value,
                    value_label=text,
                    label_x=round(x + length / 2, 2) if fits else None,
                    label_y=_baseline(y, bar_height),
                    label_inside=True,
                )
            )
            x += length
        total = totals[index]
        rows.append(
            Row(
                label=str(category),
                short_label=truncate_label(category, frame.max_chars),
                label_y=_baseline(y, bar_height),
                bars=bars,
                total_label=format_number(total),
                total_x=_value_after(frame.plot_left + frame.length(total)),
                total_y=_baseline(y, bar_height),
            )
        )
        y += bar_height + gap
    headers = [category_header or _("Category")]
    headers += [name for name, _values in series]
    headers.append(total_header or _("Total"))
    table_rows = [
        [str(category)]
        + [format_number(values[index]) for _name, values in series]
        + [format_number(totals[index])]
        for index, category in enumerate(categories)
    ]
    return _finish(
        frame,
        chart_id=chart_id,
        title=title,
        description=_description(
            _("Stacked bar chart."), list(zip(categories, totals, strict=True)), unit
        ),
        unit=unit,
        rows=rows,
        plot_bottom=y - gap + 6,
        integer=integer,
        legend=legend,
        table_headers=headers,
        table_rows=table_rows,
    )


def grouped_bar_chart(
    *,
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[Number]]],
    unit: str = "",
    category_header: str = "",
    width: int = 640,
    bar_height: int = 16,
    gap: int = 14,
    label_width: int | None = None,
    chart_id: str = "",
) -> BarChart:
    """For each category one bar per series, side by side, each with its value after it. For
    a few series only (each keeps its own colour)."""
    _series_check(categories, series)
    if len(series) > len(PALETTE):
        raise ValueError(f"At most {len(PALETTE)} series can be grouped.")
    chart_id = chart_id or f"chart-{slugify(title)}"
    values = [value for _name, column in series for value in column]
    if _is_empty(values):
        return _empty(chart_id, title, unit, width)
    integer = all(float(value).is_integer() for value in values)
    legend, legend_height = _legend([name for name, _column in series], width)
    frame = _Frame(width=width, label_width=label_width, top=legend_height + 8, maximum=max(values))
    inner_gap = 2
    group_height = len(series) * bar_height + (len(series) - 1) * inner_gap
    rows = []
    y = frame.top
    for index, category in enumerate(categories):
        bars = []
        for colour_index, (_name, column) in enumerate(series):
            value = column[index]
            bar_y = y + colour_index * (bar_height + inner_gap)
            length = frame.length(value)
            text = format_number(value)
            bars.append(
                Bar(
                    x=frame.plot_left,
                    y=bar_y,
                    width=length,
                    height=bar_height,
                    fill=PALETTE[colour_index],
                    value=value,
                    value_label=text,
                    label_x=_value_after(frame.plot_left + length),
                    label_y=_baseline(bar_y, bar_height),
                    label_inside=False,
                )
            )
        rows.append(
            Row(
                label=str(category),
                short_label=truncate_label(category, frame.max_chars),
                label_y=_baseline(y, group_height),
                bars=bars,
            )
        )
        y += group_height + gap
    headers = [category_header or _("Category")] + [name for name, _column in series]
    table_rows = [
        [str(category)] + [format_number(column[index]) for _name, column in series]
        for index, category in enumerate(categories)
    ]
    largest = [
        (category, max(column[index] for _name, column in series))
        for index, category in enumerate(categories)
    ]
    return _finish(
        frame,
        chart_id=chart_id,
        title=title,
        description=_description(_("Grouped bar chart."), largest, unit),
        unit=unit,
        rows=rows,
        plot_bottom=y - gap + 6,
        integer=integer,
        legend=legend,
        table_headers=headers,
        table_rows=table_rows,
    )

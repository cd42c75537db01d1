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

from collections.abc import Sequence

from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.charts.layout import (
    AXIS_HEIGHT,
    CHAR_WIDTH,
    LABEL_SHARE,
    PALETTE,
    Bar,
    BarChart,
    LegendItem,
    Number,
    Row,
    Tick,
    _baseline,
    _description,
    _empty,
    _finish,
    _Frame,
    _is_empty,
    _legend,
    _ticks,
    _value_after,
    format_number,
    nice_step,
    truncate_label,
)


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


__all__ = [
    "AXIS_HEIGHT",
    "CHAR_WIDTH",
    "LABEL_SHARE",
    "PALETTE",
    "Bar",
    "BarChart",
    "LegendItem",
    "Row",
    "Tick",
    "_ticks",
    "bar_chart",
    "format_number",
    "grouped_bar_chart",
    "nice_step",
    "stacked_bar_chart",
    "truncate_label",
]

"""A grouped bar chart as inline SVG for the PDFs (WeasyPrint draws SVG; no charting library needed)."""

import math

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Greys that stay apart on a black-and-white printer.
FILLS = ["#d9d9d9", "#404040", "#8c8c8c", "#f2f2f2"]
FONT = "'Times New Roman', 'Liberation Serif', 'PT Serif', serif"


def nice_step(maximum, ticks=5):
    """A round step (1, 2, 5 × 10ⁿ) giving about `ticks` gridlines up to `maximum`."""
    if maximum <= 0:
        return 1
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return max(1, int(factor * power))
    return max(1, int(10 * power))


def bar_chart_svg(categories, series, width=640, height=280):
    """`categories`: labels under the groups («I», «II», …); `series`: [(name, [value per category])].

    Returns safe SVG markup: bars with their values on top, a value axis with gridlines, a legend below.
    """
    left, right, top, bottom = 44, 10, 18, 58
    plot_width, plot_height = width - left - right, height - top - bottom
    maximum = max([value for _, values in series for value in values] + [0])
    step = nice_step(maximum)
    axis_max = max(step, math.ceil(maximum / step) * step)

    def y(value):
        return top + plot_height - plot_height * value / axis_max

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'font-family="{FONT}" font-size="13" role="img">'
    ]
    for tick in range(0, axis_max + 1, step):
        parts.append(
            f'<line x1="{left}" y1="{y(tick):.1f}" x2="{width - right}" y2="{y(tick):.1f}" stroke="#bfbfbf" stroke-width="0.6"/>'
            f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick}</text>'
        )
    groups = max(len(categories), 1)
    group_width = plot_width / groups
    bar_width = min(group_width * 0.7 / max(len(series), 1), 60)
    for index, category in enumerate(categories):
        group_left = left + index * group_width + (group_width - bar_width * len(series)) / 2
        for number, (_, values) in enumerate(series):
            value = values[index]
            x = group_left + number * bar_width
            parts.append(
                f'<rect x="{x:.1f}" y="{y(value):.1f}" width="{bar_width:.1f}" height="{y(0) - y(value):.1f}" '
                f'fill="{FILLS[number % len(FILLS)]}" stroke="#000" stroke-width="0.6"/>'
                f'<text x="{x + bar_width / 2:.1f}" y="{y(value) - 4:.1f}" text-anchor="middle">{value}</text>'
            )
        parts.append(
            f'<text x="{left + (index + 0.5) * group_width:.1f}" y="{top + plot_height + 18}" text-anchor="middle" '
            f'font-weight="bold">{escape(category)}</text>'
        )
    parts.append(
        f'<line x1="{left}" y1="{y(0):.1f}" x2="{width - right}" y2="{y(0):.1f}" stroke="#000" stroke-width="1"/>'
    )
    # The legend, centred under the plot.
    entries = [(name, FILLS[number % len(FILLS)]) for number, (name, _) in enumerate(series)]
    entry_width = 150
    x = left + (plot_width - entry_width * len(entries)) / 2
    legend_y = height - 14
    for name, fill in entries:
        parts.append(
            f'<rect x="{x:.1f}" y="{legend_y - 11}" width="14" height="14" fill="{fill}" stroke="#000" stroke-width="0.6"/>'
            f'<text x="{x + 20:.1f}" y="{legend_y}">{escape(name)}</text>'
        )
        x += entry_width
    parts.append("</svg>")
    return mark_safe("".join(parts))

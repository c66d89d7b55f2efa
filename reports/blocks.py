"""Optional blocks of the year's analysis: how an app adds a part of its own to it.

A block is a function of the plan, decorated with @analysis_block, in the app's
exports.py; it returns an AnalysisBlock, or None when the app has nothing for that
academic year (the analysis then leaves it out). The analysis itself is in
events/exports/analysis.py; the data bank's blocks (courses, attestations) are in
members/exports.py.
"""

from dataclasses import dataclass

from core.formats import printed_columns


@dataclass
class AnalysisBlock:
    """An optional part of the analysis: a heading, a sentence, a table."""

    title: str
    header: list
    rows: list
    summary: str = ""
    column_widths: list | None = None  # XLSX column widths in characters
    sheet_title: str = ""  # XLSX sheet name; the title when empty

    @property
    def columns(self):
        """[(name, CSS width or "")]: the printed table's header, widths in proportion to the XLSX ones."""
        return printed_columns(self.header, self.column_widths)


# [(order, function)]: the functions called for every analysis, in order.
_blocks = []


def analysis_block(order=100):
    """Decorator: `function(plan) -> AnalysisBlock | None` joins every analysis, sorted by `order`."""

    def decorator(function):
        key = (function.__module__, function.__qualname__)
        _blocks[:] = [(o, f) for o, f in _blocks if (f.__module__, f.__qualname__) != key]
        _blocks.append((order, function))
        _blocks.sort(key=lambda entry: entry[0])
        return function

    return decorator


def unregister_analysis_block(function):
    _blocks[:] = [(o, f) for o, f in _blocks if f is not function]


def analysis_blocks():
    return [function for _, function in _blocks]

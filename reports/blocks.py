"""Optional blocks of the year's analysis: how an app adds a part of its own to it.

A block is a function of the plan, decorated with @analysis_block, in the app's
exports.py; it returns an AnalysisBlock, or None when the app has nothing for that
academic year (the analysis then leaves it out). The analysis itself is in
events/exports/analysis.py; the data bank's blocks (courses, attestations) are in
members/exports.py.
"""

from dataclasses import dataclass

from core.formats import printed_columns
from core.hooks import Hooks


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


# The functions called for every analysis, in order.
_blocks = Hooks()


def analysis_block(order=100):
    """Decorator: `function(plan) -> AnalysisBlock | None` joins every analysis, sorted by `order`."""
    return _blocks.register(order=order)


def unregister_analysis_block(function):
    _blocks.unregister(function)


def analysis_blocks():
    return list(_blocks)

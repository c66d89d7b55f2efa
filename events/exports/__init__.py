"""The plan and the year's analysis as documents: PDF, XLSX and DOCX, through the reports registry.

ReportsConfig.ready() imports this package, and each module registers its exporters."""

from events.exports import analysis, plan, plan_docx  # noqa: F401

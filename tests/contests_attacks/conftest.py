"""The contests attacked as an outsider would: the wrong role, another school, another association, forged ids, huge
inputs, stale forms — each answer a 403/404 or a Russian message, and nothing changed. Fixtures: tests/contests."""

from tests.contests.conftest import contest, filled_contest  # noqa: F401

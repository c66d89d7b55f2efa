"""The foundations every app stands on: the academic year and how dates and numbers are written.

Nothing here imports an app of the project (the import contract in pyproject.toml checks it)."""

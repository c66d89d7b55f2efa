"""Parts other apps add to the members' pages: a person's card and the head's overview.

The apps above members (meetings, say) know things about a person that members cannot import. Such an app
registers a function in its `hooks` module:

    @panel("person")
    def meetings_attended(request, person):
        return Panel("meetings/_person_panel.html", {"rows": ...})  # or None: nothing to show

The page renders each Panel's template with its context, in the order of registration. Each function asks the
database a fixed number of times, whatever the data.
"""

from dataclasses import dataclass, field

PAGES = ("person", "overview")
_panels = {page: [] for page in PAGES}


@dataclass
class Panel:
    template: str
    context: dict = field(default_factory=dict)


def panel(page):
    """Decorator: `function(request, subject) -> Panel | None` joins the `page` («person», «overview»)."""

    def decorator(function):
        key = (function.__module__, function.__qualname__)
        _panels[page][:] = [f for f in _panels[page] if (f.__module__, f.__qualname__) != key]
        _panels[page].append(function)
        return function

    return decorator


def panels(page, request, subject=None):
    """The Panels the apps give `page` for `subject` (the person; the association for the overview)."""
    return [
        found for found in (function(request, subject) for function in _panels[page]) if found is not None
    ]

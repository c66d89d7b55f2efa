"""Parts other apps add to the members' pages: a person's card, the head's overview and a school's page.

The apps above members (meetings, say) know things about a person that members cannot import. Such an app
registers a function in its `hooks` module:

    @panel("person")
    def meetings_attended(request, person):
        return Panel("meetings/_person_panel.html", {"rows": ...})  # or None: nothing to show

The page renders each Panel's template with its context, in the order of registration. Each function asks the
database a fixed number of times, whatever the data.
"""

from dataclasses import dataclass, field

from core.hooks import Hooks

PAGES = ("person", "overview", "school")
_panels = {page: Hooks() for page in PAGES}


@dataclass
class Panel:
    template: str
    context: dict = field(default_factory=dict)


def panel(page):
    """Decorator: `function(request, subject) -> Panel | None` joins the `page` («person», «overview», «school»)."""
    return _panels[page].register


def panels(page, request, subject=None):
    """The Panels the apps give `page` for `subject` (the person; the association for the overview; the school)."""
    return [
        found for found in (function(request, subject) for function in _panels[page]) if found is not None
    ]

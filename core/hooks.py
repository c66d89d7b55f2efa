"""Functions the apps above a module register into it: how a lower app lets the higher ones add to its pages,
documents and daily runs without importing them (reports.blocks, members.panels, events.plan_page,
events.reminders)."""


class Hooks:
    """An ordered list of registered functions.

    @hooks.register, or @hooks.register(order=30): lower orders first, equal ones in the order registered. A function
    registered again under its module and name (a module imported twice, a test reloading it) replaces itself.
    """

    def __init__(self):
        self._entries = []  # [(order, function)]

    def register(self, function=None, *, order=100):
        def add(function):
            self.unregister(function)
            self._entries.append((order, function))
            self._entries.sort(key=lambda entry: entry[0])
            return function

        return add if function is None else add(function)

    def unregister(self, function):
        key = (function.__module__, function.__qualname__)
        self._entries = [(o, f) for o, f in self._entries if (f.__module__, f.__qualname__) != key]

    def __iter__(self):
        return iter([function for _order, function in self._entries])

"""Rows kept in an order of their own by a `position` field (a plan's sections, a section's events, a meeting's
agenda items and decisions): renumbered 1, 2 … after a deletion, one of them moved a place up or down."""


def renumber(rows):
    """Positions 1, 2 … in the order of `rows` (an ordered queryset or a list), written only where they differ."""
    for position, row in enumerate(rows, start=1):
        if row.position != position:
            type(row).objects.filter(pk=row.pk).update(position=position)


def move_among(rows, row, direction):
    """`row` one place «up» or «down» among `rows` (a list, in order), the positions written; False (and nothing
    written) when it stands at that edge already."""
    index = rows.index(row)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(rows):
        return False
    rows[index], rows[other] = rows[other], rows[index]
    for position, each in enumerate(rows, start=1):
        type(each).objects.filter(pk=each.pk).update(position=position)
    return True

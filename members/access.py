"""Who is asking: the account behind a request."""


def get_account(request):
    """The signed-in person's Account, or None for a visitor or a login without one."""
    user = request.user
    if not user.is_authenticated:
        return None
    return getattr(user, "account", None)


def is_head_of(request, association):
    account = get_account(request)
    return account is not None and account.is_head and account.association_id == association.pk


def is_member_of(request, association):
    """Any signed-in account of the association: head, librarian or committee viewer."""
    account = get_account(request)
    return account is not None and account.association_id == association.pk

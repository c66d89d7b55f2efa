from members.access import get_account


def account(request):
    # A request refused before the authentication middleware ran (an unknown host name) has no user yet.
    return {"account": get_account(request) if hasattr(request, "user") else None}

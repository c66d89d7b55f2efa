from members.access import get_account


def account(request):
    return {"account": get_account(request)}

"""Slowing down password guessing, wherever a password is checked — the site's login, the admin's, the old
password when changing it (members.login).

The check sits in the authentication backend (`ThrottledBackend`, the only one in AUTHENTICATION_BACKENDS), so
no form can log anybody in around it. The pattern is django-axes': failures are counted per pair (login, client
address), the address taken from the proxy header the site is configured with, believed only from the trusted
proxy (`client_ip`; an IPv6 address counts as its /64). Three rules, each a growing delay — 1 minute, then 2, 4,
8 … at most an hour — and never a hard lock:

1. one login from one address: 5 tries free, then the delay. A person who mistypes her own password waits a
   minute, and someone guessing from elsewhere does not hold her back at all;
2. one login from all the addresses it has never signed in from: 20 failures free, then the delay for all of
   them (guessing from many addresses stays bounded) — but not for the addresses where the person signed in
   before, in the last 180 days: she still gets in from her school or from home;
3. one address, for the logins that never signed in from it: 30 failures free, then the delay (one address
   cannot try every login) — again not for the people who do sign in from there (a school behind one address).

A login is counted as Django compares it, case and letter width aside (`login_key`). Failures older than a day,
and those before the pair's last success, no longer count. The head (for her association's logins) and the site
administrator (any) lift the delay with `unlock`.

Atomic: the attempt is reserved — its failure row written — in the transaction that counts the earlier ones,
with the login's user row locked, before the password is checked; a right password turns the row into a
success. So thirty parallel guesses at one login check five passwords, not seven. (Rule 3 counts logins that may
not exist, which lock nothing: under a flood of parallel guesses at many logins it may let a few more through.)
"""

import datetime
import ipaddress
import logging
import math
import unicodedata

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from members.models import LoginAttempt

WINDOW = datetime.timedelta(days=1)
KNOWN_FOR = datetime.timedelta(
    days=180
)  # an address the login signed in from this recently is the person's own
FREE_PER_PAIR = 5
FREE_PER_LOGIN = 20
FREE_PER_ADDRESS = 30
LONGEST_DELAY = datetime.timedelta(hours=1)


def login_key(username):
    """The name attempts are counted under: «Kuklina», « kuklina » and a full-width «ｋuklina» are one login."""
    return unicodedata.normalize("NFKC", str(username)).strip().casefold()[:150]


def client_ip(request):
    """The client's address, as the throttle counts it; None when there is none.

    Behind a proxy: from the configured header (CLIENT_IP_HEADER, the address the nearest of CLIENT_IP_PROXIES
    proxies saw), but only when the connection comes from a trusted proxy (CLIENT_IP_TRUSTED_PROXIES) — else
    anyone reaching the server directly could name any address. An IPv6 address counts as its /64 network,
    which one client can fill with addresses at will.
    """
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    header = settings.CLIENT_IP_HEADER
    address = remote
    if (
        header
        and request.META.get(header)
        and remote is not None
        and str(remote) in settings.CLIENT_IP_TRUSTED_PROXIES
    ):
        hops = [hop.strip() for hop in request.META[header].split(",") if hop.strip()]
        if hops:
            address = _address(hops[-min(settings.CLIENT_IP_PROXIES, len(hops))]) or remote
    if address is None:
        _warn_once()
        return None
    if address.version == 6:
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


def _address(text):
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


_warned = False


def _warn_once():
    global _warned
    if not _warned:
        _warned = True
        logging.getLogger(__name__).warning(
            "A login came without a client address (a unix socket, or a proxy header not configured): "
            "every such login is counted as one address; set CLIENT_IP_HEADER."
        )


def delay(failures, free):
    """How long to wait after the latest failure: nothing for the first `free`, then 1, 2, 4 … minutes, at most an hour."""
    if failures < free:
        return datetime.timedelta(0)
    return min(datetime.timedelta(minutes=2 ** min(failures - free, 10)), LONGEST_DELAY)


def wait_before_attempt(username, ip, now):
    """How long this login from this address must still wait (a timedelta, zero when it may try now)."""
    since = now - WINDOW
    attempts = LoginAttempt.objects.filter(username=username, at__gte=since)
    known_ips = set(
        LoginAttempt.objects.filter(username=username, succeeded=True, at__gte=now - KNOWN_FOR).values_list(
            "ip", flat=True
        )
    )
    last_success = attempts.filter(ip=ip, succeeded=True).aggregate(at=Max("at"))["at"]
    checks = [(attempts.filter(ip=ip, succeeded=False, at__gt=last_success or since), FREE_PER_PAIR)]
    if ip is None or ip not in known_ips:  # no address is nobody's own
        checks.append(
            (
                attempts.filter(succeeded=False).exclude(ip__in=[known for known in known_ips if known]),
                FREE_PER_LOGIN,
            )
        )
        if ip:
            signed_in_here = LoginAttempt.objects.filter(
                ip=ip, succeeded=True, at__gte=now - KNOWN_FOR
            ).values("username")
            checks.append((
                LoginAttempt.objects.filter(ip=ip, succeeded=False, at__gte=since).exclude(username__in=signed_in_here),
                FREE_PER_ADDRESS,
            ))  # fmt: skip
    wait = datetime.timedelta(0)
    for failures, free in checks:
        found = failures.aggregate(count=Count("pk"), latest=Max("at"))
        if found["count"] >= free:
            wait = max(wait, found["latest"] + delay(found["count"], free) - now)
    return wait


def reserve(username, ip):
    """Count and reserve in one transaction: (the failure row now standing for this attempt, None) — or (None,
    the wait) when the attempt is refused. The login's user row is locked, so parallel attempts queue here."""
    now = timezone.now()
    with transaction.atomic():
        list(get_user_model().objects.select_for_update().filter(username__iexact=username).values_list("pk"))
        wait = wait_before_attempt(username, ip, now)
        if wait > datetime.timedelta(0):
            return None, wait
        return LoginAttempt.objects.create(username=username, ip=ip, at=now), None


def succeeded(attempt):
    attempt.succeeded = True
    attempt.save(update_fields=["succeeded"])
    LoginAttempt.objects.filter(at__lt=timezone.now() - KNOWN_FOR).delete()  # what no rule reads any more


def unlock(username):
    """Lift every delay on the login: its failures are forgotten (the successes stay: they say where she signs in)."""
    return LoginAttempt.objects.filter(username=login_key(username), succeeded=False).delete()[0]


def recent_failures(username):
    """Failures of the login in the last day, from any address — what «Снять ограничение» would forget."""
    return LoginAttempt.objects.filter(
        username=login_key(username), succeeded=False, at__gte=timezone.now() - WINDOW
    ).count()


def check_password(request, user, password):
    """A password checked outside a login form (the old one, when changing it): through the same throttle.
    (True, None) when right; (False, the sentence to show) when wrong or refused."""
    attempt, wait = reserve(login_key(user.get_username()), client_ip(request))
    if attempt is None:
        return False, wait_message(wait)
    if user.check_password(password):
        succeeded(attempt)
        return True, None
    return False, None


def wait_message(wait):
    minutes = max(1, math.ceil(wait.total_seconds() / 60))
    return ngettext(
        "Слишком много неудачных попыток входа. Попробуйте снова через %(minutes)d минуту или попросите руководителя объединения снять ограничение.",
        "Слишком много неудачных попыток входа. Попробуйте снова через %(minutes)d минут или попросите руководителя объединения снять ограничение.",
        minutes,
    ) % {"minutes": minutes}


class ThrottledBackend(ModelBackend):
    """Django's own username-and-password backend behind the throttle.

    A refused attempt leaves `request.login_refusal` (the sentence to show) and stops the other backends; a
    right password for a switched-off login says so instead of «wrong password».
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        attempt, wait = reserve(login_key(username), client_ip(request) if request is not None else None)
        if attempt is None:
            if request is not None:
                request.login_refusal = wait_message(wait)
            raise PermissionDenied
        user = super().authenticate(request, username, password, **kwargs)
        if user is not None:
            succeeded(attempt)
            return user
        if request is not None and self._switched_off(username, password):
            request.login_refusal = _(
                "Ваш вход на сайт отключён. Если это ошибка, обратитесь к руководителю объединения."
            )
        return None

    @staticmethod
    def _switched_off(username, password):
        user = get_user_model().objects.filter(username=username, is_active=False).first()
        return user is not None and user.check_password(password)

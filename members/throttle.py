"""Login throttling: after 5 failed logins for a username (or 20 from one address) within 15 minutes,
further attempts are refused until the window passes. Failures live in the database, so every
server process sees the same count."""

import datetime

from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import LoginFailure

WINDOW = datetime.timedelta(minutes=15)
MAX_PER_USERNAME = 5
MAX_PER_ADDRESS = 20


def client_ip(request):
    return request.META.get("REMOTE_ADDR") or None


def is_blocked(username, ip, now=None):
    since = (now or timezone.now()) - WINDOW
    recent = LoginFailure.objects.filter(at__gte=since)
    by_name = recent.filter(username__iexact=username).count() if username else 0
    by_address = recent.filter(ip=ip).count() if ip else 0
    return by_name >= MAX_PER_USERNAME or by_address >= MAX_PER_ADDRESS


class ThrottledAuthenticationForm(auth_views.AuthenticationForm):
    throttled = False
    error_messages = {
        **auth_views.AuthenticationForm.error_messages,
        "throttled": _("Слишком много неудачных попыток входа. Подождите 15 минут и попробуйте снова или попросите руководителя сменить пароль."),
    }

    def clean(self):
        username = self.cleaned_data.get("username", "")
        ip = client_ip(self.request) if self.request else None
        if is_blocked(username, ip):
            self.throttled = True
            raise ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            return super().clean()
        except ValidationError:
            LoginFailure.objects.create(username=username[:150], ip=ip)
            raise

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        LoginFailure.objects.filter(Q(username__iexact=user.get_username())).delete()


class LoginView(auth_views.LoginView):
    authentication_form = ThrottledAuthenticationForm

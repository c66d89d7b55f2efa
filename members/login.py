"""The login forms — the site's and the admin's: each shows the throttle's refusal (members.throttle) instead
of «wrong password» when the backend refused to check the password at all."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError


class RefusalMessage:
    refused = False  # the template shows the refusal as it is, not the general «wrong password» text

    def get_invalid_login_error(self):
        refusal = getattr(self.request, "login_refusal", None)
        if refusal:
            self.refused = True
            return ValidationError(refusal, code="refused")
        return super().get_invalid_login_error()


class LoginForm(RefusalMessage, AuthenticationForm):
    pass


class AdminLoginForm(RefusalMessage, AdminAuthenticationForm):
    pass


class LoginView(auth_views.LoginView):
    authentication_form = LoginForm

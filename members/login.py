"""The forms that check a password — the site's login, the admin's, changing one's own password: each goes
through the throttle (members.throttle) and shows its refusal instead of «wrong password»."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.forms import PasswordChangeForm as DjangoPasswordChangeForm
from django.core.exceptions import ValidationError

from members import throttle


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


class PasswordChangeForm(DjangoPasswordChangeForm):
    """The old password is a password too: guessing it from a session left open is bounded the same way."""

    def __init__(self, user, *args, request=None, **kwargs):
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        right, refusal = throttle.check_password(self.request, self.user, old_password)
        if refusal:
            raise ValidationError(refusal, code="refused")
        if not right:
            raise ValidationError(self.error_messages["password_incorrect"], code="password_incorrect")
        return old_password


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

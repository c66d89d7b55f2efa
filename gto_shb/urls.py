from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from home import views as home_views
from members import privacy_views
from members.login import AdminLoginForm, LoginView, PasswordChangeView

admin.site.site_header = "ГТО ШБ: администрирование"
admin.site.site_title = "ГТО ШБ"
admin.site.login_form = AdminLoginForm  # the same throttle, its refusal shown

# Russian pages in the site's layout (gto_shb/errors.py); 403 and 400 are Django's own views with our templates.
handler404 = "gto_shb.errors.page_not_found"
handler500 = "gto_shb.errors.server_error"

urlpatterns = [
    path("", home_views.home, name="home"),
    path("privacy/", privacy_views.privacy_policy, name="privacy"),
    path("accounts/login/", LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("plans/", include("events.urls")),
    path("meetings/", include("meetings.urls")),
    path("contests/", include("contests.urls")),
    path("reports/", include("events.export_urls")),
    path("members/", include("members.urls")),
    path("textbooks/", include("textbooks.urls")),
    path("rounds/", include("rounds.urls")),
    path("history/", include("audit.urls")),
    path("region/", include("region.urls")),
    path("admin/", admin.site.urls),
]

from django.urls import path

from rounds import views

app_name = "rounds"

urlpatterns = [
    path("", views.round_list, name="rounds"),
    path("new/", views.round_create, name="round_create"),
    path("<int:pk>/", views.round_detail, name="round"),
    path("<int:pk>/edit/", views.round_edit, name="round_edit"),
    path("<int:pk>/close/", views.round_close, name="round_close"),
    path("<int:pk>/reopen/", views.round_reopen, name="round_reopen"),
    path("<int:pk>/remind/", views.round_remind, name="round_remind"),
    path("<int:pk>/summary.<str:fmt>", views.round_download, name="round_download"),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/form.xlsx", views.report_form_xlsx, name="report_form_xlsx"),
    path("reports/<int:pk>/reopen/", views.report_reopen, name="report_reopen"),
    path("reports/<int:pk>/needs/", views.report_to_needs, name="report_to_needs"),
    path("reports/<int:pk>/fsem-scan/", views.fsem_scan, name="fsem_scan"),
]

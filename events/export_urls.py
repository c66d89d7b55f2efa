from django.urls import path

from events import export_views as views

app_name = "reports"

urlpatterns = [
    path("<slug:slug>/<str:year>/plan.<str:fmt>", views.plan_download, name="plan"),
    path("<slug:slug>/<str:year>/analysis.<str:fmt>", views.analysis_download, name="analysis"),
]

from django.urls import path

from region import views

app_name = "region"

urlpatterns = [
    path("", views.region, name="region"),
    path("choose/<int:pk>/", views.choose, name="choose"),
    path("summary.<str:fmt>", views.region_download, name="download"),
]

from django.urls import path

from audit import views

app_name = "audit"

urlpatterns = [
    path("deleted/", views.deleted_list, name="deleted"),
    path("deleted/<str:label>/<int:history_id>/restore/", views.restore_deleted, name="restore"),
]

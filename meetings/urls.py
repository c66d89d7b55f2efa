from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("<int:pk>/", views.meeting_detail, name="meeting"),
    path("<int:pk>/edit/", views.meeting_edit, name="edit"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/items/add/", views.item_add, name="item_add"),
    path("<int:pk>/materials/add/", views.material_add, name="material_add"),
    path("<int:pk>/publish/", views.publish, name="publish"),
    path("<int:pk>/protocol.<str:fmt>", views.protocol_download, name="protocol"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:pk>/delete/", views.item_delete, name="item_delete"),
    path("items/<int:pk>/move/", views.item_move, name="item_move"),
    path("materials/<int:pk>/", views.material_download, name="material"),
    path("materials/<int:pk>/delete/", views.material_delete, name="material_delete"),
    path("decisions/<int:pk>/done/", views.decision_done, name="decision_done"),
]

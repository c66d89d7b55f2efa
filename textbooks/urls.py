from django.urls import path

from textbooks import views

app_name = "textbooks"

urlpatterns = [
    path("", views.bank, name="bank"),
    path("needs/", views.needs, name="needs"),
    path("export.xlsx", views.bank_export, name="export"),
    path("fpu/", views.catalogue, name="catalogue"),
    path("fpu/suggest/", views.catalogue_suggest, name="catalogue_suggest"),
    path("my/", views.my_school, name="my_school"),
    path("schools/<int:pk>/", views.school_page, name="school"),
    path("offers/new/", views.offer_create, name="offer_create"),
    path("offers/import/", views.offers_import, name="offers_import"),
    path("offers/import/sample.xlsx", views.offers_sample, name="offers_sample"),
    path("offers/<int:pk>/", views.offer_detail, name="offer"),
    path("offers/<int:pk>/edit/", views.offer_edit, name="offer_edit"),
    path("offers/<int:pk>/withdraw/", views.offer_withdraw, name="offer_withdraw"),
    path("offers/<int:pk>/request/", views.offer_request, name="offer_request"),
    path("needs/new/", views.need_create, name="need_create"),
    path("needs/<int:pk>/", views.need_detail, name="need"),
    path("needs/<int:pk>/edit/", views.need_edit, name="need_edit"),
    path("needs/<int:pk>/close/", views.need_close, name="need_close"),
    path("transfers/<int:pk>/", views.transfer_detail, name="transfer"),
    path("transfers/<int:pk>/act.pdf", views.transfer_act, name="transfer_act"),
    path("transfers/<int:pk>/<slug:action>/", views.transfer_action, name="transfer_action"),
]

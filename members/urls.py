from django.urls import path

from members import privacy_views, views

app_name = "members"

urlpatterns = [
    path("", views.person_list, name="people"),
    path("new/", views.person_create, name="person_create"),
    path("overview/", views.overview, name="overview"),
    path("download.xlsx", views.members_download, name="download"),
    path("<int:pk>/card.pdf", views.person_card_download, name="person_card"),
    path("<int:pk>/", views.person_detail, name="person"),
    path("<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("<int:pk>/account/", views.account_create, name="account_create"),
    path("<int:pk>/account/switch/", views.account_switch, name="account_switch"),
    path("<int:pk>/account/unlock/", views.login_unlock, name="login_unlock"),
    path("<int:pk>/courses/add/", views.course_add, name="course_add"),
    path("<int:pk>/consents/add/", privacy_views.consent_add, name="consent_add"),
    path("<int:pk>/my-data.<str:fmt>", privacy_views.my_data, name="my_data"),
    path("<int:pk>/erase/", privacy_views.person_erase, name="person_erase"),
    path("consents/<int:pk>/withdraw/", privacy_views.consent_withdraw, name="consent_withdraw"),
    path("consents/<int:pk>/scan/", privacy_views.consent_scan, name="consent_scan"),
    path("<int:pk>/portfolio/add/", views.portfolio_add, name="portfolio_add"),
    path("courses/<int:pk>/edit/", views.course_edit, name="course_edit"),
    path("courses/<int:pk>/delete/", views.course_delete, name="course_delete"),
    path("courses/<int:pk>/scan/", views.course_scan, name="course_scan"),
    path("portfolio/<int:pk>/edit/", views.portfolio_edit, name="portfolio_edit"),
    path("portfolio/<int:pk>/delete/", views.portfolio_delete, name="portfolio_delete"),
    path("portfolio/<int:pk>/file/", views.portfolio_file, name="portfolio_file"),
    path("association/", views.association_edit, name="association"),
    path("schools/", views.school_list, name="schools"),
    path("schools/new/", views.school_create, name="school_create"),
    path("schools/<int:pk>/", views.school_detail, name="school"),
    path("schools/<int:pk>/edit/", views.school_edit, name="school_edit"),
]

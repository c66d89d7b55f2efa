from django.urls import path

from contests import views

app_name = "contests"

urlpatterns = [
    path("", views.contest_list, name="list"),
    path("<int:pk>/", views.contest_detail, name="contest"),
    path("<int:pk>/setup/", views.setup, name="setup"),
    path("<int:pk>/copy/", views.copy_last_year, name="copy"),
    path("<int:pk>/reopen/", views.reopen, name="reopen"),
    path("<int:pk>/rules/", views.rules_file, name="rules_file"),
    path("<int:pk>/background/", views.background, name="background"),
    path("<int:pk>/entries/add/", views.entry_add, name="entry_add"),
    path("<int:pk>/entries/upload/", views.entries_upload, name="entries_upload"),
    path("<int:pk>/entries/template.xlsx", views.entries_template, name="entries_template"),
    path("<int:pk>/results/", views.results, name="results"),
    path("<int:pk>/results/unconfirm/", views.unconfirm, name="unconfirm"),
    path("<int:pk>/results/publish/", views.publish, name="publish"),
    path("<int:pk>/certificates/issue/", views.issue_certificates, name="issue"),
    path("<int:pk>/certificates.pdf", views.certificates_pdf, name="certificates"),
    path("<int:pk>/<str:name>", views.document, name="document"),
    path("entries/<int:pk>/edit/", views.entry_edit, name="entry_edit"),
    path("entries/<int:pk>/delete/", views.entry_delete, name="entry_delete"),
    path("entries/<int:pk>/work/", views.work_file, name="work_file"),
    path("jury/<int:pk>/", views.score_sheet, name="score_sheet"),
]

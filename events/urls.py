from django.urls import path

from events import calendar_views, import_views, views

app_name = "events"

urlpatterns = [
    # Fixed prefixes first: «sections/5/edit/» must not read as a plan «sections», year «5».
    path("sections/<int:pk>/edit/", views.section_edit, name="section_edit"),
    path("sections/<int:pk>/delete/", views.section_delete, name="section_delete"),
    path("sections/<int:pk>/move/", views.section_move, name="section_move"),
    path("sections/<int:pk>/events/add/", views.event_add, name="event_add"),
    path("events/<int:pk>/edit/", views.event_edit, name="event_edit"),
    path("events/<int:pk>/delete/", views.event_delete, name="event_delete"),
    path("events/<int:pk>/move/", views.event_move, name="event_move"),
    path("events/<int:pk>/status/", views.event_status, name="event_status"),
    path("import/", import_views.plan_import, name="plan_import"),
    path("import/<str:token>/", import_views.plan_import_preview, name="plan_import_preview"),
    path("calendar/<str:token>.ics", calendar_views.person_feed, name="person_feed"),
    path("calendar/renew/<int:pk>/", calendar_views.person_feed_renew, name="person_feed_renew"),
    path("<slug:slug>/<str:year>/", views.plan_detail, name="plan"),
    path("<slug:slug>/<str:year>/calendar/", calendar_views.plan_calendar, name="plan_calendar"),
    path("<slug:slug>/<str:year>/edit/", views.plan_edit, name="plan_edit"),
    path("<slug:slug>/<str:year>/publish/", views.plan_publish, name="plan_publish"),
    path("<slug:slug>/<str:year>/copy/", views.plan_copy, name="plan_copy"),
    path("<slug:slug>/<str:year>/sections/add/", views.section_add, name="section_add"),
    path("<slug:slug>/<str:year>/names/", views.plan_link_name, name="plan_link_name"),
]

"""Error answers as pages of the site in Russian, in its layout, each saying what happened and where to go.

- 404: the plain «Страница не найдена»; a draft plan's address (events.access.PlanNotPublished) reads «План ещё не
  опубликован» instead — still a 404, and nothing else of the plan;
- 500: the layout when it can be drawn, else the same words (templates/500.html) on a bare page: the error may be
  the database's;
- 405, which Django leaves empty, says that the address takes only a form's button.
"""

import logging

from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template import engines
from django.template.loader import render_to_string
from django.views.decorators.csrf import requires_csrf_token

from events.access import PlanNotPublished

logger = logging.getLogger(__name__)

# 500.html in the layout: its words in base.html's frame, with the visitor's menu.
IN_LAYOUT_500 = (
    '{% extends "base.html" %}{% load i18n %}{% block title %}{% translate "Ошибка на сайте" %}{% endblock %}'
    '{% block content %}{% include "500.html" with in_layout=True %}{% endblock %}'
)


@requires_csrf_token
def page_not_found(request, exception):
    context = {"not_published": isinstance(exception, PlanNotPublished)}
    return HttpResponseNotFound(render_to_string("404.html", context, request=request))


@requires_csrf_token
def server_error(request):
    try:
        return HttpResponseServerError(engines["django"].from_string(IN_LAYOUT_500).render(request=request))
    except Exception:
        logger.exception("The 500 page could not be drawn in the layout; the bare one is shown")
    return HttpResponseServerError(render_to_string("500.html"))


class MethodNotAllowedPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            response.content = render_to_string("405.html", request=request)
            response["Content-Type"] = "text/html; charset=utf-8"
        return response

"""A URL that fails, to see what a server error leaves in the log (tests/gto_shb/test_logging.py)."""

from django.urls import path


def broken(request, pk):
    raise RuntimeError("a bug in a view")


urlpatterns = [path("broken/<int:pk>/", broken)]

"""The page every form of the site stands on: a title, a sentence saying what the form is for, the form,
«Сохранить» and «Отмена» (templates/form.html; a kind of form may extend it, as textbooks/form.html does)."""

from django.shortcuts import render


def form_page(
    request, form, title, intro, cancel_url, *, template="form.html", multipart=False, status=200, **context
):
    """The form's page, with what was typed kept in the form when it comes back with its errors."""
    context.update(form=form, title=title, intro=intro, cancel_url=cancel_url, multipart=multipart)
    return render(request, template, context, status=status)

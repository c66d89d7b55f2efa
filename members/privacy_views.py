"""Personal data (152-ФЗ): the published policy, consents on the card, «Мои данные», erasure after leaving."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from core.formats import before_period
from core.pages import form_page
from members import privacy
from members.access import get_person_for_user, require_head
from members.forms import ConsentForm
from members.models import Consent, PrivacyPolicy
from members.privacy import erase, personal_data
from members.views import private_file
from reports.base import download_response, get_exporter


@require_safe
def privacy_policy(request):
    """The policy on processing personal data: for everybody, signed in or not."""
    return render(request, "privacy.html", {"policy": PrivacyPolicy.objects.first()})


@login_required
def consent_add(request, pk):
    require_head(request)
    person, rights = get_person_for_user(request, pk)
    form = ConsentForm(
        request.POST or None, request.FILES or None, initial={"given_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        privacy.record_consent(form.save(commit=False), person, request.user)
        messages.success(request, _("Согласие внесено в карточку."))
        return redirect(person)
    return form_page(
        request,
        form,
        _("Согласие: %(name)s") % {"name": person.printed_name},
        _("Согласие на обработку персональных данных и отдельно — на публикацию фамилии и инициалов на открытых "
          "страницах сайта (план работы, его PDF и XLSX). Без второго открытые страницы называют сотрудника по должности."),
        person.get_absolute_url(),
        multipart=True,
        status=400 if request.method == "POST" else 200,
    )  # fmt: skip


@login_required
@require_POST
def consent_withdraw(request, pk):
    require_head(request)
    consent = get_object_or_404(Consent, pk=pk)
    person, rights = get_person_for_user(request, consent.person_id)
    if consent.is_in_force:
        privacy.withdraw_consent(consent)
        messages.success(request, _("Согласие отозвано с сегодняшнего дня."))
    return redirect(person)


@login_required
@require_safe
def consent_scan(request, pk):
    consent = get_object_or_404(Consent, pk=pk)
    return private_file(request, consent.person_id, consent.scan)


@login_required
@require_safe
def my_data(request, pk, fmt):
    """Everything the site keeps about a person, as JSON or PDF: for herself, and for the head to hand over."""
    person, rights = get_person_for_user(request, pk, edit=True)
    if fmt == "pdf":
        return download_response(get_exporter("personal-data-pdf")(person))
    if fmt != "json":
        raise Http404
    body = json.dumps(personal_data(person), ensure_ascii=False, indent=2, cls=DjangoJSONEncoder).encode()
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        True, f"Мои данные {before_period(person.printed_name)}.json"
    )
    return response


@login_required
@require_POST
def person_erase(request, pk):
    """The head erases the personal data of someone who left (she asked, or the purpose is over)."""
    require_head(request)
    person, rights = get_person_for_user(request, pk)
    if request.POST.get("confirm") != "1":
        messages.error(request, _("Поставьте отметку «Понимаю, что это нельзя отменить»."))
        return redirect(person)
    try:
        erase(person)
    except ValueError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Личные данные стёрты: осталась только фамилия с инициалами — в прошлых планах.")
        )
    return redirect(person)

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.history import RestoreError, association_of, deleted, restore, tracked_models, who
from members.access import require_head


@login_required
def deleted_list(request):
    """The head's «Удалённое»: what was deleted, by whom and when, each with «Восстановить»."""
    account = require_head(request)
    items = [
        (model, record)
        for model, record in deleted()
        if association_of(record.instance) == account.association.pk
    ]
    rows = [
        {
            "model": model._meta.verbose_name,
            "label": model._meta.label_lower,
            "record": record,
            "title": str(record.instance),
            "who": who(record),
        }
        for model, record in items
    ]
    return render(request, "audit/deleted.html", {"rows": rows})


@login_required
@require_POST
def restore_deleted(request, label, history_id):
    account = require_head(request)
    models = {model._meta.label_lower: model for model in tracked_models()}
    model = models.get(label)
    record = model.history.filter(history_id=history_id, history_type="-").first() if model else None
    if (
        record is None
        or model.objects.filter(pk=record.id).exists()
        or not association_of(record.instance) == account.association.pk
    ):
        raise Http404
    try:
        obj = restore(model, record)
    except RestoreError as error:
        messages.error(request, str(error))
        return redirect("audit:deleted")
    messages.success(
        request, _("Восстановлено: %(what)s «%(title)s».") % {"what": model._meta.verbose_name, "title": obj}
    )
    return redirect("audit:deleted")

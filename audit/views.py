from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.history import PARTS, RestoreError, association_of, deleted_for, restore, tracked_models
from members.access import require_head


@login_required
def deleted_list(request):
    """The head's «Удалённое»: what a person deleted, from where, by whom and when, each with «Восстановить»."""
    account = require_head(request)
    rows = deleted_for(account.association.pk)
    return render(request, "audit/deleted.html", {"rows": rows})


@login_required
@require_POST
def restore_deleted(request, label, history_id):
    account = require_head(request)
    models = {
        model._meta.label_lower: model
        for model in tracked_models()
        if model._meta.label_lower not in PARTS  # they come back with their parent
    }
    model = models.get(label)
    record = model.history.filter(history_id=history_id, history_type="-").first() if model else None
    if (
        record is None
        or model.objects.filter(pk=record.id).exists()
        or not association_of(record.instance) == account.association.pk
    ):
        raise Http404
    notes = []
    try:
        obj = restore(model, record, notes)
    except RestoreError as error:
        messages.error(request, str(error))
        return redirect("audit:deleted")
    messages.success(
        request, _("Восстановлено: %(what)s «%(title)s».") % {"what": model._meta.verbose_name, "title": obj}
    )
    for note in notes:
        messages.warning(request, note)
    return redirect("audit:deleted")

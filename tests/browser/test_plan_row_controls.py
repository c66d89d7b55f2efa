"""The head's controls on a plan row at a laptop's width: the status reads whole, and what «Отметить» did stays
in sight where the page opens."""

import pytest
from django.db import models
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_status_reads_whole_and_the_message_stays_in_sight(live_server, page, login, head_user, plan):
    from events.models import Event

    long = " о взаимодействии школьных библиотек с муниципальными библиотеками города и района"
    Event.objects.filter(section__plan=plan).update(
        title=models.functions.Concat("title", models.Value(long))
    )
    page.set_viewport_size({"width": 1366, "height": 768})
    login(page, "head")
    page.goto(live_server.url + plan.get_absolute_url())
    select = page.locator("tr.plan-event", has_text="Круглый стол").get_by_label("Состояние")
    room, longest = page.evaluate(
        """select => {
            const style = getComputedStyle(select);
            const canvas = document.createElement("canvas").getContext("2d");
            canvas.font = style.font;
            const text = Math.max(...[...select.options].map(option => canvas.measureText(option.text).width));
            const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
            return [select.clientWidth - padding, text];
        }""",
        select.element_handle(),
    )
    assert room >= longest, (room, longest)  # «запланировано» whole beside the select's arrow

    select.select_option("done")
    page.locator("tr.plan-event", has_text="Круглый стол").get_by_role("button", name="Отметить").click()
    message = page.get_by_role("status").first
    expect(message).to_contain_text("проведено")
    top = message.bounding_box()["y"]
    assert 0 <= top < 768, top  # in the window wherever the page scrolled to

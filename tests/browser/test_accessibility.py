"""Every main page, as the person who uses it: axe-core finds no serious or critical problem,
and at 375 px (a phone) nothing scrolls sideways."""

from pathlib import Path

import pytest

from tests.pages import load_demo, main_pages

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def axe_problems(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_main_pages_are_accessible_and_fit_a_phone(live_server, browser, login):
    load_demo()
    problems = {}
    desktop = browser.new_page(viewport={"width": 1280, "height": 900})
    phone = browser.new_page(viewport={"width": 375, "height": 800})
    current = None
    for username, name, url in main_pages():
        if username != current:
            for page in (desktop, phone):
                if username:
                    login(page, username)
                else:
                    page.context.clear_cookies()
            current = username
        response = desktop.goto(live_server.url + url)
        assert response.status == 200, f"{name}: {response.status}"
        found = axe_problems(desktop)
        phone.goto(live_server.url + url)
        overflow = phone.evaluate("document.documentElement.scrollWidth")
        if overflow > 375:
            found.append(f"scrolls sideways at 375 px: {overflow} px wide")
        if found:
            problems[name] = found
    assert not problems, "\n".join(f"{name}: {found}" for name, found in problems.items())

"""Called by bin/screenshots: loads the demo data, waits for the server, photographs every main page."""

import socket
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.test import Client  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.pages import load_demo, main_pages  # noqa: E402

WIDTHS = {"desktop": 1280, "phone": 375}


def wait_for(url, seconds=30):
    address = urlparse(url)
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection((address.hostname, address.port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit(f"Сервер {url} не ответил за {seconds} с.") from None
            time.sleep(0.2)


def session_cookie(username):
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def main(base_url, folder):
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    load_demo()
    wait_for(base_url)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width_name, width in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": 900}, locale="ru-RU")
            page = context.new_page()
            for username, name, url in main_pages():
                context.clear_cookies()
                if username:
                    context.add_cookies(
                        [
                            {
                                "name": settings.SESSION_COOKIE_NAME,
                                "value": session_cookie(username),
                                "url": base_url,
                            }
                        ]
                    )
                page.goto(base_url + url)
                path = folder / f"{name}-{width_name}.png"
                page.screenshot(path=str(path), full_page=True)
                print(path)
            context.close()
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:3])

"""Debian's Chromium, headless, driven by Playwright; and asking a question on the reader's page as a reader does."""

import shutil
from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, Page, expect, sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags for a closed network: no background fetches, no first-run or sync traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def launch_chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def ask_on_page(page: Page, question: str, timeout_ms: float = 60_000) -> None:
    """Type the question, press Enter, wait until the checked answer has replaced the draft."""
    count = page.locator(".answer").count()
    page.fill("#question", question)
    page.press("#question", "Enter")
    expect(page.locator(".answer")).to_have_count(count + 1)
    expect(page.locator(".answer").last.locator(".draft")).to_have_count(0, timeout=timeout_ms)

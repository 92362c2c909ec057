"""The console in Debian's Chromium (Selenium, /usr/bin/chromedriver): a coordinator signs in,
finds a submission by FEIN, sees a field's spot on the page image, corrects it, approves with
RPA User IDs and sees the notice queued; a viewer cannot approve; sender text is escaped.
Screenshots of each main page go to the test's temporary directory."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from console_helpers import HOSTILE, PASSWORD, Console
from selenium import webdriver
from selenium.common.exceptions import (
    NoAlertPresentException,
    NoSuchElementException,
    StaleElementReferenceException,
)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1400,1000")


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    if not (os.path.exists(CHROMIUM) and os.path.exists(DRIVER)):
        pytest.fail("Debian's chromium and chromium-driver are needed: scripts/bootstrap.sh "
                    "test installs them")
    profile = tempfile.mkdtemp(prefix="rpa-console-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=DRIVER))
    driver.implicitly_wait(3)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def sign_in(driver: WebDriver, console: Console, name: str) -> None:
    driver.delete_all_cookies()
    driver.get(f"{console.url}/login")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button").click()
    assert driver.find_element(By.CSS_SELECTOR, ".who").text.startswith(name)


def new_page(driver: WebDriver, act: Callable[[], None]) -> None:
    """Do ``act`` (a click, a submit) and wait for the page it loads: find_elements on the
    old page, a moment before it goes, was a flaky test."""
    old = driver.find_element(By.TAG_NAME, "html")
    act()
    WebDriverWait(driver, 15).until(staleness_of(old))


def flash_says(driver: WebDriver, words: str) -> None:
    """Wait for the page after a POST to show its one-time message (the old page's message
    may go stale while it is read: that is waiting too)."""
    WebDriverWait(driver, 15, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: any(words in item.text for item in d.find_elements(By.CLASS_NAME, "flash")))


def screenshot(driver: WebDriver, shots: Path, name: str) -> Path:
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1400, min(max(int(height), 800), 2400))
    target = shots / f"{name}.png"
    driver.save_screenshot(str(target))
    driver.set_window_size(1400, 1000)
    return target


def test_coordinator_finds_corrects_and_approves(browser: WebDriver, console: Console,
                                                 shots: Path) -> None:
    browser.delete_all_cookies()
    browser.get(f"{console.url}/")
    assert "/login" in browser.current_url
    screenshot(browser, shots, "login")
    sign_in(browser, console, "alice")
    cookie = browser.get_cookie("rpa_console")
    assert cookie is not None and cookie["httpOnly"] and cookie["sameSite"] == "Lax"

    search = browser.find_element(By.ID, "q")
    search.send_keys("043512345")  # the FEIN without its dash
    new_page(browser, search.submit)
    rows = browser.find_elements(By.CSS_SELECTOR, "table.queue tbody tr")
    assert len(rows) == 1 and "Acme Health LLC" in rows[0].text and "Stage II" in rows[0].text
    screenshot(browser, shots, "queue")
    rows[0].find_element(By.TAG_NAME, "a").click()

    fein = browser.find_element(By.XPATH, "//tr[th[contains(., 'FEIN')]]")
    fein.find_element(By.CLASS_NAME, "locate").click()
    spot = browser.find_element(By.ID, "spot-box")
    page = browser.find_element(By.CSS_SELECTOR, "#spot img")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", page)
    box, image = spot.rect, page.rect
    assert box["width"] > 10 and box["height"] > 5
    assert image["x"] <= box["x"] and box["x"] + box["width"] <= image["x"] + image["width"]
    assert image["y"] <= box["y"] and box["y"] + box["height"] <= image["y"] + image["height"]
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth",
                                  page) > 500
    screenshot(browser, shots, "submission")

    dba = browser.find_element(By.XPATH, "//tr[th[contains(., 'Doing Business As')]]")
    dba.find_element(By.CSS_SELECTOR, "details.correct summary").click()
    field_input = dba.find_element(By.CSS_SELECTOR, ".correct input[name='value']")
    field_input.clear()
    field_input.send_keys("Acme Family Medicine of Boston")
    dba.find_element(By.CSS_SELECTOR, ".correct button").click()
    flash_says(browser, "Correction saved")
    assert "Acme Family Medicine of Boston" in browser.find_element(
        By.XPATH, "//tr[th[contains(., 'Doing Business As')]]").text
    assert "field corrected" in browser.find_element(By.CSS_SELECTOR, "table.audit").text

    requested = int(browser.find_element(By.CSS_SELECTOR, "label[for='user_ids']").text
                    .split("(")[1].split()[0])
    approve_with(browser, "RPAU0001" if requested != 1 else "RPAU0001, RPAU0002")
    flash_says(browser, "asks for")
    approve_with(browser, ", ".join(f"RPAU{n:04d}" for n in range(1, requested + 1)))
    flash_says(browser, "Approved as RPA2-")
    assert "approved" in browser.find_element(By.ID, "status").text
    notices = [row.text for row in browser.find_elements(By.CSS_SELECTOR, "tr.outbox-row")
               if "notice" in row.text]
    assert notices and "queued" in notices[-1]
    assert "RPAU0001" in browser.find_element(By.CSS_SELECTOR, ".approval").text
    screenshot(browser, shots, "approved")


def approve_with(driver: WebDriver, ids: str) -> None:
    field = driver.find_element(By.ID, "user_ids")
    field.clear()
    field.send_keys(ids)
    driver.find_element(By.ID, "approve").click()


def test_viewer_reads_but_cannot_decide(browser: WebDriver, console: Console) -> None:
    sign_in(browser, console, "victor")
    browser.find_element(By.LINK_TEXT, "FC-2026-000003-7").click()
    assert browser.find_element(By.ID, "read-only").is_displayed()
    with pytest.raises(NoSuchElementException):
        browser.find_element(By.ID, "approve")
    assert not browser.find_elements(By.CSS_SELECTOR, ".correct")


def test_operations_pages(browser: WebDriver, console: Console, shots: Path) -> None:
    sign_in(browser, console, "ada")
    new_page(browser, browser.find_element(By.LINK_TEXT, "Outbox").click)
    rows = browser.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert any("ack" in row.text and "sent" in row.text for row in rows)
    screenshot(browser, shots, "outbox")
    browser.find_element(By.LINK_TEXT, "Digest preview").click()
    assert "waiting" in browser.find_element(By.ID, "digest-text").text.lower()
    screenshot(browser, shots, "digest")
    browser.find_element(By.LINK_TEXT, "Mailbox health").click()
    assert "last successful poll" in browser.find_element(By.ID, "health-line").text
    screenshot(browser, shots, "health")
    browser.find_element(By.LINK_TEXT, "Quarantine").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Quarantine"
    screenshot(browser, shots, "quarantine")


def test_an_inquiry_is_answered_from_the_console(browser: WebDriver, console: Console) -> None:
    sign_in(browser, console, "alice")
    browser.find_element(By.ID, "status").send_keys("inquiry")  # keyboard: pick by typing
    new_page(browser, browser.find_element(By.CSS_SELECTOR, "form.filters button").click)
    rows = browser.find_elements(By.CSS_SELECTOR, "table.queue tbody tr")
    question = next(row for row in rows if "Question about registering" in row.text)
    question.find_element(By.TAG_NAME, "a").click()
    assert browser.find_element(By.CSS_SELECTOR, ".message-text pre").text.strip()
    browser.find_element(By.ID, "answer").send_keys("Start with the Stage I form; a "
                                                    "coordinator approves it within a week.")
    browser.find_element(By.ID, "send-answer").click()
    flash_says(browser, "the inquiry is closed")
    assert "Answered by alice" in browser.find_element(By.ID, "answered").text
    assert any("notice" in row.text and "queued" in row.text
               for row in browser.find_elements(By.CSS_SELECTOR, "tr.outbox-row"))


def test_sender_text_is_shown_escaped(browser: WebDriver, console: Console,
                                      shots: Path) -> None:
    sign_in(browser, console, "alice")
    row = browser.find_element(By.XPATH, "//tr[td[contains(., 'eve@example.net')]]")
    assert HOSTILE in row.text  # shown as text, not run
    row.find_element(By.TAG_NAME, "a").click()
    assert HOSTILE in browser.find_element(By.ID, "subject").text
    assert "<script>alert(" in browser.find_element(By.ID, "sender").text
    assert f"Hello {HOSTILE}" in browser.find_element(By.CSS_SELECTOR, ".message-text pre").text
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    assert not browser.find_elements(By.XPATH, "//main//script")
    screenshot(browser, shots, "escaped")
    keep = os.environ.get("RPA_INTAKE_SCREENSHOTS")  # e.g. docs/screenshots, to refresh them
    if keep:
        for item in shots.glob("*.png"):
            shutil.copy(item, Path(keep) / item.name)

"""Upload through the form, correct an event in the review step, find it on the timeline; axe."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import login

ARTICLE = (
    "Russian forces shelled the Azot chemical plant in Sievierodonetsk on Friday, the regional "
    "governor said.\n\nIn the south, two cruise missiles hit Mykolaiv on Saturday, the mayor said."
)


def _upload(page: Page, base: str, title: str) -> None:
    login(page, base)
    page.goto(f"{base}/articles/new")
    page.fill("#title", title)
    page.fill("#published", "2022-06-25")
    page.fill("#source", "E2E wire")
    page.fill("#text", f"{ARTICLE}\n\n({title}.)")  # unique text: no duplicate refusal
    page.click("form.upload button[type=submit]")
    expect(page).to_have_url(re.compile(r"/articles/\d+/review$"))


def test_upload_review_correct_and_find_on_the_timeline(page: Page, live_server: str) -> None:
    _upload(page, live_server, "Azot plant shelled")
    first = page.locator(".review-event").first
    assert "Azot" in first.locator(".evidence").inner_text()
    event_id = (first.get_attribute("id") or "").removeprefix("review-")
    page.fill(f"#date-{event_id}", "2022-06-01")
    page.select_option(f"#precision-{event_id}", "month")
    page.select_option(f"#type-{event_id}", "Strategic developments")
    page.select_option(f"#regions-{event_id}", ["UA-09", "UA-14"])
    page.click(".review-form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/articles/\d+\?added=1$"))
    expect(page.locator(f"#event-{event_id} .date")).to_have_text("June 2022")

    page.goto(f"{live_server}/?q=Azot")
    row = page.locator(f"#event-{event_id}")
    expect(row.locator(".date")).to_have_text("June 2022")
    expect(row.locator(".type")).to_contain_text("Strategic developments")
    expect(row.locator(".reviewed-badge")).to_be_visible()
    assert set(row.locator(".chip").all_inner_texts()) == {"Luhansk Oblast", "Donetsk Oblast"}


def test_article_page_links_events_to_their_sentences(page: Page, live_server: str) -> None:
    _upload(page, live_server, "Missiles hit Mykolaiv")
    page.click(".review-form button[type=submit]")
    mark = page.locator("mark").first
    expect(mark).to_be_visible()
    event_link = page.locator(".article-events .summary-line a").first
    target = event_link.get_attribute("href") or ""
    event_link.click()
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    page.locator(target + " a").first.click()
    expect(page).to_have_url(re.compile(r"#event-\d+$"))


def _serious_violations(page: Page, base: str) -> list[str]:
    page.add_script_tag(url=f"{base}/static/vendor/axe.min.js")
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_no_serious_accessibility_violations(page: Page, live_server: str) -> None:
    problems = []
    for path in ("/", "/?region=UA-14&q=shelled", "/articles/new", "/login"):
        page.goto(live_server + path)
        problems += [f"{path}: {p}" for p in _serious_violations(page, live_server)]
    _upload(page, live_server, "Accessibility check")
    problems += [f"review: {p}" for p in _serious_violations(page, live_server)]
    page.click(".review-form button[type=submit]")
    problems += [f"article: {p}" for p in _serious_violations(page, live_server)]
    assert not problems, "\n".join(problems)

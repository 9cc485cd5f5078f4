"""The timeline in a real browser: chart, map, multi-select, search, without JavaScript too."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import ARTIFACTS


def _total(page: Page) -> int:
    return int(page.inner_text("#total").replace(",", ""))


def _event_regions(page: Page) -> list[list[str]]:
    rows = page.locator(".timeline .event")
    return [rows.nth(i).locator(".chip").all_inner_texts() for i in range(rows.count())]


def test_timeline_shows_chart_map_and_day_groups(page: Page, live_server: str) -> None:
    page.goto(live_server)
    expect(page.locator("h1")).to_have_text("Timeline")
    assert _total(page) >= 400
    assert page.locator(".chart a.bar").count() > 10
    assert page.locator(".oblast:not(.neighbour)").count() == 27
    assert page.locator('.oblast.neighbour[data-code="RU-BEL"]').count() == 1
    headings = page.locator(".day > h3").all_inner_texts()
    assert len(headings) == len(set(headings))  # one heading per day, its events under it
    assert page.locator(".day .events .event").count() > 0


def test_clicking_an_oblast_filters_by_it_and_counts_agree(page: Page, live_server: str) -> None:
    page.goto(live_server)
    label = page.locator('.oblast[data-code="UA-14"]').get_attribute("aria-label") or ""
    facet = int(re.search(r": ([\d,]+) events", label).group(1).replace(",", ""))  # type: ignore[union-attr]
    page.evaluate("window.notReloaded = true")
    page.click('.oblast[data-code="UA-14"]')
    expect(page).to_have_url(re.compile(r"region=UA-14"))
    assert page.evaluate("window.notReloaded === true")  # swapped in place, no full reload
    expect(page.locator('.oblast.selected[data-code="UA-14"]')).to_have_count(1)
    assert _total(page) == facet
    assert all("Donetsk Oblast" in chips for chips in _event_regions(page))
    page.click(".active-filters a.removable")  # one click clears it
    expect(page).not_to_have_url(re.compile(r"region="))


def test_multi_select_of_regions(page: Page, live_server: str) -> None:
    page.goto(live_server)
    page.select_option("#region", ["UA-63", "UA-65"])
    page.click(".filter-form button[type=submit]")
    expect(page).to_have_url(re.compile(r"region=UA-63.*UA-65|region=UA-65.*UA-63"))
    for chips in _event_regions(page):
        assert {"Kharkiv Oblast", "Kherson Oblast"} & set(chips), chips
    selected = page.locator("#region option:checked").all_inner_texts()
    assert len(selected) == 2


def test_search_and_chart_narrowing(page: Page, live_server: str) -> None:
    page.goto(live_server)
    page.fill("#q", "drones")
    page.press("#q", "Enter")
    expect(page).to_have_url(re.compile(r"q=drones"))
    evidence = page.locator(".timeline .event .evidence").all_inner_texts()
    assert evidence and all("drones" in text for text in evidence)
    searched = _total(page)
    page.locator(".chart a.bar").nth(5).click()
    expect(page).to_have_url(re.compile(r"from=.*to="))
    assert "q=drones" in page.url  # narrowing keeps the other filters
    assert 0 < _total(page) <= searched


def test_dragging_across_the_chart_selects_a_range(page: Page, live_server: str) -> None:
    page.goto(live_server)
    bars = page.locator(".chart a.bar")
    first, last = bars.nth(3), bars.nth(8)
    start, end = first.get_attribute("data-from"), last.get_attribute("data-to")
    box_a, box_b = first.bounding_box(), last.bounding_box()
    assert box_a and box_b
    page.mouse.move(box_a["x"] + box_a["width"] / 2, box_a["y"] + box_a["height"] / 2)
    page.mouse.down()
    page.mouse.move(box_b["x"] + box_b["width"] / 2, box_b["y"] + box_b["height"] / 2, steps=5)
    page.mouse.up()
    expect(page).to_have_url(re.compile(rf"from={start}&to={end}"))


def test_reading_and_filtering_work_without_javascript(browser: Browser, live_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server)
    page.select_option("#region", ["UA-09"])
    page.fill("#q", "Luhansk")
    page.click(".filter-form button[type=submit]")
    assert "region=UA-09" in page.url and "q=Luhansk" in page.url
    assert all("Luhansk Oblast" in chips for chips in _event_regions(page))
    page.locator('.oblast[data-code="UA-63"]').click()
    assert "UA-63" in page.url
    context.close()


def test_screenshots_at_desktop_and_phone_width(browser: Browser, live_server: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for name, width, height in (("desktop", 1280, 1000), ("phone", 375, 812)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(live_server)
        page.screenshot(path=str(ARTIFACTS / f"timeline-{name}.png"))
        page.screenshot(path=str(ARTIFACTS / f"timeline-{name}-full.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name}: page scrolls sideways by {overflow}px"
        context.close()


def test_keyboard_shortcuts_and_back_button(page: Page, live_server: str) -> None:
    page.goto(live_server)
    page.keyboard.press("/")
    expect(page.locator("#q")).to_be_focused()
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(page.locator(".event.current")).to_have_count(1)
    expect(page.locator(".event.current")).to_be_focused()
    page.locator('.oblast[data-code="UA-63"]').click()
    expect(page).to_have_url(re.compile(r"region=UA-63"))
    page.go_back()
    expect(page).not_to_have_url(re.compile(r"region="))
    expect(page.locator(".oblast.selected")).to_have_count(0)

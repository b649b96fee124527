"""The shared layout on a phone: a short header, no sideways scroll, focus always visible."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGE_TYPES = ["home", "shop_index", "shop", "product", "search", "basket", "news", "legal"]


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


@pytest.fixture
def narrow(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 320, "height": 640})
    yield context.new_page()
    context.close()


def test_the_header_is_at_most_120_px_tall_on_a_390_px_phone(live_server, phone, site_pages):
    heights = {}
    for name in PAGE_TYPES:
        phone.goto(live_server.url + site_pages[name])
        heights[name] = phone.locator("header.site-header").bounding_box()["height"]

    assert all(0 < height <= 120 for height in heights.values()), heights


def test_the_header_has_search_menu_language_and_basket_count(live_server, phone, site_pages):
    phone.goto(live_server.url + site_pages["product"])
    phone.click("#add_to_basket_form button[type=submit]")
    phone.goto(live_server.url + site_pages["news"])

    header = phone.locator("header.site-header")
    # A search box with suggestions is a combobox to assistive technology.
    assert header.get_by_role("combobox", name="Rechercher").get_attribute("list") == (
        "suggestions-site"
    )
    assert header.locator("[data-basket-count]").get_attribute("data-basket-count") == "1"
    header.get_by_text("Menu").click()
    menu = header.get_by_role("navigation", name="Navigation principale")
    for label in ("Commerçants", "Temps forts", "Actualités", "Vendre sur le marché"):
        assert menu.get_by_role("link", name=label).is_visible(), label
    assert menu.get_by_role("link", name="English").is_visible()


def test_the_header_search_suggests_articles_from_the_third_letter(live_server, phone, site_pages):
    phone.goto(live_server.url + site_pages["legal"])

    with phone.expect_response("**/api/search/**"):
        phone.locator("#recherche-site").press_sequentially("cam", delay=30)

    phone.wait_for_function(
        "document.querySelectorAll('#suggestions-site option').length > 0", timeout=5000
    )


def test_no_page_scrolls_sideways_at_320_px(live_server, narrow, site_pages):
    too_wide = {}
    for name in PAGE_TYPES:
        narrow.goto(live_server.url + site_pages[name])
        scroll, client = narrow.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if scroll > client:
            too_wide[name] = scroll

    assert too_wide == {}, f"wider than 320 px: {too_wide}"


FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName + (el.id ? '#' + el.id : '') + ' ' + (el.textContent || '').trim().slice(0, 30),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    shadow: style.boxShadow !== 'none',
  };
}"""


@pytest.mark.parametrize("name", ["product", "basket"])
def test_every_control_reached_by_tab_shows_its_focus(live_server, phone, site_pages, name):
    if name == "basket":
        phone.goto(live_server.url + site_pages["product"])
        phone.click("#add_to_basket_form button[type=submit]")
    phone.goto(live_server.url + site_pages[name])

    seen = []
    for _ in range(60):
        phone.keyboard.press("Tab")
        focus = phone.evaluate(FOCUS_STYLE)
        if focus["tag"].startswith("BODY") or (seen and focus["tag"] == seen[0]["tag"]):
            break
        seen.append(focus)

    assert len(seen) >= 5
    hidden = [f["tag"] for f in seen if not (f["outline"] or f["shadow"])]
    assert hidden == [], f"{name}: focus not visible on {hidden}"


def test_on_a_phone_the_results_come_first_and_the_filters_open_in_a_drawer(
    live_server, phone, site_pages
):
    phone.goto(live_server.url + site_pages["search"])
    filters = phone.locator("#filtres")
    assert not filters.is_visible()  # results first: the filters wait behind one button

    phone.get_by_role("link", name="Filtrer et trier").click()
    assert filters.is_visible()
    box = filters.bounding_box()
    assert box["y"] == 0 and box["width"] == 390  # over the whole screen

    # A choice applies at once (no "Appliquer les filtres" needed) and closes the drawer.
    with phone.expect_navigation():
        filters.locator("input[type=checkbox]").first.check()
    assert "#filtres" not in phone.url and not filters.is_visible()

"""A merchant logs in, writes on its shop page, adds an article with a photo, sees both online."""

import io
import re

import pytest
from PIL import Image

from tests.factories import PASSWORD, CategoryFactory, shop_onboard

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def shop():
    CategoryFactory(name="Fromages", slug="fromages")
    return shop_onboard(
        name="Fromagerie du Bocage", email="bocage@example.org", commune_code="61169"
    )


def photo_file(tmp_path):
    path = tmp_path / "livarot.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 140, 40)).save(buffer, format="JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def test_merchant_edits_page_adds_article_and_sees_it_online(live_server, page, shop, tmp_path):
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "bocage@example.org")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    # The shop page: add a text block to the body, then publish.
    page.goto(f"{live_server.url}/admin/pages/{shop.page.pk}/edit/")
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_text("Texte", exact=True).first.click()
    editor = page.locator(".public-DraftEditor-content").first
    editor.click()
    editor.type("Nos fromages sont affinés dans la cave de Flers.")
    # Draftail writes its content to the form's hidden input on a short debounce.
    page.wait_for_timeout(1000)
    page.locator("button.dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
    page.get_by_role("button", name="Publier").click()
    # Publishing redirects from the edit form to the parent page's listing.
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))

    # A new article with its photo.
    page.goto(f"{live_server.url}/admin/articles/new/")
    page.fill("input[name=title]", "Livarot fermier")
    page.select_option("select[name=category]", label="Fromages")
    page.fill("textarea[name=description]", "Affiné cinq semaines.")
    page.fill("input[name=price_incl_tax]", "11,90")
    page.select_option("select[name=vat_rate]", value="5.5")
    page.fill("input[name=sku]", "LIV-1")
    page.fill("input[name=stock]", "8")
    page.set_input_files("input[name=photo_1]", str(photo_file(tmp_path)))
    page.locator("form#w-editor-form button[type=submit]").first.click()
    page.wait_for_url(f"{live_server.url}/admin/articles/")

    page.goto(f"{live_server.url}{shop.page.url}")
    body = page.locator("main").inner_text()
    assert "Nos fromages sont affinés dans la cave de Flers." in body
    assert "Livarot fermier" in body
    assert "11.90" in body.replace(",", ".")
    assert page.locator("main img").count() >= 1

"""Scripts and javascript: links typed into rich text never reach visitors (Wagtail's whitelist)."""

import re

import pytest
from wagtail.rich_text import RichText

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p>Bonjour<script>alert("x")</script></p>'
    '<p><a href="javascript:alert(1)">piège</a> <a href="https://orne.fr/">ok</a></p>'
)


def _cleaned(block, value: str) -> str:
    # The admin form runs the editor's HTML through the Draftail converter before saving.
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    converter = ContentstateConverter(features=block.features)
    return converter.to_database_format(converter.from_database_format(value))


def _assert_safe(content: str) -> None:
    # The tag goes; its text may stay as inert words, which is harmless.
    # (JSON-LD structured data and the site's own static files are the only script
    # elements pages carry.)
    assert not re.search(r'<script(?! type="application/ld\+json")(?! src="/static/)', content)
    assert "javascript:" not in content


def test_editor_rich_text_drops_script_and_javascript_links(client, campaign):
    from orne_site.editorial.blocks import CampaignBodyBlock

    block = CampaignBodyBlock().child_blocks["rich_text"]
    page = campaign(body=[("rich_text", RichText(_cleaned(block, HOSTILE)))])

    content = client.get(page.url).content.decode()

    _assert_safe(content)
    assert "Bonjour" in content and 'href="https://orne.fr/"' in content


def test_rich_text_stored_raw_is_still_rendered_safely(client, campaign):
    # Even HTML written straight to the database (import, shell) goes through |richtext,
    # which rewrites links and drops what it does not know.
    page = campaign(body=[("rich_text", RichText(HOSTILE))])

    content = client.get(page.url).content.decode()

    _assert_safe(content)
    assert 'href="https://orne.fr/"' in content


def test_merchant_page_body_drops_script_and_javascript_links(client, shop):
    from merchants.blocks import MerchantBodyBlock

    merchant = shop("Fromagerie Hébert")
    block = MerchantBodyBlock().child_blocks["rich_text"]
    page = merchant.page
    page.body = [("rich_text", RichText(_cleaned(block, HOSTILE)))]
    page.save_revision().publish()

    content = client.get(page.url).content.decode()

    _assert_safe(content)
    assert "Bonjour" in content

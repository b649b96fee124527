"""The one sanitiser for merchants' text: what survives, what is removed (no database)."""

import pytest

from merchants.text import merchant_rich_text_clean, merchant_text_clean, merchant_text_plain


def test_script_element_and_its_content_are_removed():
    html = merchant_text_clean(text="<p>Camembert <script>window.pwned = 1</script>fermier</p>")

    assert "script" not in html
    assert "pwned" not in html
    assert "Camembert" in html and "fermier" in html


def test_event_handler_attributes_and_images_are_removed():
    html = merchant_text_clean(text='<p>Photo <img src=x onerror="window.pwned=1"> ici</p>')

    assert "<img" not in html
    assert "onerror" not in html


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "/admin/users/add/",
    ],
)
def test_links_lose_any_address_that_is_not_absolute_http_or_mailto(href):
    html = merchant_text_clean(text=f'<p><a href="{href}">cliquez</a></p>')

    assert "href" not in html
    assert "cliquez" in html


@pytest.mark.parametrize(
    "href", ["https://fromagerie.example/", "http://ferme.example/", "mailto:contact@ferme.example"]
)
def test_web_and_mail_links_stay_with_noopener_nofollow(href):
    html = merchant_text_clean(text=f'<p><a href="{href}" target="_blank">Notre site</a></p>')

    assert f'href="{href}"' in html
    assert 'rel="noopener nofollow"' in html
    assert "target" not in html


def test_whitelisted_formatting_is_kept():
    source = "<p>Un <strong>brie</strong> <em>affiné</em><br>maison</p><ul><li>250 g</li></ul>"

    assert merchant_text_clean(text=source) == source


def test_other_tags_and_attributes_are_stripped_but_their_text_kept():
    html = merchant_text_clean(
        text='<p style="color:red" class="x">Un <span>brie</span> <u>fermier</u></p>'
    )

    assert html == "<p>Un brie fermier</p>"


def test_plain_text_is_escaped_and_keeps_its_paragraphs_and_line_breaks():
    html = merchant_text_clean(text="Lait cru < 60 jours & AOP.\nAffiné en cave.\n\nÀ déguster.")

    assert (
        html == "<p>Lait cru &lt; 60 jours &amp; AOP.<br>Affiné en cave.</p>\n\n<p>À déguster.</p>"
    )


def test_plain_text_that_looks_like_markup_is_shown_not_interpreted():
    html = merchant_text_clean(text="Pack <cadeau> 3 fromages")

    assert html == "<p>Pack &lt;cadeau&gt; 3 fromages</p>"


def test_inline_html_without_paragraphs_gets_its_line_breaks():
    html = merchant_text_clean(text='Voir <a href="https://ferme.example/">la ferme</a>\nÀ bientôt')

    assert html == (
        '<p>Voir <a href="https://ferme.example/" rel="noopener nofollow">la ferme</a>'
        "<br>À bientôt</p>"
    )


@pytest.mark.parametrize("empty", [None, ""])
def test_no_text_gives_no_html(empty):
    assert merchant_text_clean(text=empty) == ""


def test_a_comment_cannot_hide_markup():
    html = merchant_text_clean(text="<p>a<!-- --><script>window.pwned=1</script></p>")

    assert "<!--" not in html and "script" not in html


def test_shop_rich_text_keeps_its_headings_and_internal_links():
    html = merchant_rich_text_clean(
        html='<h2>Nos horaires</h2><p><a href="/boutiques/">les boutiques</a></p><h4>x</h4>'
    )

    assert html == (
        '<h2>Nos horaires</h2><p><a href="/boutiques/" rel="noopener nofollow">les boutiques</a>'
        "</p>x"
    )


def test_shop_rich_text_loses_scripts_and_javascript_links():
    html = merchant_rich_text_clean(
        html='<p><a href="javascript:alert(1)">x</a><script>alert(1)</script>'
        '<iframe src="https://evil.example/"></iframe></p>'
    )

    assert html == '<p><a rel="noopener nofollow">x</a></p>'


def test_plain_text_version_keeps_the_words_only():
    text = merchant_text_plain(
        text="<p>Brie &amp; <b>chèvre</b></p><p>Affiné<script>window.pwned=1</script></p>"
    )

    assert text == "Brie & chèvre Affiné"

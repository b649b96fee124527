import pytest

pytestmark = [
    pytest.mark.browser,
    # The live server needs committed data; serialized_rollback restores the migrations' data
    # (communes, home page) for the tests that run after this one.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_visitor_sees_the_home_page_title_and_searches(live_server, page):
    page.goto(live_server.url + "/")

    assert "Marché de l'Orne" in page.title()
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Achetez local, dans toute l'Orne"
    search_box = page.get_by_role("searchbox", name="Que cherchez-vous ?")
    search_box.fill("camembert")
    search_box.press("Enter")
    page.wait_for_url("**/recherche/?q=camembert")
    assert page.locator("html").get_attribute("lang") == "fr"

import pytest

from partnerstwo.pages.editing import save_page
from partnerstwo.pages.models import ContentPage


@pytest.fixture
def make_page(db):
    def make(slug="o-nas", title="O nas", body="Treść strony.", is_published=True, editor=None, note=""):
        page = ContentPage(slug=slug, title=title, body=body, is_published=is_published)
        save_page(page, editor=editor, note=note)
        return page

    return make

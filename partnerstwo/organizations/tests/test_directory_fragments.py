"""The directory's results and filters are rendered once per content (lib/fragments.py, issue 18) and never
served stale: a change by a representative, in the panel's reference data or by the model's save shows on the
very next request."""

import pytest
from django.core.cache import caches

from partnerstwo.city.models import District, PublicTaskSphere
from partnerstwo.lib import fragments
from partnerstwo.organizations.models import LegalForm, RegisterStatus
from partnerstwo.organizations.tests import factories as make
from partnerstwo.organizations.tests.test_editing import edit_url, form_data

pytestmark = pytest.mark.django_db


def _page(client, path="/organizacje/") -> str:
    return client.get(path).content.decode()


def _cached_fragments() -> int:
    return len([key for key in caches["fragments"]._cache if "fragment:organizations/" in key])


def test_a_representatives_edit_shows_in_the_list_on_the_next_request(client, representative_a):
    caches["fragments"].clear()
    org = make.organization("Fundacja Alfa", legal_form=LegalForm.FOUNDATION, spheres=["ecology-animals"])
    make.represent(representative_a, org)
    assert "Fundacja Alfa" in _page(client)
    assert _cached_fragments() == 2  # the results and the filters
    _page(client)
    assert _cached_fragments() == 2  # served from the cache, no new entry

    client.force_login(representative_a)
    response = client.post(edit_url(org), form_data(org, looking_for_volunteers="on"))  # publishes at once
    assert response.status_code == 302
    client.logout()
    assert "szuka wolontariuszy" in _page(client)

    org.refresh_from_db()
    org.name = "Fundacja Beta"  # a name change, as the panel's approval saves it
    org.save()
    html = _page(client)
    assert "Fundacja Beta" in html and "Fundacja Alfa" not in html
    org.spheres.set([make.sphere("culture")])  # spheres, a relation: the organisation's row is unchanged
    html = _page(client)
    assert PublicTaskSphere.objects.get(slug="culture").name_pl[:30] in html

    org.register_status = RegisterStatus.REMOVED
    org.save()
    assert "wykreślona z rejestru" in _page(client)
    org.delete()
    assert "Fundacja Beta" not in _page(client)


def test_reference_data_changed_in_the_panel_shows_in_the_cards_and_the_filters(client):
    dojlidy = make.district("Dojlidy")
    make.organization("Klub Sportowy Dojlidy", district=dojlidy)
    assert "osiedle Dojlidy" in _page(client)

    dojlidy.name = "Dojlidy Górne"
    dojlidy.save()
    html = _page(client)
    assert "osiedle Dojlidy Górne" in html
    assert '<option value="dojlidy">Dojlidy Górne</option>' in html

    District.objects.create(name="Nowe Osiedle", slug="nowe-osiedle")
    assert '<option value="nowe-osiedle">Nowe Osiedle</option>' in _page(client)

    sphere = PublicTaskSphere.objects.get(slug="culture")
    sphere.name_pl = "Kultura, sztuka i ochrona dziedzictwa (zmieniona)"
    sphere.save()
    assert "Kultura, sztuka i ochrona dziedzictwa (zmieniona)" in _page(client)


def test_the_filters_keep_what_was_typed_and_their_errors_and_each_language_has_its_own(client):
    make.organization("Fundacja Ochrony Zwierząt", spheres=["ecology-animals"])
    html = _page(client, "/organizacje/?q=zwierzat&sfera=ecology-animals")
    assert 'value="zwierzat"' in html and '<option value="ecology-animals" selected>' in html
    assert 'value="ptaki"' in _page(client, "/organizacje/?q=ptaki")
    assert "errorlist" in _page(client, "/organizacje/?raport=1500")
    assert "errorlist" not in _page(client, "/organizacje/?raport=2020")
    english = _page(client, "/en/organizacje/?q=zwierzat")
    assert 'value="zwierzat"' in english and "/en/organizacje/" in english
    assert "wszystkie sfery" not in english


def test_a_fragment_refuses_a_context_with_the_request():
    with pytest.raises(ValueError):
        fragments.render("organizations/_filters.html", {"request": object()}, ())

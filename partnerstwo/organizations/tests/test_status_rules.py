"""What a claim's and a change request's status and source mean for the staff pages."""

from partnerstwo.organizations.models import OrganizationChangeRequest, Representation


def test_a_claim_is_pending_until_an_official_decides():
    assert Representation(status=Representation.Status.PENDING).is_pending
    assert not Representation(status=Representation.Status.APPROVED).is_pending
    assert not Representation(status=Representation.Status.REJECTED).is_pending


def test_a_change_request_is_pending_until_an_official_decides():
    assert OrganizationChangeRequest(status=OrganizationChangeRequest.Status.PENDING).is_pending
    assert not OrganizationChangeRequest(status=OrganizationChangeRequest.Status.APPROVED).is_pending


def test_a_change_request_says_whether_it_came_from_the_krs():
    assert OrganizationChangeRequest(source=OrganizationChangeRequest.Source.KRS).is_from_krs
    assert not OrganizationChangeRequest(source=OrganizationChangeRequest.Source.SELF_SERVICE).is_from_krs

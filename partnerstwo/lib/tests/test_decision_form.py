from django.core.exceptions import ValidationError

from partnerstwo.lib.forms import DecisionForm


class Request:
    """A request staff decide on; rejecting it needs a reason, as the domain functions require."""

    def __init__(self):
        self.outcome = None

    def approve(self):
        self.outcome = "approved"

    def reject(self, *, reason):
        if not reason.strip():
            raise ValidationError({"reason": "Podaj powód odrzucenia."})
        self.outcome = f"rejected: {reason}"


def decide(data):
    form, request = DecisionForm(data, approve_label="Opublikuj zmiany"), Request()
    assert form.is_valid(), form.errors
    return form, request, form.carry_out(approve=request.approve, reject=request.reject)


def test_approving_calls_approve():
    form, request, decision = decide({"decision": "approve"})
    assert decision == DecisionForm.APPROVE
    assert request.outcome == "approved"


def test_rejecting_passes_the_reason_on():
    form, request, decision = decide({"decision": "reject", "reason": "Brak daty."})
    assert decision == DecisionForm.REJECT
    assert request.outcome == "rejected: Brak daty."


def test_a_refusal_of_the_domain_lands_on_its_field_and_nothing_is_decided():
    form, request, decision = decide({"decision": "reject", "reason": " "})
    assert decision is None
    assert request.outcome is None
    assert form.errors["reason"] == ["Podaj powód odrzucenia."]


def test_the_choices_are_labelled_with_what_is_decided():
    form = DecisionForm(approve_label="Opublikuj zmiany")
    assert form.fields["decision"].choices == [("approve", "Opublikuj zmiany"), ("reject", "Odrzuć")]


def test_a_decision_must_be_chosen():
    form = DecisionForm({"reason": "Cokolwiek"})
    assert not form.is_valid()
    assert form.errors["decision"] == ["Wybierz decyzję."]

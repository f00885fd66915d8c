import datetime as dt

from django.utils import timezone

from partnerstwo.consultations import drafting
from partnerstwo.consultations.models import Consultation

TEXT = """Rozdział 1
Postanowienia ogólne
§ 1. Uchwala się program współpracy na rok 2027.
§ 2. 1. Celem programu jest wzmocnienie organizacji.
2. Cele szczegółowe:
1) rozwój wolontariatu;
2) wsparcie lokalnych inicjatyw.
§ 3. Wykonanie uchwały powierza się Prezydentowi Miasta."""


def consultation(department, *, by=None, announced=True, starts=-3, days=14, text=TEXT, **fields) -> Consultation:
    today = timezone.localdate()
    values = {
        "title": "Program współpracy z organizacjami pozarządowymi na rok 2027",
        "legal_basis": "art. 5a ust. 1 ustawy o działalności pożytku publicznego",
        "summary": "Projekt programu współpracy.", "department": department,
        "starts_on": today + dt.timedelta(days=starts),
        "ends_on": today + dt.timedelta(days=starts + days - 1),
        "contact_name": "Ksawery Urzędnik", "contact_email": "xawery@um.example.org",
        **fields,
    }
    item = drafting.create(Consultation(**values), by=by)
    if text:
        drafting.save_text(item, text=text, by=by)
    if announced:
        item.announced_at = timezone.now()
        item.save(update_fields=["announced_at"])
    return item

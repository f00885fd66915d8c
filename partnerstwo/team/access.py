"""Who may open the staff pages of the advisory body: administrators and its secretary of today (terms.can_manage)."""

from partnerstwo.lib.access import role_required
from partnerstwo.team.body import terms

manager_required = role_required(terms.can_manage)

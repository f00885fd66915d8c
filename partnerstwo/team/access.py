"""Who may open the staff pages of the advisory body: administrators and its secretary of today (terms.can_manage);
the pages of one meeting also a group's coordinators, each page asking groups.coordination.can_run of its meeting."""

from partnerstwo.lib.access import role_required
from partnerstwo.team.body import terms
from partnerstwo.team.groups import coordination

manager_required = role_required(terms.can_manage)
meeting_runner_required = role_required(coordination.runs_meetings)

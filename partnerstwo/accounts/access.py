"""The staff roles of the User model as view decorators: not signed in → login, another role → 403."""

from partnerstwo.accounts.models import User
from partnerstwo.lib.access import role_required

# Officials, Team members and administrators.
panel_required = role_required(User.can_use_panel)
# Content pages, news, feedback and the newsletter: officials and administrators (not Team members).
content_editor_required = role_required(User.can_edit_content)

from partnerstwo.accounts.access import content_editor_required, panel_required  # noqa: F401 - until grants moves

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """allauth with the site's own rules (extended as the accounts app needs)."""

"""The site's WSGI application with the bench's URLs (the site's plus the bare view), for gunicorn."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerstwo.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402

settings.ROOT_URLCONF = "bench.urls"
application = get_wsgi_application()

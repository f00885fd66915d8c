"""The site with the bare view of bench/urls.py, for gunicorn in bench.bench_load: `gunicorn bench.wsgi:application`."""

import os

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerstwo.settings")
django.setup(set_prefix=False)
settings.ROOT_URLCONF = "bench.urls"
application = get_wsgi_application()

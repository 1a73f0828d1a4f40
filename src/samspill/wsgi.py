"""WSGI entry point: ``gunicorn samspill.wsgi`` (see docs/production.md)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samspill.settings")

application = get_wsgi_application()

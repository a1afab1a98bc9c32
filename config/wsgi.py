import os

from django.core.wsgi import get_wsgi_application

from config import collector

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()

# What start-up left alive, out of the garbage collector's walks (config/collector.py).
collector.freeze()

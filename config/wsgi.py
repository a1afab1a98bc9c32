import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()

# Django, Wagtail and Oscar leave about a million objects alive after start-up, and
# every full collection walked them all (hundreds of milliseconds, in the middle of a
# request). Frozen, they are never walked again; what requests create still is.
gc.collect()
gc.freeze()

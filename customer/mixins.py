from django.conf import settings
from django.contrib.auth import login
from oscar.apps.customer import mixins
from oscar.apps.customer.signals import user_registered

# The session remembers which backend signed the shopper in; Oscar's finds them by email.
EMAIL_BACKEND = "oscar.apps.customer.auth_backends.EmailBackend"


class RegisterUserMixin(mixins.RegisterUserMixin):
    """Registration, used by the account page and by checkout's "create an account"."""

    def register_user(self, form):
        # Oscar re-authenticates the new account without the request, which the login
        # rate limit (the first backend, which keys on the request) refuses with a 500
        # after the account is saved. The account and its password were made by this very
        # form, so there is nothing left to check: sign the shopper in directly.
        user = form.save()
        user_registered.send_robust(sender=self, request=self.request, user=user)
        if getattr(settings, "OSCAR_SEND_REGISTRATION_EMAIL", True):
            self.send_registration_email(user)
        login(self.request, user, backend=EMAIL_BACKEND)
        return user

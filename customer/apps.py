import oscar.apps.customer.apps as apps


class CustomerConfig(apps.CustomerConfig):
    """Oscar's accounts, forked so registration signs the shopper in through the login
    rate limit and signing out takes a POST (``mixins.py``, ``views.py``)."""

    name = "customer"

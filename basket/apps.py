import oscar.apps.basket.apps as apps


class BasketConfig(apps.BasketConfig):
    """Oscar's basket, forked for its page only (``basket.views``)."""

    name = "basket"

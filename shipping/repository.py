from oscar.apps.shipping import repository

from .methods import PerProducerDelivery


class Repository(repository.Repository):
    """Delivery anywhere in Vietnam, charged per producer in the basket."""

    methods = (PerProducerDelivery(),)

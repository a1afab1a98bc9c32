import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    name = "catalogue"

    def ready(self):
        super().ready()
        from . import browse_cache, product_images, search_sync, stock_changes

        search_sync.connect()
        browse_cache.connect()
        product_images.connect()
        stock_changes.connect()  # last: it records each save after the others compared

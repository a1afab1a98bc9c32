import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    name = "catalogue"

    def ready(self):
        super().ready()
        from . import browse_cache, search_sync

        search_sync.connect()
        browse_cache.connect()

import oscar.apps.dashboard.catalogue.apps as apps


class CatalogueDashboardConfig(apps.CatalogueDashboardConfig):
    """Oscar's catalogue dashboard, whose product form also edits the English title and
    description (catalogue.translation)."""

    name = "dashboard.catalogue"

    def ready(self):
        super().ready()
        # Oscar resolves "dashboard.catalogue.views" through the unforked dashboard app,
        # so the forked view is wired here directly (as dashboard.orders does).
        from . import views

        self.product_createupdate_view = views.ProductCreateUpdateView

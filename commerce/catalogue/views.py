"""Oscar's product page, forked: an article that is not for sale is not shown at all."""

from django.db.models import Prefetch
from django.utils.module_loading import import_string
from oscar.apps.catalogue import views as oscar_views
from oscar.core.loading import get_model

from commerce import conf
from commerce.partner.strategy import Selector

Product = get_model("catalogue", "Product")


class ProductDetailView(oscar_views.ProductDetailView):
    def get_queryset(self):
        """The product read once with what the page asks of it: its stock record with the
        seller (the strategy, the structured data and the shop block all read it), its
        class (the template's name) and its photos, instead of a query per question."""
        strategy_class = import_string(conf.strategy_class_path())
        return Product.objects.select_related("product_class", "parent").prefetch_related(
            Prefetch("stockrecords", queryset=strategy_class.stockrecords_queryset()),
            "images",
        )

    def is_viewable(self, product, request):
        """Oscar hides non-public products; the strategy's rule also hides those whose seller
        no longer offers them (a suspended shop). Staff still see them, as in Oscar."""
        if not super().is_viewable(product, request):
            return False
        if request.user.is_staff:
            return True
        strategy = getattr(request, "strategy", None) or Selector().strategy(request=request)
        return strategy.product_is_offered(product)

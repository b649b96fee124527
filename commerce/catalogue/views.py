"""Oscar's product page, forked: an article that is not for sale is not shown at all."""

from oscar.apps.catalogue import views as oscar_views

from commerce.partner.strategy import Selector


class ProductDetailView(oscar_views.ProductDetailView):
    def is_viewable(self, product, request):
        """Oscar hides non-public products; the strategy's rule also hides those whose seller
        no longer offers them (a suspended shop). Staff still see them, as in Oscar."""
        if not super().is_viewable(product, request):
            return False
        if request.user.is_staff:
            return True
        strategy = getattr(request, "strategy", None) or Selector().strategy(request=request)
        return strategy.product_is_offered(product)

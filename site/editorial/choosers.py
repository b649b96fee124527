"""The admin chooser for Oscar products, so editors can drop articles into pages."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

Product = get_model("catalogue", "Product")


class ProductFilterForm(BaseFilterForm):
    # A database search on the title or the shop's name: the chooser must not depend on the
    # search engine (search/), and editors look for a known product or shop.
    q = forms.CharField(
        label=_("Article ou boutique"),
        widget=forms.TextInput(attrs={"placeholder": _("Rechercher")}),
        required=False,
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q")
        if query:
            objects = objects.filter(
                Q(title__icontains=query) | Q(stockrecords__partner__name__icontains=query)
            ).distinct()
            self.is_searching = True
            self.search_query = query
        return objects


class _PublicProductsMixin:
    filter_form_class = ProductFilterForm

    # Editors only ever pick what shoppers can see; a product hidden later disappears from
    # the page at view time (see selectors), not here.
    def get_object_list(self):
        return Product.objects.filter(is_public=True).order_by("title", "pk")


class ProductChooseView(_PublicProductsMixin, ChooseView):
    pass


class ProductChooseResultsView(_PublicProductsMixin, ChooseResultsView):
    pass


class ProductChooserViewSet(ChooserViewSet):
    model = Product
    icon = "tag"
    choose_one_text = _("Choisir un article")
    choose_another_text = _("Choisir un autre article")
    edit_item_text = _("Modifier l'article")
    choose_view_class = ProductChooseView
    choose_results_view_class = ProductChooseResultsView
    per_page = 20


product_chooser_viewset = ProductChooserViewSet("product_chooser", url_prefix="articles-chooser")
ProductChooserBlock = product_chooser_viewset.get_block_class(
    name="ProductChooserBlock", module_path="orne_site.editorial.choosers"
)

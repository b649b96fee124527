"""Wagtail generic views restricted to the request user's merchant.

Every view of a merchant-facing viewset gets its rows through `scope_to_merchant`: the
listing shows only the user's own rows, and any view that takes an id from the URL
(edit, delete, history, usage, inspect, copy) looks it up inside that scope, so another
shop's id gives a 404 for reading and for writing alike.
"""

from __future__ import annotations

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage

from merchants.scoping import scope_to_merchant


class MerchantScopedMixin:
    merchant_path: str = ""

    def scoped_queryset(self):
        return scope_to_merchant(
            self.model._default_manager.all(),
            user=self.request.user,
            merchant_path=self.merchant_path,
        )

    def get_base_object_queryset(self):
        return self.scoped_queryset()

    def get_object(self, queryset=None):
        pk = self.kwargs.get(self.pk_url_kwarg, self.kwargs.get("pk"))
        return get_object_or_404(self.scoped_queryset(), pk=unquote(str(pk)))


class ScopedIndexView(MerchantScopedMixin, generic.IndexView):
    def get_base_queryset(self):
        return scope_to_merchant(
            super().get_base_queryset(),
            user=self.request.user,
            merchant_path=self.merchant_path,
        )


class ScopedEditView(MerchantScopedMixin, generic.EditView):
    pass


class ScopedDeleteView(MerchantScopedMixin, generic.DeleteView):
    pass


class ScopedInspectView(MerchantScopedMixin, generic.InspectView):
    pass


class ScopedCopyView(MerchantScopedMixin, generic.CopyView):
    pass


class ScopedHistoryView(MerchantScopedMixin, history.HistoryView):
    pass


class ScopedUsageView(MerchantScopedMixin, usage.UsageView):
    pass


class MerchantScopedViewSetMixin:
    """Use on a ModelViewSet: every view is scoped through ``merchant_path``."""

    merchant_path = ""
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    copy_view_class = ScopedCopyView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(merchant_path=self.merchant_path, **kwargs)

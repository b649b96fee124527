"""What a merchant reaches in Wagtail admin beyond our own viewsets.

Wagtail decides most of it from its permission policies (images and documents by
collection, pages by the shop's page permissions); these hooks close the places where
Wagtail lists objects without asking a policy:

1. the admin API's image and document endpoints list only what the user may choose;
2. the page chooser shows a merchant only the pages it may explore (its shop page and the
   council pages above it), as the explorer and the page search already do;
3. bulk-action screens never name objects the merchant cannot act on;
4. a merchant never deletes its shop page (see MerchantPagePermissionTester);
5. the site-wide reports are for council staff: hidden from a merchant's menu (and refused
   by merchants.middleware, which also 404s the page chooser on a page out of reach).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail import hooks
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction as PageDelete
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction as PageMove
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction as PagePublish
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction as PageUnpublish
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.views.bulk_actions.add_tags import AddTagsBulkAction as DocumentTags
from wagtail.documents.views.bulk_actions.add_to_collection import (
    AddToCollectionBulkAction as DocumentCollection,
)
from wagtail.documents.views.bulk_actions.delete import DeleteBulkAction as DocumentDelete
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.views.bulk_actions.add_tags import AddTagsBulkAction as ImageTags
from wagtail.images.views.bulk_actions.add_to_collection import (
    AddToCollectionBulkAction as ImageCollection,
)
from wagtail.images.views.bulk_actions.delete import DeleteBulkAction as ImageDelete
from wagtail.models import Page
from wagtail.permissions import policy_registry

from merchants.models import MerchantPage
from merchants.scoping import merchant_for_user, user_is_council_staff

# Run after Wagtail's own hooks, so that ours replace or trim what they registered.
AFTER_WAGTAIL = 100


def user_is_merchant(user) -> bool:
    """A shop's account (council staff who also run a shop keep their staff view)."""
    return not user_is_council_staff(user) and merchant_for_user(user) is not None


class ChoosableOnlyMixin:
    """An admin API endpoint listing only what the user may choose in a form."""

    def get_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        choosable = policy.instances_user_has_permission_for(self.request.user, "choose")
        return super().get_queryset().filter(pk__in=choosable.values("pk"))


class ScopedImagesAdminAPIViewSet(ChoosableOnlyMixin, ImagesAdminAPIViewSet):
    pass


class ScopedDocumentsAdminAPIViewSet(ChoosableOnlyMixin, DocumentsAdminAPIViewSet):
    pass


@hooks.register("construct_admin_api", order=AFTER_WAGTAIL)
def scope_media_admin_api(router):
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)


@hooks.register("construct_page_chooser_queryset")
def scope_page_chooser(pages, request):
    if not user_is_merchant(request.user):
        return pages
    explorable = policy_registry.get_by_type(Page).explorable_instances(request.user)
    return pages.filter(pk__in=explorable.values("pk"))


class HideForeignObjectsMixin:
    """A bulk action that treats objects the merchant cannot act on as nonexistent.

    Wagtail lists them by title under "you don't have permission"; for a merchant they are
    other shops' pages and images, so they are left out, and an action on nothing else is 404.
    """

    def get_actionable_objects(self):
        objects, context = super().get_actionable_objects()
        if user_is_merchant(self.request.user):
            if not objects:
                raise Http404
            context = {**context, "items_with_no_access": []}
        return objects, context


for _action_class in (
    PageDelete,
    PageMove,
    PagePublish,
    PageUnpublish,
    ImageDelete,
    ImageTags,
    ImageCollection,
    DocumentDelete,
    DocumentTags,
    DocumentCollection,
):
    hooks.register(
        "register_bulk_action",
        type(_action_class.__name__, (HideForeignObjectsMixin, _action_class), {}),
        order=AFTER_WAGTAIL,
    )


@hooks.register("before_delete_page")
def refuse_shop_page_delete(request, page):
    # The tester already hides the action; this also covers any view that forgets to ask it.
    if isinstance(page.specific, MerchantPage) and not user_is_council_staff(request.user):
        raise PermissionDenied


@hooks.register("construct_reports_menu")
def hide_reports_from_merchants(request, menu_items):
    if user_is_merchant(request.user):
        menu_items[:] = []

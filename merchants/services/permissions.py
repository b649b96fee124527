"""What a merchant's account may do in the Wagtail admin, granted through one group per shop."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PagePermissionTester,
)

from merchants import conf
from merchants.staff import user_is_council_staff

# Model permissions the back office's viewsets check; the rows a merchant reaches are then
# limited to its own by merchants.scoping.
MERCHANT_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("merchants", "view_merchant"),
    ("merchants", "change_merchant"),
    ("catalogue", "view_product"),
    ("catalogue", "add_product"),
    ("catalogue", "change_product"),
    ("catalogue", "delete_product"),
    ("order", "view_order"),
    ("order", "change_order"),
]
IMAGE_COLLECTION_PERMISSIONS = ["add_image", "change_image", "choose_image"]


def merchant_group_grant(*, group: Group, page: Page, collection: Collection) -> None:
    """Give the shop's group its admin permissions, its page, and its image collection.

    With ``MERCHANT_PAGES_MODERATED`` the group may edit but not publish: its changes go
    through the council's moderation workflow.
    """
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in MERCHANT_MODEL_PERMISSIONS
    ]
    group.permissions.add(*permissions)
    page_permissions = ["change"]
    if not conf.merchant_pages_moderated():
        page_permissions.append("publish")
    for permission_type in page_permissions:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
            ),
        )
    for codename in IMAGE_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(
                content_type__app_label="wagtailimages", codename=codename
            ),
        )


class MerchantPagePermissionTester(PagePermissionTester):
    """A shop page is deleted (or moved) by council staff only, never by its shop.

    Wagtail lets whoever may change a page delete it, and moving needs the same right; a
    merchant that deleted its page could not create it again, and the shop would vanish.
    """

    def can_delete(self, ignore_bulk=False):
        return user_is_council_staff(self.user) and super().can_delete(ignore_bulk=ignore_bulk)

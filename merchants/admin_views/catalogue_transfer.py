"""Catalogue import (upload → preview → confirm) and export in the back office.

The uploaded files are kept in storage under the shop's folder between the preview and the
confirmation; on confirmation the preview runs again on them, so what is written matches
the shop's catalogue at that moment (merchants.catalogue_io's contract).
"""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from merchants.catalogue_io import ImportRefused, catalogue_export_csv, import_apply, import_preview
from merchants.models import Merchant
from merchants.scoping import merchant_for_user, scope_to_merchant

UPLOAD_FOLDER = "imports"


class ImportUploadForm(forms.Form):
    catalogue = forms.FileField(
        label=gettext_lazy("Fichier CSV du catalogue"),
        help_text=gettext_lazy(
            "Colonnes : sku, titre, description, categorie, prix_ttc, tva, stock "
            "(et, si vous voulez : image, contenance, actif). Export d'Excel accepté."
        ),
    )
    photos = forms.FileField(
        label=gettext_lazy("Photos (fichier .zip, facultatif)"),
        required=False,
        help_text=gettext_lazy("La colonne « image » donne le nom de la photo dans le zip."),
    )


def shop_for_request(request) -> Merchant:
    """The merchant's own shop; council staff pick one with ?boutique=<id> (scoped lookup)."""
    merchant = merchant_for_user(request.user)
    if merchant is not None:
        return merchant
    shop_id = request.GET.get("boutique") or request.POST.get("boutique")
    if not shop_id:
        raise PermissionDenied
    shops = scope_to_merchant(Merchant.objects.all(), user=request.user, merchant_path="")
    return get_object_or_404(shops, pk=shop_id)


def _folder(merchant: Merchant, token: str) -> str:
    return f"{UPLOAD_FOLDER}/{merchant.pk}/{token}"


def _open_preview(merchant: Merchant, token: str):
    folder = _folder(merchant, token)
    csv_path = f"{folder}/catalogue.csv"
    if not default_storage.exists(csv_path):
        raise Http404
    zip_path = f"{folder}/photos.zip"
    with default_storage.open(csv_path, "rb") as csv_file:
        if default_storage.exists(zip_path):
            with default_storage.open(zip_path, "rb") as photos:
                return import_preview(merchant=merchant, csv_file=csv_file, photos_zip=photos)
        return import_preview(merchant=merchant, csv_file=csv_file)


def _discard(merchant: Merchant, token: str) -> None:
    folder = _folder(merchant, token)
    for name in ("catalogue.csv", "photos.zip"):
        if default_storage.exists(f"{folder}/{name}"):
            default_storage.delete(f"{folder}/{name}")


class CatalogueImportView(View):
    template_name = "merchants/admin/catalogue_import.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("catalogue.add_product"):
            raise PermissionDenied
        self.merchant = shop_for_request(request)
        return super().dispatch(request, *args, **kwargs)

    def render(self, **context):
        return render(
            self.request,
            self.template_name,
            {"merchant": self.merchant, "page_title": _("Importer des articles"), **context},
        )

    def get(self, request):
        return self.render(form=ImportUploadForm())

    def post(self, request):
        if "token" in request.POST:
            return self.confirm(request)
        form = ImportUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form=form)
        token = uuid.uuid4().hex
        folder = _folder(self.merchant, token)
        default_storage.save(f"{folder}/catalogue.csv", form.cleaned_data["catalogue"])
        if form.cleaned_data["photos"]:
            default_storage.save(f"{folder}/photos.zip", form.cleaned_data["photos"])
        preview = _open_preview(self.merchant, token)
        return self.render(preview=preview, token=token)

    def confirm(self, request):
        try:
            token = uuid.UUID(request.POST["token"]).hex
        except ValueError:
            raise Http404 from None
        preview = _open_preview(self.merchant, token)
        try:
            result = import_apply(preview=preview, valid_only=bool(request.POST.get("valid_only")))
        except ImportRefused as refusal:
            messages.error(request, str(refusal))
            return self.render(preview=preview, token=token)
        _discard(self.merchant, token)
        messages.success(
            request,
            _("Import terminé : %(created)d créés, %(updated)d modifiés, %(rejected)d refusés.")
            % {
                "created": result.created,
                "updated": result.updated,
                "rejected": len(result.rejected),
            },
        )
        return redirect(reverse("merchant_products:index"))


class CatalogueExportView(View):
    def get(self, request):
        if not request.user.has_perm("catalogue.view_product"):
            raise PermissionDenied
        merchant = shop_for_request(request)
        response = HttpResponse(
            catalogue_export_csv(merchant=merchant), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="catalogue-{merchant.slug}.csv"'
        return response

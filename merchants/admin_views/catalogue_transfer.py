"""Catalogue import (upload → preview → confirm) and export in the back office.

The uploaded files are kept in storage under the shop's folder between the preview and the
confirmation (merchants.catalogue_io.uploads); on confirmation the preview runs again on
them, so what is written matches the shop's catalogue at that moment. From
CATALOGUE_IMPORT_INLINE_MAX_LINES articles to write (merchants.conf), a task writes them and
a status page follows it.
"""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from merchants import conf
from merchants.catalogue_io import catalogue_export_csv, import_apply
from merchants.catalogue_io.tasks import catalogue_import_enqueue
from merchants.catalogue_io.uploads import (
    import_upload_discard,
    import_upload_exists,
    import_upload_preview,
    import_upload_save,
)
from merchants.models import CatalogueImport, Merchant
from merchants.scoping import merchant_for_user, scope_to_merchant

PROGRESS_TEMPLATE = "merchants/admin/catalogue_import_progress.html"


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


def _session_key(merchant: Merchant) -> str:
    return f"catalogue_import_token:{merchant.pk}"


class CatalogueImportView(View):
    template_name = "merchants/admin/catalogue_import.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("catalogue.add_product"):
            raise PermissionDenied
        self.merchant = shop_for_request(request)
        return super().dispatch(request, *args, **kwargs)

    def render(self, template_name=None, **context):
        return render(
            self.request,
            template_name or self.template_name,
            {"merchant": self.merchant, "page_title": _("Importer des articles"), **context},
        )

    def get(self, request):
        if "suivi" in request.GET:
            return self.progress(request)
        return self.render(form=ImportUploadForm())

    def progress(self, request):
        record = get_object_or_404(
            CatalogueImport.objects.filter(merchant=self.merchant), pk=request.GET["suivi"]
        )
        return self.render(PROGRESS_TEMPLATE, record=record)

    def post(self, request):
        if "token" in request.POST:
            return self.confirm(request)
        form = ImportUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form=form)
        previous = request.session.get(_session_key(self.merchant))
        if previous:
            # A new file replaces the preview not confirmed: its files go.
            import_upload_discard(merchant_id=self.merchant.pk, token=previous)
        token = import_upload_save(
            merchant=self.merchant,
            catalogue=form.cleaned_data["catalogue"],
            photos=form.cleaned_data["photos"],
        )
        request.session[_session_key(self.merchant)] = token
        preview = import_upload_preview(merchant=self.merchant, token=token)
        return self.render(preview=preview, token=token)

    def confirm(self, request):
        try:
            token = uuid.UUID(request.POST["token"]).hex
        except ValueError:
            raise Http404 from None
        if not import_upload_exists(merchant=self.merchant, token=token):
            raise Http404
        valid_only = bool(request.POST.get("valid_only"))
        preview = import_upload_preview(merchant=self.merchant, token=token)
        if not preview.can_apply(valid_only=valid_only):
            messages.error(
                request,
                " ".join(preview.file_errors)
                or _("Le fichier contient des lignes refusées : rien n'a été importé."),
            )
            return self.render(preview=preview, token=token)
        to_write = len(preview.to_create) + len(preview.to_update)
        if to_write >= conf.catalogue_import_inline_max_lines():
            return self.enqueue(token=token, valid_only=valid_only)
        result = import_upload_preview(
            merchant=self.merchant,
            token=token,
            apply=lambda fresh: import_apply(preview=fresh, valid_only=valid_only),
        )
        self.forget(token)
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

    def enqueue(self, *, token: str, valid_only: bool):
        record = CatalogueImport.objects.create(
            merchant=self.merchant, token=token, valid_only=valid_only
        )
        self.request.session.pop(_session_key(self.merchant), None)
        catalogue_import_enqueue(record=record)
        target = reverse("merchant_catalogue_import")
        return redirect(f"{target}?{urlencode({'suivi': record.pk, 'boutique': self.merchant.pk})}")

    def forget(self, token: str) -> None:
        import_upload_discard(merchant_id=self.merchant.pk, token=token)
        self.request.session.pop(_session_key(self.merchant), None)


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

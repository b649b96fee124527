"""What every API v1 endpoint shares: read-only, anonymous, throttled per client, strict
about its query string (an unknown or malformed parameter is a 400 in JSON, never ignored
nor a 500), paginated with a bounded page size.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.throttling import AnonRateThrottle

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class ClientRateThrottle(AnonRateThrottle):
    """Requests per client address (the cache is per process until it is shared, e.g. Redis)."""

    scope = "api_v1"

    def get_rate(self) -> str:
        return settings.API_RATE_LIMIT


class StrictPagination(PageNumberPagination):
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError(
                {"page_size": [_("Entre 1 et %(max)d.") % {"max": self.max_page_size}]}
            )
        return int(raw)

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param, "1")
        if not raw.isdigit() or int(raw) < 1:
            raise ValidationError({"page": [_("Un numéro de page entier, à partir de 1.")]})
        # A page past the end stays DRF's 404 ("Page non valide."): the request was well formed.
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
        return parameters


class PublicApiView(GenericAPIView):
    """Base of every v1 view; `query_serializer_class` declares the accepted parameters."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    throttle_classes = [ClientRateThrottle]
    pagination_class = StrictPagination
    query_serializer_class: type[serializers.Serializer] | None = None
    # Parameters every list accepts besides its filters.
    common_parameters: tuple[str, ...] = ("page", "page_size")

    def query(self) -> dict:
        """The validated filters, or a 400 naming what is wrong."""
        if not hasattr(self, "_query"):
            serializer_class = self.query_serializer_class
            allowed = set(self.common_parameters)
            if serializer_class is not None:
                allowed |= set(serializer_class().fields)
            unknown = sorted(set(self.request.query_params) - allowed)
            if unknown:
                raise ValidationError({name: [_("Paramètre inconnu.")] for name in unknown})
            if serializer_class is None:
                self._query = {}
            else:
                data = {
                    name: self.request.query_params.get(name)
                    for name in self.request.query_params
                    if name not in self.common_parameters
                }
                serializer = serializer_class(data=data)
                serializer.is_valid(raise_exception=True)
                self._query = serializer.validated_data
        return self._query

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.query()

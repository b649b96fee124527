"""API v1 URLs (no language prefix: a stable interface). Every response gets an ETag from
its body and answers 304 to a matching If-None-Match (or If-Modified-Since where the view
sets Last-Modified), through Django's ConditionalGetMiddleware applied to these views only."""

from django.middleware.http import ConditionalGetMiddleware
from django.urls import path
from django.utils.decorators import decorator_from_middleware
from drf_spectacular.views import SpectacularAPIView

from orne_site.api import views

app_name = "api_v1"
conditional = decorator_from_middleware(ConditionalGetMiddleware)
# Identifiers are matched as any segment and checked by the views, so that a malformed one
# gets the API's JSON 404 rather than the site's HTML page.

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("shops/", conditional(views.ShopList.as_view()), name="shops"),
    path("shops/<str:slug>/", conditional(views.ShopDetail.as_view()), name="shop"),
    path("articles/", conditional(views.ArticleList.as_view()), name="articles"),
    path("articles/<str:id>/", conditional(views.ArticleDetail.as_view()), name="article"),
    path("communes/", conditional(views.CommuneList.as_view()), name="communes"),
    path(
        "intercommunalities/",
        conditional(views.IntercommunalityList.as_view()),
        name="intercommunalities",
    ),
    path("campaigns/", conditional(views.CampaignList.as_view()), name="campaigns"),
    path("news/", conditional(views.NewsList.as_view()), name="news"),
]

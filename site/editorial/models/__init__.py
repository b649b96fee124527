"""The council's editorial pages (home, campaigns, news, legal pages) and site settings."""

from orne_site.editorial.models.campaigns import CampaignIndexPage, CampaignPage
from orne_site.editorial.models.home import HomePage
from orne_site.editorial.models.news import NewsIndexPage, NewsPage
from orne_site.editorial.models.settings import SiteSettings
from orne_site.editorial.models.standard import StandardPage

__all__ = [
    "CampaignIndexPage",
    "CampaignPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "SiteSettings",
    "StandardPage",
]

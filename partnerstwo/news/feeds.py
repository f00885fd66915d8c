"""RSS 2.0 and Atom feeds of published news, for readers and for other portals."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from partnerstwo.news.models import NewsItem

FEED_LENGTH = 20


class NewsFeed(Feed):
    language = "pl"

    def title(self):
        return _("%(site)s – aktualności") % {"site": settings.CITY["site_name"]}

    def description(self):
        return _("Aktualności: %(body)s i %(centre)s") % {
            "body": settings.CITY["advisory_body_name"],
            "centre": settings.CITY["centre"]["name"],
        }

    def link(self):
        return reverse("news:list")

    def author_name(self):
        # Atom requires an author; the news are the Centre's.
        return settings.CITY["centre"]["name"]

    def items(self):
        return NewsItem.objects.published()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()

    def feed_url(self):
        return reverse("news:atom")

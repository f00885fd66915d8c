"""RSS 2.0 and Atom feeds of organisations' published news (as news/feeds.py does for the Centre's news)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from partnerstwo.lib.markdown import plain_text
from partnerstwo.orgnews.models import Post

FEED_LENGTH = 20


class PostsFeed(Feed):
    language = "pl"

    def title(self):
        return _("%(site)s – z życia organizacji") % {"site": settings.CITY["site_name"]}

    def description(self):
        return _("Wiadomości organizacji pozarządowych miasta, przejrzane przez %(centre)s") % {
            "centre": settings.CITY["centre"]["name"]}

    def link(self):
        return reverse("orgnews:list")

    def author_name(self):
        return settings.CITY["centre"]["name"]

    def items(self):
        return Post.objects.published().for_list().newest()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return plain_text(item.body)  # the Markdown as plain text: no reader renders our HTML as we do

    def item_author_name(self, item):
        return item.organization.name

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)


class PostsAtomFeed(PostsFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()

    def feed_url(self):
        return reverse("orgnews:atom")

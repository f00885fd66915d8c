from django.contrib import admin

from partnerstwo.news.editing import save_news_item
from partnerstwo.news.models import NewsItem


@admin.register(NewsItem)
class NewsItemAdmin(admin.ModelAdmin):
    list_display = ["title", "published_at", "is_published", "updated_at", "updated_by"]
    list_filter = ["is_published"]
    list_select_related = ["updated_by"]
    search_fields = ["title", "lead", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_at", "updated_at", "author", "updated_by"]
    # Named, because the shared abstract model puts its fields before the slug and lead.
    fields = ["title", "slug", "lead", "body", "is_published", "published_at", *readonly_fields]

    def save_model(self, request, obj, form, change):
        save_news_item(obj, editor=request.user)

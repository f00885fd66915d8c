from django.contrib import admin

from partnerstwo.campaigns.models import OppSeason


@admin.register(OppSeason)
class OppSeasonAdmin(admin.ModelAdmin):
    list_display = ["starts_on", "ends_on", "note"]

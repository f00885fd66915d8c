from django.contrib import admin

from partnerstwo.city.models import Department, District, PublicTaskSphere


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "email", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "short_name"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(PublicTaskSphere)
class PublicTaskSphereAdmin(admin.ModelAdmin):
    list_display = ["point_label", "name_pl", "slug", "position", "is_active"]
    list_display_links = ["name_pl"]
    list_filter = ["is_active"]
    search_fields = ["name_pl", "name_en", "slug", "point_label"]

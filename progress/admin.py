from django.contrib import admin

from progress.models import PlanTemplate, PlanTemplateItem

# Only curated content is in the admin. Users' screens, plans and logs are health data
# and deliberately not registered here.


class PlanTemplateItemInline(admin.TabularInline):
    model = PlanTemplateItem
    extra = 1
    autocomplete_fields = ("exercise",)
    raw_id_fields = ("starting_rung",)


@admin.register(PlanTemplate)
class PlanTemplateAdmin(admin.ModelAdmin):
    list_display = ("name", "order")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [PlanTemplateItemInline]

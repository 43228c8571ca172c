from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from backcare.mail.models import Email
from backcare.mail.services import email_retry, mask


@admin.register(Email)
class EmailAdmin(admin.ModelAdmin):
    """What the worker has queued, sent and failed to send, for an operator: addresses
    masked, no e-mail text; failed ones can be sent again."""

    list_display = ("created_at", "masked_to", "kind", "status", "attempts", "sent_at")
    list_filter = ("status", "kind")
    date_hierarchy = "created_at"
    fields = (
        "masked_to",
        "kind",
        "subject",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "claimed_at",
        "sent_at",
    )
    readonly_fields = fields
    actions = ["retry"]

    @admin.display(description="To")
    def masked_to(self, email: Email) -> str:
        return mask(email.to)

    @admin.action(description="Send the selected failed e-mails again")
    def retry(self, request: HttpRequest, queryset: QuerySet[Email]) -> None:
        count = email_retry(queryset)
        skipped = queryset.count() - count
        note = f" ({skipped} not failed, left alone)" if skipped else ""
        messages.success(request, f"{count} e-mail(s) queued again{note}.")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

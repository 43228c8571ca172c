"""The outbox: every e-mail BackCare sends, queued here and delivered by the worker."""

from django.db import models
from django.utils import timezone


class Email(models.Model):
    """One e-mail to one address, from queued to sent (or failed after its retries).

    Its text is kept only until it is sent: a sent e-mail keeps who, what kind and when,
    not its words, which may hold a one-time link or a summary of someone's week."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    to = models.EmailField()
    kind = models.CharField(max_length=40, help_text="What the e-mail is: a reminder, a reset…")
    subject = models.CharField(max_length=200)
    from_email = models.CharField(max_length=200)
    text = models.TextField(blank=True)
    html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True, help_text="When a worker took it.")
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"E-mail #{self.pk} ({self.kind})"

import zoneinfo
from typing import ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(f"{value!r} is not a known time zone.")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        # People type their address in any case; it is stored lower-cased.
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A BackCare user; the e-mail address is the log-in."""

    email = models.EmailField("e-mail address", unique=True)
    display_name = models.CharField(max_length=80, blank=True)
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self):
        return self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_short_name(self):
        return self.display_name or self.email.split("@")[0]

    get_full_name = get_short_name

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def local_today(self):
        """Today's date where the user lives."""
        return timezone.now().astimezone(self.zone).date()


class Profession(models.TextChoices):
    """The kinds of clinician: who registers as one, and who cleared a safety check."""

    PHYSIOTHERAPIST = "physiotherapist", "Physiotherapist"
    CHIROPRACTOR = "chiropractor", "Chiropractor"
    OSTEOPATH = "osteopath", "Osteopath"
    DOCTOR = "doctor", "Doctor"
    ATHLETIC_THERAPIST = "athletic_therapist", "Athletic therapist or trainer"
    OTHER = "other", "Other health professional"


class ClinicianProfile(models.Model):
    """A user who is a clinician: what they told us, and whether an admin has checked it.

    Patients see an unverified clinician labelled as such. The code is what a clinician
    gives a patient to find them when inviting, instead of an e-mail address."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="clinician")
    profession = models.CharField(max_length=20, choices=Profession.choices)
    registration_number = models.CharField(
        max_length=40, help_text="With the body that registers your profession, e.g. HCPC PH12345."
    )
    practice = models.CharField(max_length=120, help_text="Where you see patients.")
    code = models.CharField(max_length=9, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    verified_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Clinician #{self.pk}"

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

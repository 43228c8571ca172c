from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils import timezone

from backcare.accounts.models import ClinicianProfile, User
from backcare.accounts.services import clinicians_verify


class UserCreationAdminForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class UserChangeAdminForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserChangeAdminForm
    add_form = UserCreationAdminForm
    ordering = ("email",)
    list_display = ("email", "display_name", "is_staff", "date_joined")
    search_fields = ("email", "display_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("display_name", "time_zone")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "usable_password", "password1", "password2"),
            },
        ),
    )


@admin.register(ClinicianProfile)
class ClinicianProfileAdmin(admin.ModelAdmin):
    """Clinicians as they registered; an admin checks the registration number with the
    profession's register, then marks them verified (patients see the unverified labelled)."""

    list_display = ("user", "profession", "registration_number", "practice", "verified_at")
    list_filter = ("profession", ("verified_at", admin.EmptyFieldListFilter))
    search_fields = ("user__email", "registration_number", "practice")
    readonly_fields = ("user", "code", "created_at", "verified_at")
    actions = ["verify"]

    @admin.action(description="Mark the selected clinicians as verified")
    def verify(self, request, queryset) -> None:
        count = clinicians_verify(profiles=queryset, now=timezone.now())
        messages.success(request, f"{count} clinician(s) marked verified.")

    def has_add_permission(self, request) -> bool:
        return False  # a clinician registers themselves, from their account

from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "backcare.mail"
    label = "mail"
    verbose_name = "E-mail"

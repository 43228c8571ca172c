"""Text widgets for the logging forms, drawn in Python.

Django draws each widget through its templates (input.html including attrs.html); on the
session form, with four inputs per exercise, that was about a fifth of the page's time.
These write the same HTML as those templates, escaped the same way.
"""

from html import escape

from django import forms
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe


def flat_attrs(attrs: dict) -> SafeString:
    """As django/forms/widgets/attrs.html: True is a bare attribute, False is left out."""
    # The standard library's escape: the same as Django's for these plain values, faster.
    return mark_safe(  # noqa: S308 (each name and value is escaped)
        "".join(
            f" {escape(name)}" if value is True else f' {escape(name)}="{escape(str(value))}"'
            for name, value in attrs.items()
            if value is not False
        )
    )


class _InputHTML:
    def _render(self, template_name, context, renderer=None):
        widget = context["widget"]
        if widget["value"] is None:
            return format_html(
                '<input type="{}" name="{}"{}>',
                widget["type"],
                widget["name"],
                flat_attrs(widget["attrs"]),
            )
        return format_html(
            '<input type="{}" name="{}" value="{}"{}>',
            widget["type"],
            widget["name"],
            widget["value"],
            flat_attrs(widget["attrs"]),
        )


class DateInput(_InputHTML, forms.DateInput):
    pass


class HiddenInput(_InputHTML, forms.HiddenInput):
    pass


class NumberInput(_InputHTML, forms.NumberInput):
    pass


class TextInput(_InputHTML, forms.TextInput):
    pass


class Textarea(forms.Textarea):
    def _render(self, template_name, context, renderer=None):
        widget = context["widget"]
        return format_html(
            '<textarea name="{}"{}>\n{}</textarea>',
            widget["name"],
            flat_attrs(widget["attrs"]),
            widget["value"] or "",
        )

"""Fields of the logging forms, drawn in Python.

The session form has about a hundred radio buttons and thirty fields. Drawn through an
{% include %} per field and a template loop over each group's subwidgets, they took most of
the page's time; these tags write the same HTML several times faster. Every value shown
is escaped, as the templates' autoescape did.
"""

from html import escape

from django import template
from django.forms import BoundField
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

SCALE_HINT = "0 = no pain · 3 or less is safe · 4–5 acceptable · 6 or more is too much"


@register.simple_tag
def radio_group(field: BoundField, scale: bool = False) -> SafeString:
    """A radio group as a fieldset: `scale` draws a row of buttons (pain 0–10), otherwise a list."""
    # The standard library's escape, as Django's does for plain strings but several times
    # faster, for a hundred-odd options; choices are plain strings, never lazy or safe ones.
    name, id_ = escape(field.html_name), escape(field.auto_id)
    # The widget's own rule for what is checked: the value, or the values, as strings.
    checked = field.field.widget.format_value(field.value())
    invalid = " is-invalid" if field.errors else ""
    radios = []
    for index, (value, label) in enumerate(field.field.choices):
        radio_id, label = f"{id_}_{index}", escape(str(label))
        attrs = f'name="{name}" id="{radio_id}" value="{escape(str(value))}"'
        check = " checked" if str(value) in checked else ""
        if scale:
            radios.append(
                f'<input type="radio" class="btn-check" {attrs} autocomplete="off"{check}>\n'
                f'<label class="btn btn-outline-primary scale-btn" for="{radio_id}">{label}</label>'
            )
        else:
            radios.append(
                f'<div class="form-check"><input class="form-check-input{invalid}" type="radio"'
                f" {attrs}{check}>\n"
                f'<label class="form-check-label" for="{radio_id}">{label}</label></div>'
            )
    hint = ""
    if scale:
        hint = format_html(
            '<p class="small text-body-secondary mb-1" id="{}_hint">{}</p>\n',
            field.auto_id,
            SCALE_HINT,
        )
    group = '<div class="scale d-flex flex-wrap gap-1">' if scale else "<div>"
    group += "\n" + "\n".join(radios) + "\n</div>"
    return format_html(
        '<fieldset class="mb-3"{}>\n'
        '<legend class="form-label fs-6 mb-1 fw-semibold">{}</legend>\n'
        "{}{}{}</fieldset>",
        format_html(' aria-describedby="{}_error"', field.auto_id) if field.errors else "",
        field.label,
        hint,
        mark_safe(group),  # noqa: S308 (each name, id, value and label in it is escaped)
        _error(field),
    )


@register.simple_tag
def input_field(field: BoundField) -> SafeString:
    """A labelled input with its error message."""
    return format_html(
        '<div class="mb-2">\n'
        '<label class="form-label small mb-0" for="{}">{}</label>\n{}\n{}</div>',
        field.auto_id,
        field.label,
        field.as_widget(),
        _error(field),
    )


def _error(field: BoundField) -> SafeString | str:
    if not field.errors:
        return ""
    return format_html(
        '\n<div class="invalid-feedback d-block" id="{}_error">{}</div>\n',
        field.auto_id,
        " ".join(field.errors),
    )

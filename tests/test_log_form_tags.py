"""The logging forms' fields, drawn in Python, write what Django's templates wrote."""

import re
from datetime import date

import pytest
from django import forms
from django.template import Context, Template

from progress import log_widgets
from progress.forms.sessions import CheckInForm
from progress.templatetags.log_form import input_field, radio_group

MARKUP = "<b>\"x\"</b> & 'y'"

# The includes each field went through before the tags, as references. The one change: no
# empty class="" on a list's <div>.
RADIOS = """
<fieldset class="mb-3"{% if field.errors %} aria-describedby="{{ field.auto_id }}_error"{% endif %}>
  <legend class="form-label fs-6 mb-1 fw-semibold">{{ field.label }}</legend>
  {% if scale %}<p class="small text-body-secondary mb-1" id="{{ field.auto_id }}_hint">0 = no pain · 3 or less is safe · 4–5 acceptable · 6 or more is too much</p>{% endif %}
  <div{% if scale %} class="scale d-flex flex-wrap gap-1"{% endif %}>
  {% for radio in field %}
    {% if scale %}
      <input type="radio" class="btn-check" name="{{ radio.data.name }}" id="{{ radio.id_for_label }}" value="{{ radio.data.value }}" autocomplete="off"{% if radio.data.selected %} checked{% endif %}>
      <label class="btn btn-outline-primary scale-btn" for="{{ radio.id_for_label }}">{{ radio.choice_label }}</label>
    {% else %}
      <div class="form-check">
        <input class="form-check-input{% if field.errors %} is-invalid{% endif %}" type="radio" name="{{ radio.data.name }}" id="{{ radio.id_for_label }}" value="{{ radio.data.value }}"{% if radio.data.selected %} checked{% endif %}>
        <label class="form-check-label" for="{{ radio.id_for_label }}">{{ radio.choice_label }}</label>
      </div>
    {% endif %}
  {% endfor %}
  </div>
  {% if field.errors %}<div class="invalid-feedback d-block" id="{{ field.auto_id }}_error">{{ field.errors|join:" " }}</div>{% endif %}
</fieldset>
"""  # noqa: E501
FIELD = """
<div class="mb-2">
  <label class="form-label small mb-0" for="{{ field.auto_id }}">{{ field.label }}</label>
  {{ field }}
  {% if field.errors %}<div class="invalid-feedback d-block" id="{{ field.auto_id }}_error">{{ field.errors|join:" " }}</div>{% endif %}
</div>
"""  # noqa: E501
STOCK = {
    log_widgets.DateInput: forms.DateInput,
    log_widgets.HiddenInput: forms.HiddenInput,
    log_widgets.NumberInput: forms.NumberInput,
    log_widgets.TextInput: forms.TextInput,
    log_widgets.Textarea: forms.Textarea,
}


def squeeze(html: str) -> str:
    """The HTML without the whitespace between tags, which the templates' layout added."""
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", str(html))).strip()


def draw(template: str, **context) -> str:
    return Template(template).render(Context(context))


class Sample(forms.Form):
    choice = forms.ChoiceField(
        label=f"Pick {MARKUP}",
        choices=[("a", MARKUP), (MARKUP, "b"), ("3", "3")],
        widget=forms.RadioSelect,
    )
    day = forms.DateField(widget=log_widgets.DateInput(attrs={"type": "date"}))
    count = forms.IntegerField(widget=log_widgets.NumberInput(attrs={"step": 1}))
    text = forms.CharField(label=MARKUP, required=False, widget=log_widgets.TextInput)
    note = forms.CharField(widget=log_widgets.Textarea(attrs={"rows": 2}))
    key = forms.CharField(required=False, widget=log_widgets.HiddenInput)


@pytest.mark.parametrize(
    "form",
    [
        Sample(),
        Sample(initial={"choice": "3", "day": date(2026, 3, 2), "count": 0, "text": MARKUP}),
        Sample({"choice": MARKUP, "day": "2026-03-02", "count": "x", "text": MARKUP}),
        Sample({"choice": "zzz", "day": MARKUP, "note": MARKUP, "key": MARKUP}),
    ],
    ids=["empty", "initial", "bound", "invalid"],
)
class TestLogFormTags:
    def test_a_radio_group_is_drawn_as_its_include_drew_it(self, form):
        for scale in (False, True):
            expected = draw(RADIOS, field=form["choice"], scale=scale)
            assert squeeze(radio_group(form["choice"], scale=scale)) == squeeze(expected)

    def test_a_field_is_drawn_as_its_include_drew_it(self, form):
        for name in ("day", "count", "text", "note", "key"):
            expected = draw(FIELD, field=form[name])
            assert squeeze(input_field(form[name])) == squeeze(expected)


@pytest.mark.parametrize("widget", STOCK)
@pytest.mark.parametrize("value", [None, "", 0, 12, date(2026, 3, 2), MARKUP])
def test_a_widget_writes_what_djangos_template_wrote(widget, value):
    attrs = {"class": "form-control", "step": 0.5, "required": True, "off": False, "x": MARKUP}
    ours = widget(attrs=attrs).render("e1-note", value, attrs={"id": "id_e1-note"})
    stock = STOCK[widget](attrs=attrs).render("e1-note", value, attrs={"id": "id_e1-note"})
    assert ours == stock


def test_the_check_in_page_still_draws_its_pain_scale_through_the_include():
    html = draw(
        '{% with field=form.morning_pain scale=True %}{% include "progress/_radios.html" %}'
        "{% endwith %}",
        form=CheckInForm({"morning_pain": "4"}),
    )
    assert 'id="id_morning_pain_4" value="4" autocomplete="off" checked>' in html
    assert 'id="id_morning_pain_hint"' in html

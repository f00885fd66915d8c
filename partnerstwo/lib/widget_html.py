"""Django's own widget templates written out in Python: the same HTML, a fraction of the time.

A list of 41 spheres as <option>s or checkboxes costs Django's template engine two or three
template includes per choice; the directory's and the calendar's filter forms spent more time there
than on everything else of their pages (issue 18). Each function below is the template named next to
it, tag for tag (tests/…/test_widget_html.py renders both ways and compares them); FormRenderer uses
them only while those names resolve to Django's own files, so a template overridden anywhere keeps
being rendered by the template engine. Each returns what its template file gives, trailing newline
included (an {% include %} keeps it; the renderer strips only the outermost).
"""

from django.template import Context
from django.template.base import render_value_in_context
from django.utils.html import conditional_escape

_CONTEXT = Context(autoescape=True)  # what {{ value }} sees while a form renders: no use_l10n, no use_tz


def _out(value) -> str:
    """{{ value }}: localised like the template engine does, then escaped."""
    return render_value_in_context(value, _CONTEXT)


def _formatted(value) -> str:
    """{{ value|stringformat:'s' }}: str(), not localised, escaped unless marked safe."""
    return conditional_escape(value)


def attrs(attributes: dict) -> str:
    """django/forms/widgets/attrs.html and django/forms/attrs.html."""
    parts = []
    for name, value in (attributes or {}).items():
        if value is False:
            continue
        parts.append(f" {_out(name)}" if value is True else f' {_out(name)}="{_formatted(value)}"')
    return "".join(parts)


def input_(widget: dict) -> str:
    """django/forms/widgets/input.html (text, number, checkbox, email, … include it)."""
    value = f' value="{_formatted(widget["value"])}"' if widget["value"] is not None else ""
    return f'<input type="{_out(widget["type"])}" name="{_out(widget["name"])}"{value}{attrs(widget["attrs"])}>\n'


def input_option(widget: dict) -> str:
    """django/forms/widgets/input_option.html (checkbox_option.html and radio_option.html include it)."""
    if not widget.get("wrap_label"):
        return input_(widget) + "\n"
    label_for = f' for="{_out(widget["attrs"]["id"])}"' if widget["attrs"].get("id") else ""
    return f"<label{label_for}>{input_(widget)} {_out(widget['label'])}</label>\n"


def select_option(widget: dict) -> str:
    """django/forms/widgets/select_option.html."""
    return f'<option value="{_formatted(widget["value"])}"{attrs(widget["attrs"])}>{_out(widget["label"])}</option>\n'


def select(widget: dict, option) -> str:
    """django/forms/widgets/select.html; `option` renders one option by its template name."""
    parts = [f'<select name="{_out(widget["name"])}"{attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_out(group_name)}">')
        for choice in group_choices:
            parts.append(f"\n  {option(choice)}")
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>\n")
    return "".join(parts)


def multiple_input(widget: dict, option) -> str:
    """django/forms/widgets/multiple_input.html (checkbox_select.html and radio.html include it)."""
    element_id = widget["attrs"].get("id")
    css_class = widget["attrs"].get("class")
    parts = [
        "<div", f' id="{_out(element_id)}"' if element_id else "", f' class="{_out(css_class)}"' if css_class else "",
        ">",
    ]
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f"\n  <div><label>{_out(group)}</label>")
        for choice in options:
            parts.append(f"<div>\n    {option(choice)}</div>")
        if group:
            parts.append("\n  </div>")
    parts.append("\n</div>\n")
    return "".join(parts)


def label(context: dict) -> str:
    """django/forms/label.html."""
    if not context.get("use_tag"):
        return _out(context["label"]) + "\n"
    tag = _out(context["tag"])
    return f"<{tag}{attrs(context['attrs'])}>{_out(context['label'])}</{tag}>\n"


INPUT = "django/forms/widgets/input.html"
INPUTS = {  # each is {% include "django/forms/widgets/input.html" %} and a newline
    f"django/forms/widgets/{name}.html"
    for name in ("text", "number", "email", "url", "password", "hidden", "checkbox", "search", "tel",
                 "date", "datetime", "time", "color")
}
INPUT_OPTION = "django/forms/widgets/input_option.html"
OPTIONS = {f"django/forms/widgets/{name}.html" for name in ("checkbox_option", "radio_option")}
SELECT = "django/forms/widgets/select.html"
MULTIPLE_INPUT = "django/forms/widgets/multiple_input.html"
MULTIPLE_INPUTS = {f"django/forms/widgets/{name}.html" for name in ("checkbox_select", "radio")}  # include it
SELECT_OPTION = "django/forms/widgets/select_option.html"
LABEL = "django/forms/label.html"
TEMPLATES = INPUTS | OPTIONS | MULTIPLE_INPUTS | {SELECT, MULTIPLE_INPUT, INPUT, INPUT_OPTION, SELECT_OPTION, LABEL}

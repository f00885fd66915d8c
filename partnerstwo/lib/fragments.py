"""Pieces of a public page rendered once per content and kept in the process's memory (issue 18).

The key of a piece is everything its template reads, taken from the data the view fetched anyway:
a change in the panel or by a representative gives another key on the very next request, so a piece
can never be served stale, and nothing needs to be told to forget anything. Only for what is the same
for every visitor: no request in the context (no CSRF token, no user), which the helper enforces.
Per-process memory (the "fragments" cache, a thousand entries): nothing here needs sharing between app servers.
"""

import hashlib

from django.core.cache import caches
from django.db import models
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.choices import BaseChoiceIterator
from django.utils.datastructures import MultiValueDict
from django.utils.functional import Promise
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

CACHE = "fragments"
TIMEOUT = 60 * 60


class Unkeyable(TypeError):
    """A value whose repr is its address: keyed on, it would never match (render() then does not cache)."""


def plain(value, _open: frozenset = frozenset()):
    """A value for a key: lazy texts as the text they give now, model instances as every attribute loaded
    (and the related rows and prefetched lists already loaded), containers element by element. A row met
    again inside itself (a prefetched child points back at its parent) is named by its key only."""
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, ModelChoiceIteratorValue):
        return plain(value.instance, _open)
    if isinstance(value, (ModelChoiceIterator, BaseChoiceIterator)):  # choices given lazily: what they give now
        return plain(list(value), _open)
    if isinstance(value, models.Model):
        identity = (type(value).__name__, value.pk)
        if identity in _open:
            return identity
        inner = _open | {identity}
        # Every attribute loaded on the instance: its columns (deferred ones are not read, or the page would
        # run a query per row), annotations, and what the view set on it (a countdown, a heading).
        state = [type(value).__name__] + sorted(
            (name, plain(attribute, inner)) for name, attribute in vars(value).items() if not name.startswith("_"))
        related = getattr(value._state, "fields_cache", {})
        state += [(name, plain(obj, inner)) for name, obj in sorted(related.items())]
        prefetched = getattr(value, "_prefetched_objects_cache", {})
        state += [(name, plain(list(rows), inner)) for name, rows in sorted(prefetched.items())]
        return tuple(state)
    if isinstance(value, MultiValueDict):  # a QueryDict: every value of each key
        return tuple((key, tuple(values)) for key, values in value.lists())
    if isinstance(value, dict):
        return tuple((plain(k, _open), plain(v, _open)) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [plain(item, _open) for item in value]
        return tuple(sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items)
    if type(value).__repr__ is object.__repr__:
        # Its repr is its address: a key that never matches, or worse, misses what the page shows.
        raise Unkeyable(type(value).__name__)
    return value


def form_state(form) -> tuple:
    """What rendering a form's fields reads that is not in the code: the submitted values, each field's
    choices (often from the database) and its widget's attributes (a year's maximum, say)."""
    fields = []
    for name, field in form.fields.items():
        submitted = form.data.getlist(form.add_prefix(name)) if hasattr(form.data, "getlist") else (
            form.data.get(form.add_prefix(name)))
        fields.append((name, submitted, getattr(field, "choices", None), field.widget.attrs,
                       form.initial.get(name, field.initial), field.disabled, field.required))
    return (type(form).__module__, type(form).__qualname__, form.is_bound, form.prefix, tuple(fields))


def render(template_name: str, context: dict, state) -> str:
    """`template_name` rendered with `context`, or the same HTML from an earlier request whose `state`
    (everything the template reads beyond the code and the language) was the same."""
    if "request" in context or "csrf_token" in context:
        raise ValueError("A cached fragment is the same for every visitor: no request, no CSRF token.")
    try:
        key = repr((get_language(), timezone.get_current_timezone_name(), template_name, plain(state)))
    except Unkeyable:  # rendered as it is, never from the cache: slower, not wrong
        return mark_safe(render_to_string(template_name, context))  # noqa: S308
    key = f"fragment:{template_name}:" + hashlib.sha256(key.encode()).hexdigest()
    html = caches[CACHE].get_or_set(key, lambda: render_to_string(template_name, context), TIMEOUT)
    return mark_safe(html)  # noqa: S308  the output of our own template, escaped there

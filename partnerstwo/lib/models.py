"""Model pieces shared by several apps."""

from django.core.exceptions import ValidationError
from django.db import models

from partnerstwo.lib.forms import AmountField as AmountFormField


def constraints_on_fields(instance: models.Model, fields_by_constraint: dict[str, str]) -> None:
    """Checks the named constraints of a model and reports a violation next to the field it is about (Django puts
    a violated constraint above the whole form). Called from Model.clean(): full_clean then skips the constraint,
    its field already having an error, so each message is shown once, where the field is."""
    errors: dict[str, list[str]] = {}
    for constraint in instance._meta.constraints:
        field = fields_by_constraint.get(constraint.name)
        if field is None:
            continue
        try:
            constraint.validate(type(instance), instance)
        except ValidationError as error:
            errors.setdefault(field, []).extend(error.messages)
    if errors:
        raise ValidationError(errors)


class FoldedSearchModel(models.Model):
    """A model whose text search reads one folded column (see docs/decisions/0005).

    Subclasses say what to fold in build_search_text(); save() keeps the column in step, so it
    can never disagree with the fields it folds. Bulk writes that skip save() must fill it too.
    """

    search_text = models.TextField(editable=False, default="")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def build_search_text(self) -> str:
        raise NotImplementedError


class RateLimitCounter(models.Model):
    """Attempts in one fixed window of one rate limit (partnerstwo.lib.ratelimit, docs/decisions/0008).

    One row per (key, window): the unique constraint lets a single INSERT … ON CONFLICT DO UPDATE
    count atomically, so a burst of simultaneous requests cannot slip past the limit.
    """

    key = models.CharField(max_length=120)  # "<scope>:<sha256 of the client key>"
    window_start = models.BigIntegerField()  # Unix time at which the window opened
    count = models.PositiveIntegerField(default=0)
    expires_at = models.BigIntegerField(db_index=True)  # Unix time after which the row is useless

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="lib_ratelimitcounter_one_per_window"),
        ]

    def __str__(self):
        return f"{self.key} @ {self.window_start}: {self.count}"


class AmountField(models.DecimalField):
    """An amount in złoty, to the grosz; its form field reads and shows it as Poles write it ("45 000,00").

    Migrations see a plain DecimalField: the column is the same, only the form differs.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": AmountFormField, **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.DecimalField", args, kwargs

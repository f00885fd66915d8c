"""Model pieces shared by several apps."""

from django.db import models


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

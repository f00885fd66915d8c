"""Small helpers of the views of every app."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render


def submitted(request) -> tuple:
    """(data, files) of a submitted form, or (None, None) for an unbound one on GET."""
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


def confirm_delete(request, *, delete, done_url: str, done_message: str, back_url: str, context: dict):
    """A staff page that asks before deleting (GET) and deletes on POST through the domain's `delete()`, which
    refuses with a ValidationError when the thing may not go; the refusal is shown on the page it came from."""
    if request.method == "POST":
        try:
            delete()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(back_url)
        messages.success(request, done_message)
        return redirect(done_url)
    return render(request, "panel/confirm_delete.html", {**context, "back_url": back_url})

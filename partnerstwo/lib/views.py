"""Small helpers of the views of every app."""


def submitted(request) -> tuple:
    """(data, files) of a submitted form, or (None, None) for an unbound one on GET."""
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)

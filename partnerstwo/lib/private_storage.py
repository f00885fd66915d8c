"""Files that must never be served by the web server directly (offers before the committee's checks, good
practices' attachments before publication).

They live outside MEDIA_ROOT, under PRIVATE_MEDIA_ROOT (default VAR_DIR/private), and have no public URL:
a view that checks permissions streams them (e.g. grants.committees.views.offer_file, practices.views.attachment).
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


def private_media_root() -> Path:
    return Path(getattr(settings, "PRIVATE_MEDIA_ROOT", Path(settings.VAR_DIR) / "private"))


@deconstructible
class PrivateStorage(FileSystemStorage):
    # Read from the settings on every use (not cached at import), so a changed setting is honoured.
    @property
    def base_location(self):
        return private_media_root()

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        return None  # no direct address: a checking view serves the file


private_storage = PrivateStorage()

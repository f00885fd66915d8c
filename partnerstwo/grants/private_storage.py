"""The grants' private storage: lib.private_storage (files outside MEDIA_ROOT, served only by a view that
checks permissions, as grants.committees.views.offer_file does).

A subclass of its own only so that the grants' migrations, which name this class, stay as they are.
"""

from django.utils.deconstruct import deconstructible

from partnerstwo.lib import private_storage as lib


@deconstructible
class PrivateStorage(lib.PrivateStorage):
    pass


private_media_root = lib.private_media_root
private_storage = PrivateStorage()

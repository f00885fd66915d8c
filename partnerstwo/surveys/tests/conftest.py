import pytest


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """The exports are stored in private storage: each test its own folder."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT

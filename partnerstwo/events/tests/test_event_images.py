"""Event photos are checked as organisation logos are: the format by the content, the size, the dimensions.
A new photo on a published event waits for review with the rest of the change."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from partnerstwo.events import publishing
from partnerstwo.events.models import Event, EventStatus
from partnerstwo.events.tests import factories as f
from partnerstwo.events.tests.test_manage_views import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def image_file(fmt="PNG", size=(120, 80), name="zdjecie.png"):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#2a6").save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def submit(client, organization_a, upload):
    return client.post(reverse("my_events:create"), form_data(
        organization=organization_a.pk, image=upload, image_alt="Uczestnicy pikniku przy stawie",
    ))


def test_a_png_photo_is_accepted(client, representative_a, organization_a):
    client.force_login(representative_a)
    assert submit(client, organization_a, image_file()).status_code == 302
    assert Event.objects.get().image.name.startswith("events/")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: image_file("GIF", name="zdjecie.gif"), "JPEG, PNG lub WebP"),
        (lambda: image_file(name="zdjecie.jpg"), None),  # a PNG named .jpg is a PNG: accepted by its content
        (lambda: image_file(size=(4200, 100)), "najwyżej 4000 × 4000 pikseli"),
        (lambda: SimpleUploadedFile("zdjecie.png", b"<svg onload=alert(1)>", content_type="image/png"),
         "nie jest obrazem"),
        (lambda: SimpleUploadedFile("zdjecie.png", b"\x89PNG" + b"0" * (3 * 1024 * 1024 + 10),
                                    content_type="image/png"), "3 MB"),
    ],
)
def test_a_wrong_photo_gets_a_clear_message_next_to_the_field_and_the_form_keeps_the_text(
    client, representative_a, organization_a, upload, message
):
    client.force_login(representative_a)
    response = submit(client, organization_a, upload())
    if message is None:
        assert response.status_code == 302
        return
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["image"])
    assert 'value="Piknik sąsiedzki"' in response.content.decode()
    assert not Event.objects.exists()


def test_a_new_photo_on_a_published_event_waits_for_review(client, representative_a, organization_a, official_x):
    event = f.event(organization=organization_a, title="Piknik sąsiedzki")
    client.force_login(representative_a)
    response = client.post(reverse("my_events:edit", args=[event.pk]), form_data(
        organization=organization_a.pk, image=image_file(), image_alt="Uczestnicy pikniku",
        starts_at=f.in_days(1, 18).strftime("%Y-%m-%dT%H:%M"), ends_at=f.in_days(1, 20).strftime("%Y-%m-%dT%H:%M"),
    ))
    assert response.status_code == 302
    event.refresh_from_db()
    assert not event.image and event.status == EventStatus.PUBLISHED
    change = event.changes.get()
    assert change.values["image"].startswith("events/")
    publishing.approve_change(change, by=official_x)
    event.refresh_from_db()
    assert event.image.name == change.values["image"] and event.image_alt == "Uczestnicy pikniku"

"""A curator's pictures and videos: checked by content, re-encoded, thumbnailed, credited,
and every bad file refused in the admin with a clear message and nothing stored."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from exercises.catalog import catalog_load
from exercises.forms import MediaForm
from exercises.models import Exercise, Media, Region
from tests.builders import exercise_admin_form

pytestmark = pytest.mark.django_db

MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 200
WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm" + b"\x00" * 200


def jpeg(width=1000, height=600, **save) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (30, 120, 140)).save(out, "JPEG", **save)
    return out.getvalue()


def gif() -> bytes:
    out = io.BytesIO()
    Image.new("P", (4, 4)).save(out, "GIF")
    return out.getvalue()


def jpeg_with_location() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "SpyCam Ltd"  # camera make
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}  # GPS
    return jpeg(exif=exif.tobytes())


def png_claiming(width: int, height: int) -> bytes:
    """A few hundred bytes whose header claims width × height pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))  # fmt: skip


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path


@pytest.fixture
def bridge():
    catalog_load()
    return Exercise.objects.get(slug="glute-bridge")


def stored(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def upload(client, exercise, file, *, poster=None, rung=None, **fields):
    data = exercise_admin_form(exercise)
    data.update(
        {
            "media-TOTAL_FORMS": 1,
            "media-0-id": "",
            "media-0-exercise": exercise.pk,
            "media-0-rung": rung.pk if rung else "",
            "media-0-file": file,
            "media-0-caption": "Hips lifted in a line from shoulders to knees",
            "media-0-author": "A. Physio",
            "media-0-source": "https://example.org/bridge",
            "media-0-licence": "cc-by-sa-4.0",
            "media-0-order": 0,
            **{f"media-0-{k}": v for k, v in fields.items()},
        }
    )
    if poster is not None:
        data["media-0-poster"] = poster
    return client.post(f"/admin/exercises/exercise/{exercise.pk}/change/", data)


def page_errors(response) -> str:
    return " ".join(str(e) for form in response.context["inline_admin_formsets"][1].formset
                    for e in form.errors.values())  # fmt: skip


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.png", b"these are my notes, not a picture", "not an image we can read"),
        ("half.jpg", jpeg()[:1500], "damaged or incomplete"),
        ("huge.png", png_claiming(20_000, 20_000), "at most 40 million pixels"),
        ("big.png", png_claiming(9_000, 9_000), "9,000 × 9,000 pixels"),
        (
            "drawing.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "SVG files are not accepted: they can carry scripts",
        ),
        (
            "trick.png",
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
            "SVG files are not accepted",
        ),
        ("clip.mp4", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100, "This file is a program"),
        ("clip.webm", b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "This file is a program"),
        ("anim.gif", gif(), "GIF images are not accepted"),
    ],
)
def test_a_bad_file_is_refused_with_a_message_and_nothing_is_stored(
    admin_client, bridge, media_root, name, content, message
):
    response = upload(admin_client, bridge, SimpleUploadedFile(name, content))
    assert response.status_code == 200  # the form again, not a redirect
    assert message in page_errors(response)
    assert "Hips lifted in a line" in response.content.decode()  # what the curator typed
    assert not Media.objects.exists()
    assert stored(media_root) == []


def test_a_video_bigger_than_the_limit_is_refused_by_the_form(bridge):
    video = SimpleUploadedFile("long.mp4", MP4)
    video.size = 2 * 1024**3  # as Django reports a 2 GB upload
    form = MediaForm(
        {"caption": "c", "author": "a", "source": "s", "licence": "cc0-1.0", "order": 0},
        {"file": video},
        instance=Media(exercise=bridge),
    )
    assert not form.is_valid()
    assert form.errors["file"] == [
        "This video is 2,048 MB; videos may be at most 50 MB. Shorten it or export it at a "
        "lower resolution."
    ]


def test_a_request_too_big_for_any_upload_is_refused_before_it_is_read(admin_client, bridge):
    response = admin_client.post(
        f"/admin/exercises/exercise/{bridge.pk}/change/", {}, CONTENT_LENGTH=str(2 * 1024**3)
    )
    assert response.status_code == 413
    assert not Media.objects.exists()


def test_the_rest_of_the_site_still_takes_no_uploads(admin_client, bridge):
    regions = Region.objects.count()
    response = admin_client.post(
        "/admin/exercises/region/add/", {}, CONTENT_LENGTH=str(5 * 1024 * 1024)
    )
    assert response.status_code == 413
    assert "What you sent is too large" in response.content.decode()
    assert "at most 1024 KB" in response.content.decode()
    assert Region.objects.count() == regions


def test_an_upload_needs_its_credit(admin_client, bridge, media_root):
    response = upload(
        admin_client, bridge, SimpleUploadedFile("ok.jpg", jpeg()), author="", licence=""
    )
    errors = page_errors(response)
    assert errors.count("This field is required.") == 2
    assert not Media.objects.exists() and stored(media_root) == []


def test_an_image_is_stored_re_encoded_without_its_location_and_thumbnailed(
    admin_client, bridge, media_root, django_capture_on_commit_callbacks
):
    rung = bridge.rungs.get(position=1)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            admin_client, bridge, SimpleUploadedFile("IMG_0042.JPG", jpeg_with_location()),
            rung=rung,
        )  # fmt: skip
    assert response.status_code == 302
    media = Media.objects.get()
    assert media.kind == "image" and (media.width, media.height) == (1000, 600)
    assert "IMG_0042" not in media.file.name and media.file.name.endswith(".jpg")
    data = Path(media.file.path).read_bytes()
    assert b"SpyCam" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert dict(image.getexif()) == {}
    assert sorted(media.thumbnails) == ["360", "720"]
    for name in media.thumbnails.values():
        with Image.open(media_root / name) as thumb:
            assert thumb.width in (360, 720)
    html = admin_client.get("/exercises/glute-bridge/").content.decode()
    assert 'alt="Hips lifted in a line from shoulders to knees"' in html
    assert "360w" in html and "720w" in html and "1000w" in html
    assert 'rel="license noopener">CC BY-SA 4.0</a>' in html
    # On the rung it was added to, not on the others.
    assert html.count("Hips lifted in a line") == 2  # alt and caption, once


def test_a_video_needs_a_poster_and_is_shown_with_controls(admin_client, bridge, media_root):
    response = upload(admin_client, bridge, SimpleUploadedFile("clip.mp4", MP4))
    assert "A video needs a poster" in page_errors(response)
    assert stored(media_root) == []
    response = upload(
        admin_client, bridge, SimpleUploadedFile("clip.webm", WEBM),
        poster=SimpleUploadedFile("still.png", jpeg()), before_figure="on",
    )  # fmt: skip
    assert response.status_code == 302
    media = Media.objects.get()
    assert media.kind == "video" and media.file.name.endswith(".webm")
    assert media.poster.name.endswith(".jpg")  # by its content, whatever its name said
    html = admin_client.get("/exercises/glute-bridge/").content.decode()
    # For the whole exercise: shown with each of its rungs, before the drawn figure.
    assert html.count('<video controls preload="none" poster="') == bridge.rungs.count()
    first_rung = html[html.index('id="rung-1"') : html.index('id="rung-2"')]
    assert first_rung.index("<video") < first_rung.index('class="fig-art"')
    assert 'type="video/webm"' in html


def test_a_rung_must_belong_to_the_exercise(bridge):
    other = Exercise.objects.get(slug="clamshell").rungs.first()
    form = MediaForm(
        {"rung": other.pk, "caption": "c", "author": "a", "source": "s", "licence": "cc0-1.0",
         "order": 0},
        {"file": SimpleUploadedFile("a.jpg", jpeg())},
        instance=Media(exercise=bridge),
    )  # fmt: skip
    assert not form.is_valid()
    assert "rung" in form.errors


class TestServingMedia:
    @pytest.fixture
    def picture(self, media_root):
        (media_root / "catalog").mkdir()
        (media_root / "catalog" / "abc.jpg").write_bytes(jpeg(10, 10))
        (media_root / "catalog" / "page.html").write_text("<script>alert(1)</script>")
        return "/media/catalog/abc.jpg"

    def test_the_app_serves_media_as_what_it_is_and_inline(self, client, settings, picture):
        settings.BACKCARE_SERVE_MEDIA = True
        response = client.get(picture)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Disposition"] == 'inline; filename="abc.jpg"'

    def test_only_media_types_are_served(self, client, settings, picture):
        settings.BACKCARE_SERVE_MEDIA = True
        for path in ("/media/catalog/page.html", "/media/../settings.py"):
            response = client.get(path)
            assert response.status_code == 404
            assert "We could not find that page" in response.content.decode()

    def test_nothing_is_served_when_the_proxy_serves_media(self, client, settings, picture):
        settings.BACKCARE_SERVE_MEDIA = False
        response = client.get(picture)
        assert response.status_code == 404
        assert "We could not find that page" in response.content.decode()


def test_the_csp_allows_media_only_from_the_site(client, bridge):
    policy = client.get("/exercises/glute-bridge/")["Content-Security-Policy"]
    assert "media-src 'self'" in policy
    assert "img-src 'self' data:" in policy


def _settings_with(env: dict) -> dict:
    """Production settings read in a fresh interpreter with `env`: storage, the CSP and how
    long catalog pages are kept."""
    import json
    import subprocess
    import sys

    script = (
        "import json, backcare.settings as s; print(json.dumps({'storage': s.STORAGES['default'],"
        " 'csp': s.CONTENT_SECURITY_POLICY['DIRECTIVES'],"
        " 'kept': s.BACKCARE_CATALOG_PAGE_SECONDS}))"
    )
    base = {"PATH": "/usr/bin:/bin", "DJANGO_DEBUG": "false", "SECRET_KEY": "x" * 50,
            "DJANGO_EMAIL_BACKEND": "console"}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=base | env,
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_object_storage_is_set_by_the_environment_and_allowed_by_the_csp():
    local = _settings_with({})
    assert local["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert local["csp"]["media-src"] == ["'self'"]
    s3 = _settings_with(
        {
            "AWS_STORAGE_BUCKET_NAME": "backcare-media",
            "AWS_S3_ENDPOINT_URL": "https://objects.example.net",
        }
    )
    assert s3["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert s3["storage"]["OPTIONS"]["bucket_name"] == "backcare-media"
    assert s3["storage"]["OPTIONS"]["object_parameters"]["ContentDisposition"] == "inline"
    assert s3["csp"]["media-src"] == ["'self'", "objects.example.net"]
    assert s3["csp"]["img-src"] == ["'self'", "data:", "objects.example.net"]
    cdn = _settings_with(
        {"AWS_STORAGE_BUCKET_NAME": "b", "AWS_S3_CUSTOM_DOMAIN": "media.backcare.example.org"}
    )
    assert cdn["csp"]["media-src"] == ["'self'", "media.backcare.example.org"]


def test_catalog_pages_naming_signed_media_addresses_are_kept_until_half_their_life():
    assert _settings_with({})["kept"] is None  # until the catalog changes
    assert _settings_with({"AWS_STORAGE_BUCKET_NAME": "b"})["kept"] is None
    signed = {"AWS_STORAGE_BUCKET_NAME": "b", "AWS_QUERYSTRING_AUTH": "true"}
    assert _settings_with(signed)["kept"] == 1800
    assert _settings_with(signed | {"AWS_QUERYSTRING_EXPIRE": "600"})["kept"] == 300

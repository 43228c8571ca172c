"""Request bodies are capped before they are read, and no file part is spooled to disk."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from backcare.middleware import accepts_uploads

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


@csrf_exempt
@accepts_uploads(max_bytes=8 * MB)
def receive_upload(request):
    """What a future upload view looks like: one decorator line lets its files in."""
    return HttpResponse(", ".join(f"{name}: {f.size}" for name, f in request.FILES.items()))


urlpatterns = [path("upload/", receive_upload)]


@pytest.fixture
def spooled(monkeypatch, settings, tmp_path):
    """Names of the files the server began writing to its temporary directory."""
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    names: list[str] = []
    original = TemporaryFileUploadHandler.new_file

    def new_file(self, field_name, file_name, *args, **kwargs):
        names.append(file_name)
        return original(self, field_name, file_name, *args, **kwargs)

    monkeypatch.setattr(TemporaryFileUploadHandler, "new_file", new_file)
    return names


def a_file(size: int) -> SimpleUploadedFile:
    return SimpleUploadedFile("big.bin", b"x" * size)


def log_in_with(client, **extra):
    return client.post(
        "/accounts/login/", {"login": "alice@example.com", "password": "wrong", **extra}
    )


def test_a_5_mb_multipart_body_to_log_in_is_refused_unread(client, spooled, tmp_path):
    response = log_in_with(client, file=a_file(5 * MB))
    assert response.status_code == 413
    assert b"What you sent is too large" in response.content
    assert b"1024 KB" in response.content
    assert spooled == []
    assert list(tmp_path.iterdir()) == []


def test_a_small_file_part_sent_to_a_form_is_dropped_not_written_to_disk(client, spooled, settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1  # any file that was kept would go to disk
    response = log_in_with(client, file=a_file(100 * 1024))
    assert response.status_code == 200  # the log-in form again, as for any wrong password
    assert spooled == []


def test_a_large_form_body_is_refused(client):
    response = client.post(
        "/accounts/login/",
        "login=a%40example.com&note=" + "x" * (2 * MB),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert "What you sent is too large" in response.content.decode()
    assert "nothing you sent was saved" in response.content.decode()


def test_the_cap_is_a_setting(client, settings):
    settings.BACKCARE_MAX_REQUEST_BYTES = 1024
    refused = log_in_with(client, note="x" * 2000)
    assert refused.status_code == 413
    assert "at most 1 KB" in refused.content.decode()
    accepted = log_in_with(client, note="x" * 100)
    assert accepted.status_code == 200
    assert 'name="login"' in accepted.content.decode()  # the log-in form again


@pytest.mark.urls(__name__)
def test_a_view_that_takes_files_gets_them_up_to_its_own_allowance(client, spooled):
    response = client.post("/upload/", {"scan": a_file(5 * MB)})
    assert response.status_code == 200
    assert response.content == f"scan: {5 * MB}".encode()
    assert spooled == ["big.bin"]
    assert client.post("/upload/", {"scan": a_file(9 * MB)}).status_code == 413

import pytest
from django.core.exceptions import ImproperlyConfigured

from backcare.env import env_bool, env_int, env_list


class TestEnvBool:
    @pytest.mark.parametrize("raw", ["1", "true", "TRUE", "yes", "on"])
    def test_it_reads_true(self, monkeypatch, raw):
        monkeypatch.setenv("FLAG", raw)
        assert env_bool("FLAG") is True

    @pytest.mark.parametrize("raw", ["0", "false", "no", "off", ""])
    def test_it_reads_false(self, monkeypatch, raw):
        monkeypatch.setenv("FLAG", raw)
        assert env_bool("FLAG", default=True) is False

    def test_it_uses_the_default_when_unset(self, monkeypatch):
        monkeypatch.delenv("FLAG", raising=False)
        assert env_bool("FLAG", default=True) is True

    def test_it_rejects_anything_else(self, monkeypatch):
        monkeypatch.setenv("FLAG", "maybe")
        with pytest.raises(ImproperlyConfigured, match="FLAG must be true or false"):
            env_bool("FLAG")


class TestEnvInt:
    def test_it_reads_a_number(self, monkeypatch):
        monkeypatch.setenv("N", "42")
        assert env_int("N", 1) == 42

    def test_it_rejects_words(self, monkeypatch):
        monkeypatch.setenv("N", "forty")
        with pytest.raises(ImproperlyConfigured, match="N must be a whole number"):
            env_int("N", 1)


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("HOSTS", "a.example, b.example,,")
    assert env_list("HOSTS") == ["a.example", "b.example"]


def test_production_settings_refuse_to_start_without_a_secret_key():
    import subprocess
    import sys
    from pathlib import Path

    result = subprocess.run(
        [sys.executable, "-c", "import backcare.settings"],
        env={"PATH": "/usr/bin:/bin", "DJANGO_DEBUG": "false"},
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr

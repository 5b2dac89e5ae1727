"""A version token in the database for caches that every process keeps in memory."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


class VersionToken(models.Model):
    """A single row whose version changes whenever the data behind an in-memory cache changes.

    Each process rebuilds its cache when it sees another version, so one cheap query keeps all
    app servers consistent. The version is a random token, not a counter: after a rolled-back
    change the old token comes back, and a later change can never reuse the token of a cache
    built inside that rollback.
    """

    version = models.BigIntegerField(
        _("versie"), default=0, help_text=_("Willekeurig kenmerk; verandert bij elke wijziging.")
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return str(self.version)

    @classmethod
    def current_version(cls) -> int:
        return cls._default_manager.filter(pk=1).values_list("version", flat=True).first() or 0

    @classmethod
    def bump(cls) -> None:
        token = secrets.randbits(62)
        if not cls._default_manager.filter(pk=1).update(version=token):
            cls._default_manager.update_or_create(pk=1, defaults={"version": token})

from django.db import models
from django.utils.translation import gettext_lazy as _


class ElementModelVersion(models.Model):
    """A trained element model (suggestions/model.py), kept in the database so that every web
    process reads the same one. The newest row is the model in use."""

    version = models.CharField(
        _("versie"),
        max_length=80,
        unique=True,
        help_text=_("Naam van het model: methode, tijd van trainen en aantal alinea's."),
    )
    created = models.DateTimeField(_("getraind op"), auto_now_add=True)
    data = models.BinaryField(_("model"), help_text=_("Het model als numpy .npz-bestand."))
    trained_on = models.PositiveIntegerField(
        _("alinea's"), default=0, help_text=_("Met hoeveel alinea's het model is getraind.")
    )
    training_seconds = models.FloatField(
        _("trainingstijd"), default=0, help_text=_("Hoe lang het trainen duurde, in seconden.")
    )

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("model voor elementsuggesties")
        verbose_name_plural = _("modellen voor elementsuggesties")

    def __str__(self) -> str:
        return self.version

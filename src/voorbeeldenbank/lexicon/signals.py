from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from voorbeeldenbank.core.models import Element

from .models import AllowedName, LexiconEntry, LexiconState


# The check leaves the vision's element titles and the allowed names alone, so its index
# depends on them as well as on the entries.
@receiver(post_save, sender=LexiconEntry)
@receiver(post_delete, sender=LexiconEntry)
@receiver(post_save, sender=AllowedName)
@receiver(post_delete, sender=AllowedName)
@receiver(post_save, sender=Element)
@receiver(post_delete, sender=Element)
def bump_lexicon_version(sender, **kwargs) -> None:
    LexiconState.bump()

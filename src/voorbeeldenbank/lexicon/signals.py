from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import LexiconEntry, LexiconState


@receiver(post_save, sender=LexiconEntry)
@receiver(post_delete, sender=LexiconEntry)
def bump_lexicon_version(sender, **kwargs) -> None:
    LexiconState.bump()

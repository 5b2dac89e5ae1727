from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from .indexing import sync_page
from .models import CatalogueState, ExamplePage, SearchDocument, SearchSynonym, SemanticState
from .passages import drop_passages
from .suggestions.tasks import retrain_soon


@receiver(page_published, sender=ExamplePage)
def index_published_example(sender, instance: ExamplePage, **kwargs) -> None:
    sync_page(instance)


@receiver(page_unpublished, sender=ExamplePage)
def drop_unpublished_example(sender, instance: ExamplePage, **kwargs) -> None:
    SearchDocument.objects.filter(page_id=instance.pk).delete()
    drop_passages(instance.pk)


@receiver(post_save, sender=SearchDocument)
@receiver(post_delete, sender=SearchDocument)
@receiver(post_save, sender=SearchSynonym)
@receiver(post_delete, sender=SearchSynonym)
def bump_catalogue_version(sender, **kwargs) -> None:
    # The semantic matrix holds only examples in the catalogue: it follows every change.
    CatalogueState.bump()
    SemanticState.bump()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def resync_restricted_examples(sender, instance: PageViewRestriction, **kwargs) -> None:
    """A restriction hides the page and everything below it from the catalogue."""
    try:
        page = instance.page
    except PageViewRestriction.page.RelatedObjectDoesNotExist:
        return
    for example in ExamplePage.objects.descendant_of(page, inclusive=True).specific():
        sync_page(example)


@receiver(page_published, sender=ExamplePage)
def retrain_element_model(sender, instance: ExamplePage, **kwargs) -> None:
    # Its element explanations are training data for the element suggestions.
    retrain_soon()

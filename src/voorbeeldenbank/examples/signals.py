from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .models import ExamplePage


@receiver(page_published, sender=ExamplePage)
def index_published_example(sender, instance: ExamplePage, **kwargs) -> None:
    from .indexing import sync_page

    sync_page(instance)


@receiver(page_unpublished, sender=ExamplePage)
def drop_unpublished_example(sender, instance: ExamplePage, **kwargs) -> None:
    from .models import SearchDocument

    SearchDocument.objects.filter(page_id=instance.pk).delete()

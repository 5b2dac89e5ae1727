"""factory_boy factories for examples; pages are added under the catalogue like an editor would."""

import factory
from wagtail.models import Page

from voorbeeldenbank.core.models import Element
from voorbeeldenbank.examples.constants import Formality, Kind, Scale
from voorbeeldenbank.examples.indexing import sync_page
from voorbeeldenbank.examples.models import ExampleElement, ExampleIndexPage, ExamplePage


class ExamplePageFactory(factory.Factory):
    class Meta:
        model = ExamplePage

    title = factory.Sequence(lambda n: f"Testvoorbeeld {n}")
    slug = factory.Sequence(lambda n: f"testvoorbeeld-{n}")
    short_name = factory.LazyAttribute(lambda o: o.title[:40])
    kind = Kind.PROGRAMMA
    formality = Formality.INFORMEEL
    scale = Scale.INDIVIDUEEL
    summary = "Een korte beschrijving van een testvoorbeeld voor ouders in de wijk."

    elements: tuple[str, ...] = ()

    class Params:
        draft = factory.Trait(live=False)

    @classmethod
    def _build(cls, model_class, *args, elements=(), **kwargs):
        return model_class(*args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, elements=(), **kwargs):
        live = kwargs.pop("live", True)
        page = model_class(*args, **kwargs)
        page.example_elements = [
            ExampleElement(element=Element.objects.get(key=key), explanation=f"Uitleg {key}")
            for key in elements
        ]
        parent: Page = ExampleIndexPage.objects.first()
        parent.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
            page.refresh_from_db()
            sync_page(page)
        else:
            page.live = False
            page.save(update_fields=["live"])
        return page

from django.db import migrations

# A first list for the redactie to extend in the admin (Catalogus > Synoniemen).
GROUPS = [
    ("peuter, kleuter, jong kind", "Kinderen tot ongeveer zes jaar."),
    ("baby, zuigeling, pasgeborene", ""),
    ("tiener, puber, jongere, adolescent", ""),
    ("ouder, opvoeder, verzorger", "Wie een kind opvoedt, ook als dat geen ouder is."),
    ("moeder, mama", ""),
    ("vader, papa", ""),
    ("wijk, buurt", ""),
    ("laagdrempelig, toegankelijk, drempelloos", ""),
    ("opvoedondersteuning, opvoedingsondersteuning, opvoedhulp, opvoedadvies", ""),
    ("jeugdhulp, jeugdzorg", ""),
    ("nieuwkomer, statushouder, vluchteling", ""),
    ("eenzaamheid, isolement", ""),
    ("armoede, geldzorgen, weinig geld", ""),
    ("school, onderwijs", ""),
    ("maatje, mentor, buddy", ""),
    ("huisbezoek, thuisbezoek", ""),
    ("scheiding, echtscheiding", ""),
    ("zwanger, zwangerschap, aanstaande ouder", ""),
    ("psychische klachten, psychische problemen, mentale gezondheid", ""),
]


def add_synonyms(apps, schema_editor):
    SearchSynonym = apps.get_model("examples", "SearchSynonym")
    if SearchSynonym.objects.exists():
        return
    SearchSynonym.objects.bulk_create(
        SearchSynonym(terms=terms, note=note) for terms, note in GROUPS
    )


def remove_synonyms(apps, schema_editor):
    SearchSynonym = apps.get_model("examples", "SearchSynonym")
    SearchSynonym.objects.filter(terms__in=[terms for terms, _note in GROUPS]).delete()


class Migration(migrations.Migration):
    dependencies = [("examples", "0008_search_ranking")]

    operations = [migrations.RunPython(add_synonyms, remove_synonyms)]

"""The redactie's review queue inside the Wagtail admin."""

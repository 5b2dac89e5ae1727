"""ApprovalRound is replaced by the contact person's workflow step (0004 moved the rows)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("submissions", "0004_approval_rounds_to_workflow")]

    operations = [migrations.DeleteModel(name="ApprovalRound")]

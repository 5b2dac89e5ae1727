"""The "Onderzoek" menu: projects, candidates and interviews as Wagtail model viewsets, with
the selection board, members, candidate steps, consents, recordings, verslagen and the member
check as extra views of those viewsets."""

from __future__ import annotations

from django.forms import CheckboxSelectMultiple
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .forms import ProjectMaterialForm
from .models import Candidate, Interview, ResearchProject
from .views import candidate as candidate_views
from .views import coding as coding_views
from .views import export as export_views
from .views import generic
from .views import interview as interview_views
from .views import membercheck as membercheck_views
from .views import project as project_views
from .views import recording as recording_views
from .views import verslag as verslag_views


class ResearchViewSet(ModelViewSet):
    index_view_class = generic.IndexView
    add_view_class = generic.CreateView
    edit_view_class = generic.EditView
    delete_view_class = generic.DeleteView
    history_view_class = generic.HistoryView
    usage_view_class = generic.UsageView
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False


class ProjectViewSet(ResearchViewSet):
    model = ResearchProject
    name = "onderzoeksprojecten"
    url_namespace = "research_project"
    icon = "folder-open-inverse"
    menu_label = _("Projecten")
    list_display = [
        "name",
        TitleColumn(
            "board",
            label=_("Selectiebord"),
            accessor=lambda project: _("Bord"),
            get_url=lambda project: reverse("research_project:board", args=[project.pk]),
        ),
        TitleColumn(
            "members",
            label=_("Leden"),
            accessor=lambda project: _("Leden"),
            get_url=lambda project: reverse("research_project:members", args=[project.pk]),
        ),
        TitleColumn(
            "coding",
            label=_("Coderen"),
            accessor=lambda project: _("Coderen"),
            get_url=lambda project: reverse("research_project:coding", args=[project.pk]),
        ),
        TitleColumn(
            "export",
            label=_("Export"),
            accessor=lambda project: _("Export"),
            get_url=lambda project: reverse("research_project:export", args=[project.pk]),
        ),
        "ended_at",
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("recording_retention_days"),
                FieldPanel("original_text_retention_days"),
                FieldPanel("consent_text_version"),
                FieldPanel("ended_at"),
            ],
            heading=_("Bewaren en toestemming"),
        ),
    ]

    def get_urlpatterns(self) -> list[URLPattern]:
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/bord/", project_views.board_view, name="board"),
            path("<int:pk>/leden/", project_views.members_view, name="members"),
            path(
                "<int:pk>/leden/<int:member_id>/verwijderen/",
                project_views.remove_member_view,
                name="remove_member",
            ),
            *coding_views.urlpatterns,
            path("<int:pk>/export/", export_views.export_view, name="export"),
            path(
                "<int:pk>/export/codeboek.qdc", export_views.codebook_view, name="export_codebook"
            ),
            path("<int:pk>/export/project.qdpx", export_views.project_view, name="export_project"),
            path(
                "<int:pk>/export/fragmenten.csv", export_views.segments_view, name="export_segments"
            ),
        ]


class CandidateViewSet(ResearchViewSet):
    model = Candidate
    name = "kandidaten"
    url_namespace = "research_candidate"
    icon = "tasks"
    menu_label = _("Kandidaten")
    list_filter = ["state", "formality", "scale"]
    list_display = [
        "name",
        "organisation",
        "project",
        TitleColumn(
            "state",
            label=_("Status"),
            accessor="get_state_display",
            get_url=lambda candidate: reverse("research_candidate:state", args=[candidate.pk]),
        ),
        Column("formality", label=_("Informeel of formeel"), accessor="get_formality_display"),
        Column("scale", label=_("Individueel of collectief"), accessor="get_scale_display"),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("project"),
            FieldPanel("name"),
            FieldPanel("organisation"),
            FieldRowPanel([FieldPanel("proposed_by"), FieldPanel("proposed_by_text")]),
            FieldPanel("note"),
            FieldRowPanel([FieldPanel("formality"), FieldPanel("scale")]),
            FieldPanel("target_groups", widget=CheckboxSelectMultiple),
            FieldPanel("places"),
            InlinePanel("contacts", heading=_("Contactpersonen"), label=_("Contactpersoon")),
        ],
        base_form_class=ProjectMaterialForm,
    )

    def get_urlpatterns(self) -> list[URLPattern]:
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/status/", candidate_views.state_view, name="state"),
        ]


class InterviewViewSet(ResearchViewSet):
    model = Interview
    name = "interviews"
    url_namespace = "research_interview"
    edit_view_class = generic.InterviewEditView
    icon = "group"
    menu_label = _("Interviews")
    list_filter = ["role", "mode"]
    list_display = [
        "candidate",
        Column("role", label=_("Perspectief"), accessor="get_role_display"),
        Column("mode", label=_("Vorm"), accessor="get_mode_display"),
        "date",
        TitleColumn(
            "consent",
            label=_("Toestemming"),
            accessor=lambda interview: _("Toestemming"),
            get_url=lambda interview: reverse("research_interview:consent", args=[interview.pk]),
        ),
        TitleColumn(
            "recordings",
            label=_("Opnames"),
            accessor=lambda interview: _("Opnames"),
            get_url=lambda interview: reverse("research_interview:recordings", args=[interview.pk]),
        ),
        TitleColumn(
            "verslag",
            label=_("Verslag"),
            accessor=lambda interview: _("Verslag"),
            get_url=lambda interview: reverse("research_interview:verslag", args=[interview.pk]),
        ),
        TitleColumn(
            "member_check",
            label=_("Ledencheck"),
            accessor=lambda interview: _("Ledencheck"),
            get_url=lambda interview: reverse(
                "research_interview:member_check", args=[interview.pk]
            ),
        ),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("project"),
            FieldPanel("candidate"),
            FieldRowPanel([FieldPanel("role"), FieldPanel("mode")]),
            FieldRowPanel([FieldPanel("date"), FieldPanel("duration_minutes")]),
            FieldPanel("interviewer"),
            InlinePanel(
                "contacts", heading=_("Geïnterviewde"), label=_("Geïnterviewde"), max_num=1
            ),
        ],
        base_form_class=ProjectMaterialForm,
    )

    def get_urlpatterns(self) -> list[URLPattern]:
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/toestemming/", interview_views.consent_view, name="consent"),
            path(
                "<int:pk>/toestemming/<int:consent_id>/intrekken/",
                interview_views.withdraw_view,
                name="withdraw",
            ),
            path(
                "<int:pk>/toestemming/<int:consent_id>/bewijs/",
                interview_views.evidence_view,
                name="evidence",
            ),
            path("<int:pk>/opnames/", recording_views.recordings_view, name="recordings"),
            path(
                "<int:pk>/opnames/<int:recording_id>/verwijderen/",
                recording_views.delete_recording_view,
                name="recording_delete",
            ),
            path(
                "<int:pk>/opnames/<int:recording_id>/downloaden/",
                recording_views.download_recording_view,
                name="recording_download",
            ),
            path("<int:pk>/verslag/", verslag_views.verslag_view, name="verslag"),
            path(
                "<int:pk>/verslag/voortgang/",
                verslag_views.verslag_status_view,
                name="verslag_status",
            ),
            path(
                "<int:pk>/verslag/versie/<int:number>/anonimiseren/",
                verslag_views.anonymise_view,
                name="verslag_anonymise",
            ),
            path(
                "<int:pk>/verslag/versie/<int:number>/anonimisering/",
                verslag_views.review_view,
                name="verslag_review",
            ),
            path("<int:pk>/ledencheck/", membercheck_views.member_check_view, name="member_check"),
            path(
                "<int:pk>/ledencheck/sturen/",
                membercheck_views.send_view,
                name="member_check_send",
            ),
            path(
                "<int:pk>/ledencheck/<int:round_id>/intrekken/",
                membercheck_views.withdraw_view,
                name="member_check_withdraw",
            ),
        ]


class ResearchGroup(ModelViewSetGroup):
    menu_label = _("Onderzoek")
    menu_icon = "doc-full-inverse"
    menu_order = 260
    items = (ProjectViewSet, CandidateViewSet, InterviewViewSet)

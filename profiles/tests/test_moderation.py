"""The officers' approval: a producer's edit waits, invisible to the public, until an
officer approves it; a producer cannot touch another producer's page."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from catalogue.roles import OFFICERS, PRODUCERS
from cms.models import NewsPage
from cms.moderation import WORKFLOW_NAME, ensure_moderation
from profiles.models import ProducerPage

from .factories import (
    add_content_page,
    add_producer_page,
    add_story,
    groups,
    make_partner,
    make_product,
    make_tree,
    make_user,
)

STORY = "<p>Câu chuyện đã duyệt.</p>"


@pytest.fixture
def site(db):
    home, producers, stories, news = make_tree()
    ensure_moderation()
    mine = make_partner("Cơ sở Bánh tráng Út Hương", kind="hkd")
    theirs = make_partner("HTX Cồn Sơn")
    producer = make_user("uthuong@example.vn")
    producer.groups.add(Group.objects.get(name=PRODUCERS))
    mine.users.add(producer)
    other = make_user("conson@example.vn")
    other.groups.add(Group.objects.get(name=PRODUCERS))
    theirs.users.add(other)
    officer = make_user("canbo@example.vn")
    officer.groups.add(Group.objects.get(name=OFFICERS))
    return {
        "home": home,
        "stories": stories,
        "news": news,
        "producer": producer,
        "officer": officer,
        "own": add_producer_page(producers, mine, "ut-huong", owner=producer, body=STORY),
        "other": add_producer_page(producers, theirs, "con-son", owner=other, body=STORY),
    }


def edit_form(page, summary, text, action="action-submit"):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "partner": page.partner_id,
            "summary": summary,
            "image": "",
            "body": streamfield([("text", rich_text(text))]),
            "email": "",
            "website": "",
            "comments": inline_formset([]),
            action: "1",
        }
    )


def public_html(client, page):
    client.logout()
    return client.get(f"/co-so-san-xuat/{page.slug}/").content.decode()


def test_setup_is_idempotent_and_assigns_the_workflow_to_the_home_page(site):
    ensure_moderation()

    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert workflow.active
    assert [t.specific.groups.get().name for t in workflow.tasks] == [OFFICERS]
    assert site["own"].get_workflow() == workflow


def test_a_producers_edit_waits_for_an_officer_and_then_goes_live(client, site):
    page = site["own"]
    client.force_login(site["producer"])

    response = client.post(
        f"/cms/pages/{page.pk}/edit/", edit_form(page, "Tóm tắt mới", "<p>Bản sửa mới.</p>")
    )

    assert response.status_code == 302
    page.refresh_from_db()
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.live and page.has_unpublished_changes
    html = public_html(client, page)
    assert "Câu chuyện đã duyệt." in html
    assert "Bản sửa mới." not in html

    # A producer cannot approve its own edit.
    client.force_login(site["producer"])
    task_state = state.current_task_state
    client.post(f"/cms/pages/workflow/action/{page.pk}/approve/{task_state.pk}/")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "Bản sửa mới." not in public_html(client, page)

    client.force_login(site["officer"])
    response = client.post(f"/cms/pages/workflow/action/{page.pk}/approve/{task_state.pk}/")

    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    html = public_html(client, page)
    assert "Bản sửa mới." in html
    assert "Câu chuyện đã duyệt." not in html


def test_a_producer_cannot_publish_directly(client, site):
    page = site["own"]
    client.force_login(site["producer"])

    client.post(
        f"/cms/pages/{page.pk}/edit/",
        edit_form(page, "Tự đăng", "<p>Tự đăng không qua duyệt.</p>", action="action-publish"),
    )

    assert "Tự đăng không qua duyệt." not in public_html(client, page)
    assert ProducerPage.objects.get(pk=page.pk).summary == "Tóm tắt Cơ sở Bánh tráng Út Hương"


def test_a_producer_cannot_edit_another_producers_page(client, site):
    page = site["other"]
    revisions = page.revisions.count()
    client.force_login(site["producer"])

    opened = client.get(f"/cms/pages/{page.pk}/edit/")
    posted = client.post(
        f"/cms/pages/{page.pk}/edit/", edit_form(page, "Chiếm trang", "<p>Chiếm trang.</p>")
    )

    assert opened.status_code in (302, 403)
    assert posted.status_code in (302, 403)
    if posted.status_code == 302:
        assert posted["Location"] != f"/cms/pages/{page.pk}/edit/"
    page.refresh_from_db()
    assert page.revisions.count() == revisions
    assert page.summary == "Tóm tắt HTX Cồn Sơn"
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()
    assert "Chiếm trang." not in public_html(client, page)


def test_a_producer_cannot_point_its_page_at_another_producer(client, site):
    page = site["own"]
    other_partner = site["other"].partner
    client.force_login(site["producer"])
    form = edit_form(page, "Tóm tắt", "<p>Đổi chủ thể.</p>")
    form["partner"] = other_partner.pk

    response = client.post(f"/cms/pages/{page.pk}/edit/", form)

    assert response.status_code == 200  # the form again, with the error
    assert "Chỉ chọn được chủ thể mà tài khoản của bạn thuộc về." in response.content.decode()
    page.refresh_from_db()
    assert page.partner_id != other_partner.pk
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()


def test_an_officer_publishes_directly(client, site):
    page = site["own"]
    client.force_login(site["officer"])

    response = client.post(
        f"/cms/pages/{page.pk}/edit/",
        edit_form(page, "Cán bộ sửa", "<p>Cán bộ đăng ngay.</p>", action="action-publish"),
    )

    assert response.status_code == 302
    assert "Cán bộ đăng ngay." in public_html(client, page)


def test_officers_open_the_editor_and_preview_of_every_new_page_type(client, site):
    home, stories, news = site["home"], site["stories"], site["news"]
    story = add_story(stories, make_product("Gạo ST25", groups()["1.2"], stars=5), "gao")
    about = add_content_page(home, "Giới thiệu", "gioi-thieu")
    article = news.add_child(instance=NewsPage(title="Tin", slug="tin"))
    client.force_login(site["officer"])

    for page in (site["own"], story, about, article, news, site["own"].get_parent()):
        assert client.get(f"/cms/pages/{page.pk}/edit/").status_code == 200, page
    # the admin preview of an unsaved edit is the product page, with the live price
    form = nested_form_data(
        {
            "title": story.title,
            "slug": story.slug,
            "product": story.product_id,
            "body": streamfield([("text", rich_text("<p>Bản nháp trong trình sửa.</p>"))]),
            "comments": inline_formset([]),
        }
    )
    posted = client.post(f"/cms/pages/{story.pk}/edit/preview/", form)
    preview = client.get(f"/cms/pages/{story.pk}/edit/preview/")
    html = preview.content.decode()
    assert posted.json()["is_valid"]
    assert "Bản nháp trong trình sửa." in html
    assert "50.000\N{NO-BREAK SPACE}₫" in html
    assert "Làm bằng tay từ gạo mới." not in html
    assert (
        "Bản nháp trong trình sửa."
        not in client.get(story.product.get_absolute_url()).content.decode()
    )


def test_product_chooser_hides_other_producers_unapproved_products(site, client):
    # Given a public product, the producer's own hidden product and another's hidden one
    mine = site["own"].partner
    theirs = site["other"].partner
    public = make_product("Bánh tráng công khai", partner=theirs)
    own_draft = make_product("Bánh tráng chờ duyệt của tôi", partner=mine, is_public=False)
    their_draft = make_product("Mứt chờ duyệt của HTX khác", partner=theirs, is_public=False)

    # When the producer opens the product chooser, or asks for the hidden one by id
    client.force_login(site["producer"])
    listing = client.get("/cms/product_chooser/results/").content.decode()
    chosen = client.get(f"/cms/product_chooser/chosen/{their_draft.pk}/")

    # Then it lists what it may use and nothing of another producer's drafts
    assert public.title in listing and own_draft.title in listing
    assert their_draft.title not in listing
    assert chosen.status_code == 404

    # while an officer chooses from the whole catalogue
    client.force_login(site["officer"])
    listing = client.get("/cms/product_chooser/results/").content.decode()
    assert their_draft.title in listing

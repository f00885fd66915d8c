def test_the_admin_form_shows_the_address_and_lead_right_after_the_title(client, administrator):
    client.force_login(administrator)  # the cast's administrator has passed the second factor
    html = client.get("/admin/news/newsitem/add/").content.decode()

    positions = [html.index(f'name="{name}"') for name in ("title", "slug", "lead", "body", "published_at_0")]
    assert positions == sorted(positions)

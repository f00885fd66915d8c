"""What the representative's and the official's pages of an agreement share: reading its rows once, the
parts with their problems, and saving one part through its form and rows (the views only adapt)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from partnerstwo.grants.agreements import document, drafting
from partnerstwo.grants.agreements.forms import SECTION_FORMS, SECTION_FORMSETS, VersionForm
from partnerstwo.grants.offers import budget as budgets
from partnerstwo.grants.offers.manage_views import show_problems
from partnerstwo.lib.forms import add_errors


def overview_context(agreement, user) -> dict:
    data = drafting.rows(agreement)
    found = drafting.problems(agreement, **data)
    grouped = drafting.by_section(found)
    return {
        **document.context(agreement, **data),
        "problems": found,
        "sections": [{"key": key, "slug": slug, "title": title, "writer": who, "problems": grouped.get(key, [])}
                     for key, slug, title, who in drafting.SECTIONS],
        "grant_note": drafting.grant_note(agreement) if agreement.is_lower_than_requested else "",
        "version_form": VersionForm(initial={"version": agreement.version}),
    }


def section(request, agreement, slug, *, url_name, template):
    """One part of the agreement: GET shows it with its problems, POST saves it whole or not at all."""
    key = drafting.SECTION_SLUGS[slug]
    refusal = drafting.edit_refusal(agreement, key, request.user)
    form_class, formset_class = SECTION_FORMS.get(key), SECTION_FORMSETS.get(key)
    data = request.POST if request.method == "POST" and refusal is None else None
    form = form_class(data, offer=agreement) if form_class else None
    formset = formset_class(data, instance=agreement, prefix="rows") if formset_class else None
    version_form = VersionForm(data, initial={"version": agreement.version}) if form is None else None
    conflict = None
    if data is not None and all(f.is_valid() for f in (form, formset, version_form) if f is not None):
        version = (form or version_form).cleaned_data["version"]
        try:
            drafting.save(agreement, section=key, expected_version=version, by=request.user,
                          fields=form.offer_fields() if form else None, rows=formset.save if formset else None)
        except drafting.Conflict as error:
            conflict = error.messages[0]
            agreement.refresh_from_db()
            fresh = (form or version_form).data.copy()
            fresh["version"] = agreement.version
            (form or version_form).data = fresh
        except ValidationError as error:
            add_errors(form or version_form, error)
        else:
            messages.success(request, _("Zapisano: %(section)s.") % {"section": drafting.SECTION_TITLES[key]})
            return redirect(url_name, pk=agreement.pk, slug=slug)
    found = [p for p in drafting.problems(agreement) if p.section == key]
    show_problems(form, formset, found)
    return render(request, template, {
        "agreement": agreement, "key": key, "slug": slug, "title": drafting.SECTION_TITLES[key], "form": form,
        "formset": formset, "version_form": version_form, "problems": found, "refusal": refusal,
        "conflict": conflict, "budget": budgets.compute(agreement, partners=[]) if key in ("costs", "sources")
        else None,
        "grant_note": drafting.grant_note(agreement) if agreement.is_lower_than_requested else "",
    })

"""The consultations an organisation took part in, for its profile: organizations sits below consultations, so
its template asks through this tag rather than its views importing consultations."""

from django import template
from django.db.models import Q

from partnerstwo.consultations.models import Consultation

register = template.Library()


@register.inclusion_tag("consultations/_organization_consultations.html")
def consultations_of(organization):
    """Public consultations where the organisation's comment or written opinion counts (one query)."""
    took_part = Q(comments__organization=organization, comments__withdrawn_at__isnull=True,
                  comments__removed_at__isnull=True) | Q(
        writtenopinions__organization=organization, writtenopinions__withdrawn_at__isnull=True,
        writtenopinions__removed_at__isnull=True)
    consultations = Consultation.objects.public().filter(took_part).distinct().order_by("-starts_on", "-pk")[:50]
    return {"consultations": list(consultations)}

"""Who receives a one-off mailing: the recipients of its segment (Mailing.Segment and its parameter).

Only active recipients (confirmed, not unsubscribed) are ever chosen. The segments:

- all organisations: every organisation recipient (organisations whose contact address was confirmed
  when they joined the directory and which have not opted out), the "all organisations" of the seed;
- a topic: subscribers and organisations that chose the topic;
- a sphere or a district: subscribers who chose it explicitly, and organisations that chose it or
  whose directory entry has it. A subscriber who narrowed nothing asked for topics, not for
  everything said about every sphere, so a sphere or district mailing does not reach them;
- a target group: organisations whose directory entry serves that group;
- organisations without the annual report for a year: those the directory expects a report from
  (Organization.objects.keeping_reports()) that have published none for `report_year`, the reminder of the
  annual-report campaign (partnerstwo/campaigns);
- a sector group or working team of the advisory body: its member organisations (at their recipient
  address, like every organisation segment) and its person members whose address is a subscriber's.
  A person member is reached only as a subscriber: the address staff typed for the group's meeting
  invitations carries no consent to mailings (docs/law.md#pke-art-398-no-mail-to-imported-addresses), and
  the invitations reach them anyway.

The result is a plain QuerySet of distinct recipients; one address may still be both an
organisation and a subscriber, and delivery.enqueue sends one message per address.

reachable_recipients() is the wider "who may hear from us at all" that digests and alerts narrow down.
"""

from django.db.models import Q, QuerySet
from django.db.models.functions import Lower

from partnerstwo.newsletter.models import Mailing, Recipient, SuppressedAddress
from partnerstwo.newsletter.organization_recipients import sync_organization_recipients
from partnerstwo.organizations.models import Organization
from partnerstwo.team.models import GroupMember

ORGANIZATION = Recipient.Kind.ORGANIZATION
SUBSCRIBER = Recipient.Kind.SUBSCRIBER


def sync_organizations() -> None:
    """Bring organisation recipients up to date with the directory first."""
    sync_organization_recipients()


def _segment_filter(mailing: Mailing) -> Q | None:
    """The condition of the segment on Recipient, or None when the mailing's segment is incomplete."""
    segment = mailing.segment
    organization = Q(kind=ORGANIZATION)
    subscriber = Q(kind=SUBSCRIBER)
    if segment == Mailing.Segment.ALL_ORGANIZATIONS:
        return organization
    if segment == Mailing.Segment.TOPIC and mailing.topic:
        return Q(topics__topic=mailing.topic)
    if segment == Mailing.Segment.SPHERE and mailing.sphere_id:
        chosen = Q(spheres=mailing.sphere_id)
        return (subscriber & chosen) | (organization & (chosen | Q(organization__spheres=mailing.sphere_id)))
    if segment == Mailing.Segment.DISTRICT and mailing.district_id:
        chosen = Q(districts=mailing.district_id)
        return (subscriber & chosen) | (organization & (chosen | Q(organization__district=mailing.district_id)))
    if segment == Mailing.Segment.TARGET_GROUP and mailing.target_group_id:
        return organization & Q(organization__target_groups=mailing.target_group_id)
    if segment == Mailing.Segment.WITHOUT_ANNUAL_REPORT and mailing.report_year:
        late = Organization.objects.keeping_reports().without_report_for(mailing.report_year)
        return organization & Q(organization__in=late.values("pk"))
    if segment == Mailing.Segment.TEAM_GROUP and mailing.team_group_id:
        members = GroupMember.objects.filter(group=mailing.team_group_id)
        people = members.filter(organization__isnull=True).exclude(email="").values(address=Lower("email"))
        return (organization & Q(organization__in=members.values("organization"))) | (
            subscriber & Q(email__in=people)
        )
    return None


def recipients_for(mailing: Mailing) -> QuerySet:
    """The active recipients of the mailing's segment, each once (no segment: nobody)."""
    condition = _segment_filter(mailing)
    if condition is None:
        return Recipient.objects.none()
    # A removed organisation is left out even if the directory's recipients have not caught up yet.
    active = Recipient.objects.active().exclude(kind=ORGANIZATION, organization__register_status="removed")
    # Joins through the many-to-many tables multiply rows; selecting ids in a subquery keeps one row each
    # without DISTINCT, which would get in the way of ordering and of enqueue's own queries.
    matching = active.filter(condition).values("pk")
    return Recipient.objects.filter(pk__in=matching)


def audience_size(mailing: Mailing, *, sync: bool = True) -> dict:
    """What the panel shows before sending: distinct addresses, and how many of them are suppressed."""
    if sync:
        sync_organizations()
    emails = recipients_for(mailing).values("email")
    addresses = emails.order_by().values("email").distinct().count()
    suppressed = SuppressedAddress.objects.filter(email__in=emails).count()
    return {"addresses": addresses, "suppressed": suppressed, "reachable": addresses - suppressed}


def describe(mailing: Mailing) -> str:
    """The segment in words, for the panel: "osiedle: Dojlidy". Uses the related rows already selected."""
    if not mailing.segment:
        return ""
    label = str(mailing.get_segment_display())
    parameter = {
        Mailing.Segment.TOPIC: mailing.get_topic_display() if mailing.topic else "",
        Mailing.Segment.SPHERE: mailing.sphere,
        Mailing.Segment.DISTRICT: mailing.district,
        Mailing.Segment.TARGET_GROUP: mailing.target_group,
        Mailing.Segment.TEAM_GROUP: mailing.team_group,
        Mailing.Segment.WITHOUT_ANNUAL_REPORT: mailing.report_year,
    }.get(mailing.segment)
    return f"{label}: {parameter}" if parameter else label


def reachable_recipients() -> QuerySet:
    """Active recipients, without organisations struck off the register the directory has not caught up on."""
    return Recipient.objects.active().exclude(
        kind=Recipient.Kind.ORGANIZATION, organization__register_status="removed"
    )

"""The queues of the officials' desk, and the e-mail that tells an official at once that something new waits.

Each app names its own queues (events/desk.py, organizations/desk.py, ...) as `Queue`s whose `waiting` lists
what waits for one person, oldest first: the same function its panel page lists, so the desk's counts, the
alerts and the page follow one permission rule. The panel's first page (panel/desk.py) shows them all and
the daily digest sums them up. Here, low in the imports, so that every app can use it.

"At once": the domain function that puts an item in a queue calls `alert(...)` with its app's alert task;
after the commit the task asks, for every official who chose it, whether the item is in *their* queue
(their department's, or every official's where the queue is shared), and e-mails those for whom it is.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django_tasks.base import Task

from partnerstwo.accounts.models import User
from partnerstwo.lib.emails import absolute_url, build_email


@dataclass(frozen=True)
class Queue:
    key: str
    title: Promise
    # The full queue in the panel.
    url_name: str
    # (user, today) → what waits for this person, oldest first, ready to show (select_related);
    # `.none()` for whoever may not open the queue, so the desk leaves it out without a query.
    waiting: Callable[[User, dt.date], models.QuerySet]
    # The item's own page in the panel, and since when it waits (a date or a moment).
    item_url: Callable[[models.Model], str]
    since: Callable[[models.Model], dt.date | dt.datetime | None]
    # How an item is named on the desk and in e-mails; str(item) by default.
    label: Callable[[models.Model], str] = str
    # Narrows the full queue's page to what waits ("?status=new"), where that page lists more.
    url_query: str = ""

    @property
    def url(self) -> str:
        return reverse(self.url_name) + self.url_query


def alert(task: Task, queue: Queue, item_id: int) -> None:
    """Tell the officials who chose "at once" that `item_id` entered `queue` (after the commit, by `task`,
    which calls `alert_messages` with the queue named by its key). When nobody chose "at once", nothing is queued:
    most submissions then leave no task row behind."""
    if User.objects.desk_holders().filter(desk_alerts=User.DeskAlerts.AT_ONCE).exists():
        transaction.on_commit(partial(task.enqueue, queue.key, item_id))


def alerted_at_once(queue: Queue, item_id: int):
    """(official, item) for each official who chose "at once" and in whose queue the item waits now."""
    today = timezone.localdate()
    for user in User.objects.desk_holders().filter(desk_alerts=User.DeskAlerts.AT_ONCE).order_by("pk"):
        if (item := queue.waiting(user, today).filter(pk=item_id).first()) is not None:
            yield user, item


def alert_messages(queue: Queue, item_id: int) -> list:
    """One e-mail to each official who chose "at once" and in whose queue the item waits now, in their language."""
    messages = []
    for user, item in alerted_at_once(queue, item_id):
        with translation.override(user.preferred_language):
            context = {
                "queue": str(queue.title), "item": queue.label(item),
                "item_url": absolute_url(queue.item_url(item)), "queue_url": absolute_url(queue.url),
                "desk_url": absolute_url(reverse("panel:dashboard")),
                "settings_url": absolute_url(reverse("accounts:profile")),
            }
        messages.append(build_email("desk_alert", [user.email], context, language=user.preferred_language))
    return messages

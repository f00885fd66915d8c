from partnerstwo.lib.emails import email_task
from partnerstwo.practices import notifications


@email_task
def notify_submitter(practice_id: int):
    return notifications.decision_email(practice_id)

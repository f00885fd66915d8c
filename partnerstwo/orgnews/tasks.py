from partnerstwo.lib.emails import email_task
from partnerstwo.orgnews import notifications


@email_task
def notify_submitter(post_id: int):
    return notifications.decision_email(post_id)

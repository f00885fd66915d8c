from partnerstwo.lib.emails import email_task
from partnerstwo.partners import notifications


@email_task
def send_answer(answer_id: int):
    return notifications.answer_email(answer_id)


@email_task
def send_reply(answer_id: int):
    return notifications.reply_email(answer_id)


@email_task
def notify_poster(post_id: int):
    return notifications.decision_email(post_id)

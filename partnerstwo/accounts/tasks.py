"""allauth's e-mails (address confirmation, password reset, security notices), sent by the worker.

allauth renders them from a context of objects and one-time links that only exist in the request, so
the adapter renders each message there and this task carries the rendered fields. They hold the
address and a link that signs in or resets a password: personal_data.expire deletes the task rows
once they are finished (docs/decisions/0012-one-way-to-send-email.md).
"""

from partnerstwo.lib.emails import email_task, message_from_fields


@email_task
def send_account_email(fields: dict):
    return message_from_fields(fields)

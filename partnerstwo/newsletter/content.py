"""What one delivery's e-mail says (STUB: helper "delivery" fills it).

build_message(delivery) returns the EmailMultiAlternatives for one delivery: HTML and plain text in the
recipient's language, absolute links, the sender identified, List-Unsubscribe + List-Unsubscribe-Post
(RFC 8058). One-off mailings render their Markdown body here; digests and alerts are rendered by
digest.render_digest(mailing, delivery) and alerts.render_alert(mailing, delivery), each returning
(subject, text, html) of the message's own part (the footer with links is added here).
"""


def build_message(delivery):
    raise NotImplementedError

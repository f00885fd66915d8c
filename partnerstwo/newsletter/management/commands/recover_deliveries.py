from django.core.management.base import BaseCommand

from partnerstwo.newsletter.delivery import recover_all


class Command(BaseCommand):
    help = (
        "Deliveries of dead workers: an expired claimed batch goes back to the queue, a message that was being "
        "sent becomes uncertain; a sending mailing without a live worker gets a new one (safe to run any time)."
    )

    def handle(self, *args, **options):
        done = recover_all()
        if any(done.values()):
            self.stdout.write(
                "Odzyskano: {requeued} do kolejki, {uncertain} niepewnych, {relaunched} wysyłek wznowionych, "
                "{finished} zakończonych".format(**done)
            )

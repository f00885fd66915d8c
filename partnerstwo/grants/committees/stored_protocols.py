"""Where the protocol's parts are stored (protocol.make writes them), how they are named, and their removal with
the competition or the committee they record. Apart from protocol.py so that the committee's appointment, which
the protocol's code depends on, can remove them too."""

import functools
import re

from django.db import transaction

from partnerstwo.grants.private_storage import private_storage

FOLDER = "committee-protocols"
STORED_NAME = re.compile(r"^(?P<variant>[a-z0-9]+)-(?P<language>[a-z-]+)-(?P<digest>[0-9a-f]{16})-(?P<part>\d+)\.pdf$")


def stored_files(competition_id: int) -> list[dict]:
    folder = f"{FOLDER}/{competition_id}"
    if not private_storage.exists(folder):
        return []
    found = []
    for file in private_storage.listdir(folder)[1]:
        match = STORED_NAME.match(file)
        if match:
            found.append({**match.groupdict(), "name": f"{folder}/{file}"})
    return found


def remove_stored(competition_id: int) -> None:
    """Deletes every stored part of a competition's protocol, of every reader and language (and their folder):
    for a competition or a committee that is gone. A part still being made finds no competition and stores
    nothing (make)."""
    for file in stored_files(competition_id):
        private_storage.delete(file["name"])
    folder = f"{FOLDER}/{competition_id}"
    if private_storage.exists(folder) and private_storage.listdir(folder) == ([], []):
        private_storage.delete(folder)


def remove_stored_on_commit(competition_id: int) -> None:
    """remove_stored once the deletion that calls it is committed: a deletion rolled back keeps its files."""
    transaction.on_commit(functools.partial(remove_stored, competition_id))

"""Command-line tasks: `python -m app.cli demo-data | invite-admin NAME | worker`."""

import argparse
import logging
import sys

from app.config import get_settings
from app.db import new_session
from app.demo.seed import seed_demo
from app.notifications.notify import NotifyConfigError
from app.notifications.worker import run_forever
from app.people.models import Role
from app.people.service import create_staff_invite
from app.safeguarding.service import escalate_now


def demo_data() -> None:
    with new_session(for_writing=True) as db:
        added = seed_demo(db)
        db.commit()
    print("Demo data added." if added else "Demo data was already there.")


def invite_admin(name: str) -> None:
    """The first admin cannot be invited by another admin; this prints their link."""
    settings = get_settings()
    with new_session(for_writing=True) as db:
        _invite, token = create_staff_invite(
            db, created_by=None, role=Role.ADMIN, display_name=name, valid_days=1
        )
        db.commit()
    print(f"Send this link to {name} (works once, for 1 day):")
    print(f"{settings.base_url}/staff/join/{token}")


def worker(poll_seconds: float) -> int:
    """Sends the notifications outbox, and escalates unacknowledged safeguarding cases, until
    SIGTERM or SIGINT."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        run_forever(poll_seconds, tick=escalate_now)
    except NotifyConfigError as error:
        logging.getLogger("said_and_done.notifications").error("%s", error)
        return 2
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.cli")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("demo-data", help="add demo accounts and about 200 demo items")
    admin = commands.add_parser("invite-admin", help="print a one-day invitation link for an admin")
    admin.add_argument("name")
    send = commands.add_parser(
        "worker", help="send the notifications outbox and escalate safeguarding cases"
    )
    send.add_argument("--poll-seconds", type=float, default=5.0)
    args = parser.parse_args(argv)
    if args.command == "demo-data":
        demo_data()
    elif args.command == "worker":
        return worker(args.poll_seconds)
    else:
        invite_admin(args.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())

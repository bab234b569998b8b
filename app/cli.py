"""Command-line tasks: `python -m app.cli demo-data | invite-admin NAME | worker | digest |
action-reminders | retention | backup | restore FILE | dpia-fingerprint`."""

import argparse
import logging
import sys
from pathlib import Path

from app.actions.service import reminders_now
from app.config import ROOT, get_settings
from app.councillors.digest import digest_now
from app.db import new_session
from app.demo.seed import seed_demo
from app.notifications.notify import NotifyConfigError
from app.notifications.worker import run_forever
from app.ops.backup import backup, restore
from app.ops.dpia import current_fingerprint
from app.people.models import Role
from app.people.service import create_staff_invite
from app.privacy.retention import retention_if_due, retention_now
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


def worker_tick() -> int:
    """Before each poll: escalate unacknowledged cases, queue any weekly digests due, remind
    owners of overdue actions (and the team's weekly summary), and (hourly) remove what is past
    the council's retention periods."""
    return escalate_now() + digest_now() + reminders_now() + retention_if_due()


def worker(poll_seconds: float) -> int:
    """Sends the notifications outbox, escalates unacknowledged safeguarding cases and queues
    the councillors' weekly digests, until SIGTERM or SIGINT."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        run_forever(poll_seconds, tick=worker_tick)
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
    commands.add_parser("digest", help="queue this week's councillor digests now (once a week)")
    commands.add_parser(
        "action-reminders",
        help="remind owners of overdue actions and send the weekly summary (once a week each)",
    )
    commands.add_parser("retention", help="remove what is past the council's retention periods")
    save = commands.add_parser(
        "backup", help="copy the live database into a folder (default var/backups)"
    )
    save.add_argument("--to", type=Path, default=ROOT / "var" / "backups")
    load = commands.add_parser(
        "restore", help="replace the database with a backup (stop the app first)"
    )
    load.add_argument("file", type=Path)
    commands.add_parser("dpia-fingerprint", help="print the fingerprint recorded in docs/dpia.md")
    args = parser.parse_args(argv)
    if args.command == "demo-data":
        demo_data()
    elif args.command == "backup":
        print(backup(get_settings().database_url, args.to))
    elif args.command == "restore":
        restore(args.file, get_settings().database_url)
        print(f"Restored {args.file}.")
    elif args.command == "retention":
        report = retention_now()
        print(
            f"Deleted the words of {report.items_erased} items ({report.items_held} kept for "
            f"open safeguarding cases), {report.messages_deleted} notifications, "
            f"{report.sessions_deleted} sessions and {report.requests_deleted} data requests."
        )
    elif args.command == "action-reminders":
        print(f"Queued {reminders_now()} action reminders and summaries.")
    elif args.command == "digest":
        print(f"Queued {digest_now()} weekly digests.")
    elif args.command == "worker":
        return worker(args.poll_seconds)
    elif args.command == "dpia-fingerprint":
        print(current_fingerprint())
    else:
        invite_admin(args.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())

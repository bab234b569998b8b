"""Command-line tasks: `python -m app.cli demo-data | invite-admin NAME`."""

import argparse
import sys

from app.config import get_settings
from app.db import new_session
from app.demo.seed import seed_demo
from app.people.models import Role
from app.people.service import create_staff_invite


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.cli")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("demo-data", help="add demo accounts and about 200 demo items")
    admin = commands.add_parser("invite-admin", help="print a one-day invitation link for an admin")
    admin.add_argument("name")
    args = parser.parse_args(argv)
    if args.command == "demo-data":
        demo_data()
    else:
        invite_admin(args.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())

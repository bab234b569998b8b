import pytest
from sqlmodel import Session

from tests.moderation.helpers import ensure_reasons


@pytest.fixture(autouse=True)
def reasons(db: Session) -> None:
    """The council's reasons, as migration 0003 seeds them."""
    ensure_reasons(db)

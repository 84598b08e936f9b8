"""Mint a development JWT (HS256 with AGENDA_JWT_SECRET) for a salon's owner or staff."""

from __future__ import annotations

import argparse
import sys
from uuid import UUID

from config.settings import Settings
from deployments.auth import mint_token
from domain.models import Role


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tenant", type=UUID, required=True, help="tenant id")
    parser.add_argument("--user", type=UUID, required=True, help="user id (the `sub` claim)")
    parser.add_argument("--role", choices=[r.value for r in Role], default=Role.OWNER.value)
    parser.add_argument("--ttl", type=int, default=12 * 3600, help="seconds until it expires")
    args = parser.parse_args(argv)
    settings = Settings()
    print(
        mint_token(
            settings,
            user_id=args.user,
            tenant_id=args.tenant,
            role=Role(args.role),
            ttl_s=args.ttl,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Admin commands: users, tokens, backup, restore; `app.cli` registers them."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.config import Settings
from app.security.passwords import WeakPasswordError, hash_password
from app.security.tokens import new_token, token_digest, token_hint
from app.store import users
from app.store.backup import BackupError, backup, restore
from app.store.db import make_engine, make_session_factory
from app.store.migrate import upgrade

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)
Handler = Callable[[argparse.Namespace, Settings], int]


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> dict[str, Handler]:
    """Add the admin sub-commands to the CLI's parser; returns their handlers by name."""
    user_cmd = commands.add_parser(
        "users", help="accounts that may write: add, list, set-role, disable"
    )
    user_sub = user_cmd.add_subparsers(dest="action", required=True)
    add = user_sub.add_parser("add", help="create an account (asks for the password)")
    add.add_argument("username")
    add.add_argument("--role", choices=users.ROLES, default="editor")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    user_sub.add_parser("list", help="list accounts")
    role = user_sub.add_parser("set-role", help="change an account's role")
    role.add_argument("username")
    role.add_argument("role", choices=users.ROLES)
    for name, text in (("disable", "stop an account logging in"), ("enable", "let it in again")):
        user_sub.add_parser(name, help=text).add_argument("username")
    passwd = user_sub.add_parser("passwd", help="set a new password")
    passwd.add_argument("username")
    passwd.add_argument("--password-stdin", action="store_true")
    token_cmd = commands.add_parser("tokens", help="API bearer tokens: create, list, revoke")
    token_sub = token_cmd.add_subparsers(dest="action", required=True)
    create = token_sub.add_parser("create", help="create a token for an account (shown once)")
    create.add_argument("username")
    create.add_argument("--name", default="api", help="what the token is for")
    token_sub.add_parser("list", help="list tokens")
    token_sub.add_parser("revoke", help="revoke a token by id").add_argument("id", type=int)
    backup_cmd = commands.add_parser("backup", help="copy the live SQLite database to PATH")
    backup_cmd.add_argument("path", type=Path)
    restore_cmd = commands.add_parser(
        "restore", help="replace the database with a backup (stop the server first)"
    )
    restore_cmd.add_argument("path", type=Path)
    restore_cmd.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return {
        "users": users_command,
        "tokens": tokens_command,
        "backup": backup_command,
        "restore": restore_command,
    }


def _session(settings: Settings) -> Session:
    engine = make_engine(settings.resolved_database_url())
    upgrade(engine)
    return make_session_factory(engine)()


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise WeakPasswordError("The two passwords differ.")
    return first


def users_command(args: argparse.Namespace, settings: Settings) -> int:
    with _session(settings) as session:
        if args.action == "list":
            for user in users.list_users(session):
                state = "" if user.active else " (disabled)"
                out.print(f"{user.username}\t{user.role}{state}")
            return 0
        try:
            message = _change_user(session, args)
            session.commit()
        except (WeakPasswordError, ValueError, IntegrityError) as error:
            session.rollback()
            taken = isinstance(error, IntegrityError)
            err.print(f"[red]{f'{args.username!r} is taken.' if taken else error}[/red]")
            return 1
    out.print(message)
    return 0


def _change_user(session: Session, args: argparse.Namespace) -> str:
    if args.action == "add":
        added = users.add_user(session, args.username, hash_password(_password(args)), args.role)
        users.record(session, None, "user.add", ("user", added.id), ("role", None, args.role))
        return f"Created {args.role} {args.username}."
    user = users.get_user(session, args.username)
    if user is None:
        raise ValueError(f"There is no user {args.username!r}.")
    if args.action == "set-role":
        user.role = args.role
    elif args.action in ("disable", "enable"):
        user.active = args.action == "enable"
    elif args.action == "passwd":
        user.password_hash = hash_password(_password(args))
    users.record(session, None, f"user.{args.action}", ("user", user.id))
    return f"{args.username}: {args.action} done."


def tokens_command(args: argparse.Namespace, settings: Settings) -> int:
    with _session(settings) as session:
        if args.action == "list":
            for token in users.list_tokens(session):
                state = "revoked" if token.revoked_at else "live"
                out.print(f"{token.id}\t{token.user.username}\t{token.name}\t{token.hint}\t{state}")
            return 0
        if args.action == "revoke":
            if users.revoke_token(session, args.id) is None:
                err.print(f"[red]There is no token {args.id}.[/red]")
                return 1
            users.record(session, None, "token.revoke", ("token", args.id))
            session.commit()
            out.print(f"Token {args.id} revoked.")
            return 0
        return _create_token(session, args)


def _create_token(session: Session, args: argparse.Namespace) -> int:
    user = users.get_user(session, args.username)
    if user is None or not user.active:
        err.print(f"[red]There is no active user {args.username!r}.[/red]")
        return 1
    token = new_token()
    row = users.add_token(session, user, args.name[:100], token_digest(token), token_hint(token))
    users.record(session, None, "token.create", ("token", row.id))
    session.commit()
    err.print(f"Token {row.id} for {user.username} ({user.role}); it is shown only once:")
    sys.stdout.write(token + "\n")
    return 0


def backup_command(args: argparse.Namespace, settings: Settings) -> int:
    try:
        articles = backup(settings.resolved_database_url(), args.path)
    except BackupError as error:
        err.print(f"[red]{error}[/red]")
        return 1
    out.print(f"Backed up {articles} article(s) to {args.path}.")
    return 0


def restore_command(args: argparse.Namespace, settings: Settings) -> int:
    if not args.yes and input(f"Replace {settings.database_url} with {args.path}? [y/N] ") != "y":
        err.print("Nothing restored.")
        return 1
    try:
        articles = restore(args.path, settings.resolved_database_url())
    except BackupError as error:
        err.print(f"[red]{error}[/red]")
        return 1
    out.print(f"Restored {articles} article(s) from {args.path}.")
    return 0

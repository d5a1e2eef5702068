"""notify's two steps: decide what each channel gets (plan), then send it (deliver).

Planning reads everything and sends nothing, so `--dry-run` prints exactly
what a real run would send, and a site, feed or option that is wrong stops
the run before any channel has been sent anything.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..core.model import NotifyChannel
from ..core.problems import SiteError, did_you_mean
from ..outputs.api import Context
from ..outputs.common import Wording
from ..pipeline.evaluate import check
from ..render.theme import load_theme
from ..source.import_record import RecordError, as_imported
from .channels import ATTEMPTS, SendError, with_retries
from .formats import FORMATS, Outgoing
from .messages import Message, messages, render_body, wanted_by
from .previous import NotifyError, new_entries, read_output, read_previous
from .websub import changed_feeds, ping

WEBSUB = "WebSub hub"


@dataclass(frozen=True, slots=True)
class Plan:
    new: tuple[str, ...]
    """Every entry of the new output that the previous one lacks, oldest first."""
    cut: tuple[str, ...]
    imported: tuple[str, ...]
    """New to the feed, but history that `statusblog import` wrote: never sent."""
    first_publish: bool
    channels: tuple[tuple[NotifyChannel, tuple[Outgoing, ...]], ...]
    hub: str
    feeds: tuple[str, ...]
    """The RSS and Atom feeds that changed, for the WebSub hub."""


@dataclass(frozen=True, slots=True)
class Outcome:
    channel: str
    sent: tuple[str, ...] = ()
    missed: tuple[str, ...] = ()
    error: str = ""
    noun: str = "entry"


@dataclass(frozen=True, slots=True)
class Options:
    previous: str
    now: datetime
    send_first: bool = False
    only: tuple[str, ...] = ()
    """--channel: send only to these (to re-send what a failed run missed)."""
    entries: tuple[str, ...] = ()
    """--entry: send only these entries."""


def _chosen(channels: tuple[NotifyChannel, ...], only: tuple[str, ...]) -> tuple[NotifyChannel, ...]:
    names = [channel.name for channel in channels] + [WEBSUB]
    for name in only:
        if name not in names:
            raise NotifyError(f"no channel named '{name}' in site.toml", did_you_mean(name, names))
    return tuple(channel for channel in channels if not only or channel.name in only)


def _imported(root: Path, found: list[Message]) -> list[str]:
    """The entries of files that are still exactly as `statusblog import` wrote them (its record says so)."""
    try:
        as_written = as_imported(root)
    except RecordError as exc:
        raise NotifyError(str(exc)) from exc
    return [message.entry.id for message in found if Path(message.source).resolve() in as_written]


def plan(root: Path, out: Path, options: Options) -> Plan:
    """What to send where; raises SiteError for a broken site and NotifyError for an unreadable feed."""
    checked = check(root, options.now)
    if checked.state is None:
        raise SiteError(checked.errors)
    state = checked.state
    config = state.site.config
    published = read_output(out)
    previous = read_previous(options.previous)
    if previous is None:
        new = [item.id for item in reversed(published.items)] if options.send_first else []
        cut: list[str] = []
    else:
        new, cut = new_entries(published, previous, config.feed_limit)
    if options.entries:
        new = [entry_id for entry_id in new if entry_id in options.entries]
    theme = load_theme(root, config)
    words = Wording(theme)
    found = messages(state, words, new, {item.id: item for item in published.items})
    if len(found) < len(new):
        missing = sorted(set(new) - {message.entry.id for message in found})
        raise NotifyError(f"{out} has entries this site does not make ({missing[0]}, ...)",
                          "build --new from the same site and commit that notify reads")
    history = _imported(root, found)
    found = [message for message in found if message.entry.id not in history]
    new = [entry_id for entry_id in new if entry_id not in history]
    context = Context(state, words) if any(FORMATS[c.format].payloads for c in config.notify) else None
    signatures = published.signatures
    channels = []
    for channel in _chosen(config.notify, options.only):
        made = FORMATS[channel.format].payloads
        outgoing = tuple(
            Outgoing(message.entry.id, message.entry.title, render_body(theme, state, message), message.severity,
                     tuple(made(context, message, signatures)) if made is not None and context is not None else ())
            for message in found if wanted_by(channel, message))
        channels.append((channel, outgoing))
    wants_hub = config.websub_hub and (not options.only or WEBSUB in options.only)
    feeds = tuple(changed_feeds(state, words, new)) if wants_hub else ()
    return Plan(tuple(new), tuple(cut), tuple(history), previous is None, tuple(channels), config.websub_hub, feeds)


def _send(channel: NotifyChannel, url: str, outgoing: tuple[Outgoing, ...],
          sleep: Callable[[float], None]) -> Outcome:
    """Oldest first, stopping at the first entry that cannot be delivered: a channel keeps the order."""
    sent: list[str] = []
    try:
        send = FORMATS[channel.format].connect(url, channel.timeout)
        for item in outgoing:
            send(item, sleep)
            sent.append(item.entry_id)
    except SendError as exc:
        missed = tuple(item.entry_id for item in outgoing[len(sent):])
        return Outcome(channel.name, tuple(sent), missed, f"{exc} ({ATTEMPTS} tries)")
    return Outcome(channel.name, tuple(sent))


def deliver(plan: Plan, environ: Mapping[str, str], sleep: Callable[[float], None] = time.sleep) -> list[Outcome]:
    """Send every channel its entries, and ping the hub; one failing channel never stops the others."""
    outcomes = []
    for channel, outgoing in plan.channels:
        if not outgoing:
            continue
        url = environ.get(channel.url_env, "").strip()
        if not url:
            outcomes.append(Outcome(channel.name, missed=tuple(item.entry_id for item in outgoing),
                                    error=f"environment variable {channel.url_env} is not set"))
            continue
        outcomes.append(_send(channel, url, outgoing, sleep))
    if plan.feeds:
        pinged: list[str] = []
        try:
            for feed in plan.feeds:
                with_retries(lambda feed=feed: ping(plan.hub, feed, 10.0), sleep)
                pinged.append(feed)
        except SendError as exc:
            outcomes.append(Outcome(WEBSUB, tuple(pinged), plan.feeds[len(pinged):], f"{exc} ({ATTEMPTS} tries)",
                                    "feed"))
        else:
            outcomes.append(Outcome(WEBSUB, tuple(pinged), noun="feed"))
    return outcomes


def preview(plan: Plan, environ: Mapping[str, str]) -> Iterator[str]:
    """What --dry-run prints: every message as it would be sent, and nothing is sent."""
    for channel, outgoing in plan.channels:
        unset = "" if environ.get(channel.url_env, "").strip() else f" ({channel.url_env} is not set)"
        yield f"== {channel.name}: {len(outgoing)} to send{unset}"
        for item in outgoing:
            yield from FORMATS[channel.format].shown(item)
    if plan.feeds:
        yield f"== {WEBSUB} {plan.hub}: would ping for {len(plan.feeds)} feeds"
        yield from plan.feeds


def summary(plan: Plan) -> str:
    if plan.first_publish and not plan.new:
        return "notify: no previous site (first publish): nothing is sent; --send-first sends every entry"
    text = f"notify: {len(plan.new)} new {'entry' if len(plan.new) == 1 else 'entries'}"
    if plan.cut:
        text += f" ({len(plan.cut)} older ones left out: they fell off the end of the previous feed)"
    if plan.imported:
        text += f" ({len(plan.imported)} left out: history written by `statusblog import`, not news)"
    return text


def said(outcome: Outcome) -> str:
    """One line per channel; a failure names the channel (never its URL) and every entry it missed."""
    plural = "entries" if outcome.noun == "entry" else "feeds"
    if not outcome.error:
        return f"notify: sent {len(outcome.sent)} {plural if len(outcome.sent) != 1 else outcome.noun} " \
               f"to '{outcome.channel}'"
    missed = ", ".join(outcome.missed)
    return (f"notify: error: '{outcome.channel}': {outcome.error}; sent {len(outcome.sent)}, "
            f"missed {len(outcome.missed)}: {missed}")

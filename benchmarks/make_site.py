"""A synthetic status site of N incidents, for measuring builds.

Why synthetic: a benchmark must scale to 20,000 incidents and be rebuilt the
same way on any machine, so every byte comes from the seed. Each incident
depends only on (seed, its index), so the site of 1,000 incidents is the
newest 1,000 of the site of 5,000. The shape follows a busy real status page:

- 4 to 6 updates per incident, about 300 words in all, signed by 20 authors;
- 10 components in 3 groups, each incident touching one to three;
- a postmortem (the three questions and action items) on every fifth incident;
- a planned maintenance for every 30 incidents, the newest one still upcoming;
- the newest incident still open, with an ETA.

The site checks clean at NOW (no errors, no warnings), so a build measures
rendering, not error reporting.

    python benchmarks/make_site.py 5000 --out /tmp/site-5000 [--seed 2026]
"""

from __future__ import annotations

import argparse
import random
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
"""The fixed build time every benchmark uses."""
NOW_TEXT = "2026-11-20T15:00:00Z"
DEFAULT_SEED = 2026
SPACING = timedelta(hours=7)
"""Average gap between incidents: N = 1,000 spans about ten months, N = 20,000 sixteen years."""

GROUPS = {
    "Core platform": ["api", "dashboard", "auth", "webhooks"],
    "Compute & storage": ["vms", "kubernetes", "object-storage"],
    "Network": ["dns", "cdn", "load-balancers"],
}
COMPONENT_NAMES = {
    "api": "Public API", "dashboard": "Dashboard", "auth": "Authentication", "webhooks": "Webhooks",
    "vms": "Virtual machines", "kubernetes": "Managed Kubernetes", "object-storage": "Object storage",
    "dns": "DNS", "cdn": "CDN", "load-balancers": "Load balancers",
}
FIRST_NAMES = ["Maya", "Daniel", "Priya", "Tomás", "Lena", "Grace", "Jamal", "Aiko", "Björn", "Chioma",
               "Diego", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kavya", "Luis", "Mei"]
ROLES = ["Site Reliability Engineer", "Incident Commander", "Database Engineer", "Network Engineer",
         "Storage Engineer", "Customer Support Lead"]
CAUSES = ["connection-pool-exhaustion", "certificate-expiry", "bad-deploy", "capacity", "dns-misconfiguration",
          "hardware-failure", "dependency-outage", "storage-rebalance"]
SUBJECTS = ["error rates", "latency", "timeouts", "failed requests", "slow page loads", "stale data",
            "failed deploys", "dropped connections"]
VOCABULARY = ("the a we our on in for to of and with after before during while replica primary cluster node "
         "region request response queue cache pool database disk network packet route certificate deploy "
         "rollback config traffic customers errors latency alert graph metric p99 retry timeout capacity "
         "upstream downstream shard index lock checkpoint failover health check restart worker limit "
         "saturation backlog throughput schedule engineer on-call dashboard load balancer resolver")
WORDS = VOCABULARY.split()
MIDDLE_STATUSES = ["identified", "update", "monitoring"]


def sentence(rng: random.Random, words: int) -> str:
    body = " ".join(rng.choice(WORDS) for _ in range(words))
    body = body[0].upper() + body[1:]
    if rng.random() < 0.2:
        body += f" `{rng.choice(WORDS)}.{rng.choice(WORDS).replace('-', '_')}`"
    if rng.random() < 0.1:
        body = f"**{body}**"
    return body + "."


def paragraph(rng: random.Random, words: int) -> str:
    """About `words` words of text, wrapped at 80 columns like hand-written Markdown."""
    sentences = []
    while words > 0:
        length = min(words, rng.randint(6, 14))
        sentences.append(sentence(rng, length))
        words -= length
    lines, line = [], ""
    for word in " ".join(sentences).split(" "):
        if line and len(line) + 1 + len(word) > 80:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def utc(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} UTC"


def author_ids() -> list[str]:
    return [f"{name.lower().replace('á', 'a').replace('ö', 'o')}{index}" for index, name in enumerate(FIRST_NAMES)]


def registries(seed: int) -> dict[str, str]:
    rng = random.Random(f"{seed}:registries")
    site = ('title = "Benchmark Cloud Status"\n'
            'base_url = "https://status.bench.example/"\n'
            'timezone = "America/Chicago"\nlanguage = "en"\n'
            'history_page_size = 50\n\n'
            '[contact]\nemail = "support@bench.example"\nurl = "https://bench.example/support"\n')
    authors = "".join(
        f'[{key}]\nname = "{name} {rng.choice(["Okafor", "Reyes", "Raman", "Lindqvist", "Hoffmann"])}"\n'
        f'role = "{rng.choice(ROLES)}"\nemail = "{key}@bench.example"\n\n'
        for key, name in zip(author_ids(), FIRST_NAMES, strict=True))
    components = "".join(
        f'[{key}]\nname = "{COMPONENT_NAMES[key]}"\ngroup = "{group}"\n'
        f'description = "{paragraph(rng, 8)[:-1]}"\nsla = {rng.choice(["99.9", "99.95", "99.99"])}\n\n'
        for group, keys in GROUPS.items() for key in keys)
    return {"site.toml": site, "authors.toml": authors, "components.toml": components}


def incident(seed: int, index: int) -> tuple[str, str]:
    """Incident `index` (0 is the newest) as (file name, text)."""
    rng = random.Random(f"{seed}:incident:{index}")
    authors = author_ids()
    started = NOW - SPACING * (index + 1) + timedelta(minutes=rng.randint(-120, 120))
    if index == 0:
        started = NOW - timedelta(hours=2)
    has_postmortem = index % 5 == 4
    impact = rng.choice(["major", "critical", "minor"]) if has_postmortem else rng.choice(["minor", "minor", "none"])
    keys = [key for keys in GROUPS.values() for key in keys]
    affected = sorted(rng.sample(keys, rng.randint(1, 3)))
    subject = rng.choice(SUBJECTS)
    title = f"{'Elevated' if rng.random() < 0.5 else 'Intermittent'} {subject} on {COMPONENT_NAMES[affected[0]]}"
    slug = f"{started:%Y-%m-%d}-{subject.replace(' ', '-')}-{index:05d}"
    front = (f"---\ntitle: {title}\nimpact: {impact}\ncomponents: [{', '.join(affected)}]\n"
             f"started: {started:%Y-%m-%dT%H:%M:%SZ}\ncause: {rng.choice(CAUSES)}\n---\n\n")
    parts = [paragraph(rng, 35)]
    if rng.random() < 0.3:
        parts.append("### Technical details\n\n" + paragraph(rng, 30))
    count = rng.randint(4, 6)
    middle = sorted(rng.sample([*MIDDLE_STATUSES, "update"], count - 2), key=MIDDLE_STATUSES.index)
    statuses = ["investigating", *middle, "resolved"]
    at = started + timedelta(minutes=rng.randint(3, 15))
    if index == 0:
        statuses = statuses[:2]
    for number, status in enumerate(statuses):
        text = paragraph(rng, rng.randint(25, 40))
        if status != "resolved":
            # The open incident's latest promise is still ahead of NOW: a broken one is a warning.
            latest_open = index == 0 and number == len(statuses) - 1
            due = NOW + timedelta(minutes=30) if latest_open else at + timedelta(minutes=45)
            text += f"\n\nNext update by {utc(due)}."
        if rng.random() < 0.15:
            text += "\n\n- " + "\n- ".join(sentence(rng, 5) for _ in range(3))
        parts.append(f"## {utc(at)} · {status} · {rng.choice(authors)}\n\n{text}")
        if number < len(statuses) - 1:
            at += timedelta(minutes=rng.randint(10, 40))
    if has_postmortem:
        owner = rng.choice(authors)
        parts.append(
            f"## Postmortem · {rng.choice(authors)}\n\n"
            f"### What happened\n\n{paragraph(rng, 40)}\n\n"
            f"### What we did to fix it\n\n{paragraph(rng, 25)}\n\n"
            f"### What we are doing so it does not happen again\n\n"
            f"- [x] {sentence(rng, 6)} (owner: {owner})\n"
            f"- [ ] {sentence(rng, 6)} (owner: {owner}, due: {(NOW + timedelta(days=30)):%Y-%m-%d})\n")
    return f"{slug}.md", front + "\n\n".join(parts) + "\n"


def maintenance(seed: int, index: int) -> tuple[str, str]:
    """Maintenance `index` (0 is the newest, still upcoming) as (file name, text)."""
    rng = random.Random(f"{seed}:maintenance:{index}")
    start = NOW + timedelta(days=5) - SPACING * 30 * index
    start = start.replace(hour=8, minute=0)
    end = start + timedelta(hours=rng.randint(1, 4))
    components = sorted(rng.sample([key for keys in GROUPS.values() for key in keys], rng.randint(1, 2)))
    author = rng.choice(author_ids())
    updates = [f"## {utc(start - timedelta(days=7))} · scheduled · {author}\n\n{paragraph(rng, 25)}"]
    if index > 0:
        updates.append(f"## {utc(start)} · in_progress · {author}\n\n{paragraph(rng, 15)}")
        updates.append(f"## {utc(end - timedelta(minutes=10))} · completed · {author}\n\n{paragraph(rng, 20)}")
    text = (f"---\ntitle: Planned work on {COMPONENT_NAMES[components[0]]} ({index})\n"
            f"scheduled_start: {start:%Y-%m-%dT%H:%M:%SZ}\nscheduled_end: {end:%Y-%m-%dT%H:%M:%SZ}\n"
            f"components: [{', '.join(components)}]\n---\n\n{paragraph(rng, 60)}\n\n" + "\n\n".join(updates) + "\n")
    return f"{start:%Y-%m-%d}-planned-work-{index:04d}.md", text


def site_files(count: int, seed: int = DEFAULT_SEED) -> dict[str, str]:
    """Every file of the site of `count` incidents, by relative path."""
    files = dict(registries(seed))
    files.update(("incidents/" + name, text) for name, text in (incident(seed, i) for i in range(count)))
    files.update(("maintenance/" + name, text) for name, text in (maintenance(seed, i) for i in range(count // 30)))
    files["pages/about.md"] = "---\ntitle: About this page\n---\n\n" + paragraph(random.Random(seed), 80) + "\n"
    return files


def make_site(root: Path, count: int, seed: int = DEFAULT_SEED) -> int:
    """Write the site into `root` (replacing what was there); returns the number of files."""
    if root.exists():
        shutil.rmtree(root)
    files = site_files(count, seed)
    for folder in ("incidents", "maintenance", "pages"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for relative, text in files.items():
        (root / relative).write_text(text, encoding="utf-8")
    return len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="number of incidents")
    parser.add_argument("--out", type=Path, help="site directory (default: ./bench-site-<count>)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    out = args.out or Path(f"bench-site-{args.count}")
    written = make_site(out, args.count, args.seed)
    print(f"wrote {written} files into {out}; build it with --now {NOW_TEXT}")


if __name__ == "__main__":
    main()

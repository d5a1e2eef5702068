"""How long signature verification takes on a 1,000-incident repository (target: under 10 s).

Makes a git repository in a temporary directory: 10 authors with ed25519 keys in
authors.toml, then 1,000 incidents (3 to 4 updates each, a postmortem on every
fifth) added over a few hundred commits, each signed with `git commit -S` by
one author's key, plus later signed commits that append updates to older
incidents, so there is history to walk. Then it times:

- the verification step alone (the history walk, every file version parsed once, one `git log` for every
  signature, the trust root);
- `statusblog check --verify-signatures`, the whole command;
- `statusblog check` without verification, for comparison;
- both again with a cache folder after one more signed commit, as the build
  after a merge runs them: the good signatures kept by the build before
  (proof/kept_signatures.py) are not checked again.

Every figure before the last two is taken without a cache folder, whatever
STATUSBLOG_CACHE_DIR says.

With `--each-update`, the history is the one a team on call makes instead: every
update (and postmortem) is a signed commit of its own, by its author, so the
commits are three to four times the incidents and `--commits` is not used.

With `--proofs`, site.toml says `publish_proofs = true`, and it also counts the
files and bytes the proofs would publish (docs/signatures.md, "Size").

    python benchmarks/verify_signatures.py [--incidents 1000] [--commits 300 | --each-update] [--repeat 3]
                                           [--keep DIR] [--proofs]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.core.problems import Problems  # noqa: E402 - the repository's package, not an installed one
from generator.core.times import build_now  # noqa: E402
from generator.outputs.proofs import render_proofs  # noqa: E402
from generator.pipeline.evaluate import check  # noqa: E402
from generator.proof.bylines import SignatureOptions  # noqa: E402
from generator.proof.verify import verify_bylines  # noqa: E402
from generator.source.loader import load_site  # noqa: E402

NOW = "2026-11-20T15:00:00Z"
AUTHORS = [f"author{index:02d}" for index in range(10)]
STATUSES = ("investigating", "identified", "monitoring")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def make_keys(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    for author in AUTHORS:
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", author, "-f", str(folder / author)],
                       check=True)
    return {author: folder / author for author in AUTHORS}


def registries(keys: dict[str, Path], proofs: bool) -> dict[str, str]:
    authors = "".join(
        f'[{author}]\nname = "Person {author[-2:]}"\nrole = "Engineer"\nemail = "{author}@example.com"\n'
        f'signing_keys = ["{(keys[author].parent / (author + ".pub")).read_text().strip()}"]\n\n'
        for author in AUTHORS)
    return {
        "site.toml": 'title = "Bench"\nbase_url = "https://status.example.com/"\ntimezone = "UTC"\n'
                     + ("publish_proofs = true\n" if proofs else ""),
        "components.toml": '[api]\nname = "API"\nsla = 99.9\n',
        "authors.toml": authors,
    }


def incident_parts(index: int, author: str) -> tuple[str, list[str], datetime]:
    """An incident file's path, its parts (the header with its summary, each update, a postmortem on every
    fifth), and when it started."""
    started = datetime(2026, 11, 1, tzinfo=UTC) - timedelta(hours=7 * index)
    parts = [f"---\ntitle: Incident {index}\nimpact: minor\ncomponents: [api]\nstarted: {started:%Y-%m-%dT%H:%MZ}\n"
             f"---\n\nSomething was slow for some customers.\n"]
    for step, status in enumerate(STATUSES):
        at = started + timedelta(minutes=10 + 20 * step)
        parts.append(f"## {at:%Y-%m-%d %H:%M} UTC · {status} · {author}\n\nWhat we saw and did, step {step}.\n")
    if index % 5 == 0:
        parts.append(f"## Postmortem · {author}\n\n### What happened\n\nA cause.\n")
    return f"incidents/{started:%Y-%m-%d-%H%M}-incident-{index}.md", parts, started


def incident(index: int, author: str) -> tuple[str, str, datetime]:
    path, parts, started = incident_parts(index, author)
    return path, "\n".join(parts), started


def signed_commit(repo: Path, key: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "-c", "gpg.format=ssh", "-c", f"user.signingkey={key}", "commit", "-q", "-S", "-m", message)


def one_more_update(repo: Path, keys: dict[str, Path], number: int) -> None:
    """A signed commit that appends an update to the newest incident, as a merge during an outage brings."""
    newest = max((repo / "content" / "incidents").glob("*.md"))
    author = AUTHORS[number % len(AUTHORS)]
    newest.write_text(newest.read_text() + f"\n## 2026-11-01 0{number}:30 UTC · monitoring · {author}\n\nWatching.\n")
    signed_commit(repo, keys[author], f"Update {number}")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")


def make_repo(repo: Path, keys: dict[str, Path], incidents: int, commits: int, proofs: bool = False,
              each_update: bool = False) -> int:
    """The repository; returns the number of signed commits."""
    site = repo / "content"
    (site / "incidents").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    for name, text in registries(keys, proofs).items():
        (site / name).write_text(text)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Site")
    if each_update:
        return _commit_each_update(repo, keys, incidents)
    appends = commits // 5
    batches = max(1, commits - appends)
    # Each batch is written and signed by one author, as on call: their incidents, their key.
    chunks = [range(batch * incidents // batches, (batch + 1) * incidents // batches) for batch in range(batches)]
    written = [incident(index, AUTHORS[batch % len(AUTHORS)]) for batch, chunk in enumerate(chunks) for index in chunk]
    signed = 0

    def commit(signer: str, message: str) -> None:
        nonlocal signed
        signed_commit(repo, keys[signer], message)
        signed += 1

    for batch, chunk in enumerate(chunks):
        for index in chunk:
            path, text, _ = written[index]
            (site / path).write_text(text)
        commit(AUTHORS[batch % len(AUTHORS)], f"Incidents, batch {batch}")
    for number in range(appends):
        path, text, started = written[number * (incidents // max(appends, 1))]
        signer = AUTHORS[number % len(AUTHORS)]
        update = f"## {started + timedelta(hours=3):%Y-%m-%d %H:%M} UTC · resolved · {signer}\n\nFixed.\n"
        if "\n## Postmortem" in text:
            (site / path).write_text(text.replace("\n## Postmortem", "\n" + update + "\n## Postmortem", 1))
        else:
            (site / path).write_text(text + "\n" + update)
        commit(signer, f"Resolve {path}")
    _merged(repo)
    return signed


def _commit_each_update(repo: Path, keys: dict[str, Path], incidents: int) -> int:
    """Each incident written as it happens: its header and first update, then each later part, every one a
    commit signed by the author of what it adds."""
    signed = 0
    for index in range(incidents):
        author = AUTHORS[index % len(AUTHORS)]
        path, parts, _ = incident_parts(index, author)
        for count in range(2, len(parts) + 1):
            (repo / "content" / path).write_text("\n".join(parts[:count]))
            signed_commit(repo, keys[author], f"Incident {index}, part {count}")
            signed += 1
    _merged(repo)
    return signed


def _merged(repo: Path) -> None:
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")  # merged, as fetched
    git(repo, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")  # the default branch, as cloned


def cpu_seconds() -> float:
    """This process's CPU time and its finished children's (git, ssh-keygen): what a loaded machine inflates less."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(action):  # type: ignore[no-untyped-def]
    started, cpu = time.perf_counter(), cpu_seconds()
    result = action()
    return result, time.perf_counter() - started, cpu_seconds() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--incidents", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3, help="time the whole check this many times")
    parser.add_argument("--keep", type=Path, help="make the repository here and keep it")
    parser.add_argument("--proofs", action="store_true", help="publish proofs, and count their files and bytes")
    parser.add_argument("--each-update", action="store_true",
                        help="a signed commit for every update, as on call (instead of --commits)")
    args = parser.parse_args()
    # The machine's git settings must not change what is measured.
    os.environ.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="Bench",
                      GIT_AUTHOR_EMAIL="bench@example.com", GIT_COMMITTER_NAME="Bench",
                      GIT_COMMITTER_EMAIL="bench@example.com", STATUSBLOG_CACHE_DIR="off")
    with tempfile.TemporaryDirectory(prefix="statusblog-verify-bench-") as scratch:
        root = args.keep or Path(scratch) / "repo"
        keys = make_keys(Path(scratch) / "keys")
        signed, made, _ = timed(lambda: make_repo(root, keys, args.incidents, args.commits, args.proofs,
                                                  args.each_update))
        print(f"made {args.incidents} incidents in {signed} signed commits in {made:.1f} s ({root})")
        site = root / "content"
        problems = Problems()
        loaded = load_site(site, problems)
        assert loaded is not None, problems.sorted()
        bylines, alone, alone_cpu = timed(lambda: verify_bylines(loaded, SignatureOptions(), problems))
        assert not problems.errors, [p.format() for p in problems.errors]
        counts = Counter(byline.state.value for byline in bylines.values())
        print(f"verification step alone: {alone:.2f} s ({alone_cpu:.2f} s CPU) for {len(bylines)} bylines "
              f"{dict(sorted(counts.items()))}")
        now = build_now(NOW)
        _, plain, plain_cpu = timed(lambda: check(site, now))
        print(f"check without verification: {plain:.2f} s ({plain_cpu:.2f} s CPU)")
        for _ in range(args.repeat):
            checked, whole, whole_cpu = timed(lambda: check(site, now, SignatureOptions()))
            assert checked.state is not None, [p.format() for p in checked.errors]
            print(f"check --verify-signatures: {whole:.2f} s ({whole_cpu:.2f} s CPU); target under 10 s; "
                  f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
        os.environ["STATUSBLOG_CACHE_DIR"] = str(Path(scratch) / "cache")
        one_more_update(root, keys, 1)
        timed(lambda: check(site, now, SignatureOptions()))  # the build before: it keeps what it checked
        one_more_update(root, keys, 2)
        _, whole, whole_cpu = timed(lambda: check(site, now, SignatureOptions()))
        one_more_update(root, keys, 3)
        again = load_site(site, problems)
        assert again is not None, problems.sorted()
        _, kept, kept_cpu = timed(lambda: verify_bylines(again, SignatureOptions(), problems))
        print(f"after one more signed commit, with a cache folder: verification step {kept:.2f} s ({kept_cpu:.2f} s "
              f"CPU), check --verify-signatures {whole:.2f} s ({whole_cpu:.2f} s CPU)")
        if args.proofs:
            files = list(render_proofs(checked.state, None))  # type: ignore[arg-type] # the family needs no theme
            evidence = checked.state.bylines.evidence
            print(f"proofs: {len(evidence.proofs)} signed commits, {evidence.left_out} left out; {len(files):,} files, "
                  f"{sum(len(data) for _, data, _ in files):,} bytes")


if __name__ == "__main__":
    main()

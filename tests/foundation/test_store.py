"""The compiled store: it answers exactly as parsing does, and a damaged, planted or foreign file never answers."""

from __future__ import annotations

import ast
import datetime
import errno
import json
import os
import pickle
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sanctiontrack
from sanctiontrack import Action, AmbiguousEntityError, DataError, Dataset, Restrictions, StoreError, Tracker
from sanctiontrack.model.names import name_key
from sanctiontrack.query import load as loading
from sanctiontrack.screen.score import Screener
from tests.reference import Reference
from tests.strategies import DAYS, datasets

WORLD = Path(__file__).parents[1] / "engine" / "world.yaml"
QUERY_DAYS = [datetime.date(2019, 1, 1) + datetime.timedelta(days=n) for n in range(0, 2600, 37)]
PACKAGE = Path(sanctiontrack.__file__).parent


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SANCTIONTRACK_CACHE_DIR", str(folder))
    return folder


def answers(tracker: Tracker, days: list[datetime.date] = QUERY_DAYS) -> list[object]:
    """Every day answer for every entity, explanations included (answers compare by content)."""
    return [tracker.restrictions(entity.id, on=day) for entity in sorted(tracker.entities, key=lambda e: e.id) for day in days]


def said(answer: Restrictions) -> tuple[object, ...]:
    """What an answer says, each action named by its id: the bundled data's listing actions have thousands of
    targets, so their records are compared once (by the test) rather than once in every answer citing them."""

    def part(found: object) -> tuple[object, ...]:
        return tuple(f.id if isinstance(f, Action) else f for f in attrs.astuple(found, recurse=False))

    return (
        answer.entity,
        answer.when,
        answer.matched,
        answer.jurisdiction,
        answer.restricted,
        tuple(map(part, answer.restrictions)),
        tuple(map(part, answer.not_operative)),
        tuple(map(part, answer.charges)),
    )


def _denotes_one(tracker: Tracker, name: str) -> bool:
    """Whether ``name`` resolves: two listed parties of one name (``'ALI, Muhammad``) make it ambiguous, asked either way."""
    try:
        tracker.entities.resolve(name)
    except AmbiguousEntityError:
        return False
    return True


def stored(tracker: Tracker, folder: Path) -> Tracker:
    """The same data, written to a store and opened from it."""
    path = folder / "test.store"
    loading.write_store(tracker, path, "test")
    return loading.open_store(path, "test")


def the_store(cache: Path) -> Path:
    [path] = cache.glob("*.store")
    return path


# -- a store answers as parsing does ------------------------------------------------------------


def test_a_store_answers_as_parsing_does(cache: Path) -> None:
    parsed = sanctiontrack.load(WORLD, cache=False)
    first = sanctiontrack.load(WORLD)
    assert first._store is None and len(list(cache.glob("*.store"))) == 1  # built, then answered from memory
    opened = sanctiontrack.load(WORLD)
    assert opened._store is not None
    assert answers(opened) == answers(parsed) == answers(first)
    for entity in ("acme", "acme-app", "partner", "epsilon-labs"):
        assert opened.timeline(entity) == parsed.timeline(entity)
        assert opened.history(entity) == parsed.history(entity)
        assert opened.diff(entity, "2019-01-01", "2022-06-30") == parsed.diff(entity, "2019-01-01", "2022-06-30")
        at = pendulum.datetime(2019, 10, 9, 16, 15, tz="America/New_York")
        assert opened.restrictions(entity, at=at) == parsed.restrictions(entity, at=at)
        assert opened.restrictions(entity, on="2021-01-01", jurisdiction="US") == parsed.restrictions(
            entity, on="2021-01-01", jurisdiction="US"
        )
    assert opened.in_force(on="2020-01-01") == parsed.in_force(on="2020-01-01")
    for item, to in (("0D999", "CN"), ("0D999", "CA"), ("个性化推送技术", "RU")):
        for day in ("2020-01-06", "2021-01-06", "2021-06-01", "2022-02-01"):
            assert opened.item_restrictions(item, to=to, on=day) == parsed.item_restrictions(item, to=to, on=day)
        assert opened.item_timeline(item, to=to) == parsed.item_timeline(item, to=to)
    assert opened.restrictions("acme-cloud", on="2020-03-01").charges == parsed.restrictions("acme-cloud", on="2020-03-01").charges != ()
    assert opened.action("listing") == parsed.action("listing")
    assert opened.entities.search("acme") == parsed.entities.search("acme")
    assert opened.screen(["ACME TECHNOLOGY", "Nobody"], on="2020-01-01") == parsed.screen(["ACME TECHNOLOGY", "Nobody"], on="2020-01-01")


def test_the_bundled_data_answers_the_same_from_its_store(tmp_path: Path) -> None:
    parsed = sanctiontrack.load(cache=False)
    opened = stored(parsed, tmp_path)
    assert [opened.action(a.id) for a in parsed.actions] == list(parsed.actions)
    days = [datetime.date(2018, 1, 1) + datetime.timedelta(days=n) for n in range(0, 2900, 410)]  # every entity, 8 days in 2018–2025
    assert list(map(said, answers(opened, days))) == list(map(said, answers(parsed, days)))
    names = [e.name if i % 2 else e.id for i, e in enumerate(parsed.entities) if _denotes_one(parsed, e.name)]
    every = [days[i % len(days)] for i in range(len(names))]
    expected = [parsed.restricted(n, on=d) for n, d in zip(names, every, strict=True)]
    assert opened.restricted_many(names, every).tolist() == expected
    fresh = stored(parsed, tmp_path / "fresh")  # verdicts alone: ids answered from the day index (by hash, then the id table)
    assert [fresh.restricted(n, on=d) for n, d in zip(names, every, strict=True)] == expected
    linked = [e.id for e in parsed.entities if e.links]
    groups = {link.entity for e in parsed.entities for link in e.links} | set(linked)  # parents and members, both ways
    assert {g: opened.entities.related(g) for g in groups} == {g: parsed.entities.related(g) for g in groups}
    assert [e.id for e in opened.entities.members("huawei")] == [e.id for e in parsed.entities.members("huawei")]
    assert len(opened.entities.members("huawei")) > 100  # its affiliates, found through the store's list of linking entities
    # screening reads the keys of names from their stored ranks, and the matches' entries in bulk
    assert opened.entities._name_keys() == parsed.entities._name_keys()
    screened = [n.upper() if i % 3 else n[:-1] for i, e in enumerate(parsed.entities) if i % 40 == 0 for n in e.names] + ["Nobody At All"]
    assert opened.screen(screened, on="2021-06-01") == parsed.screen(screened, on="2021-06-01")


@pytest.mark.parametrize("bulk_from", [0, 10**9], ids=["bulk", "key by key"])
def test_bulk_name_lookups_answer_as_one_by_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bulk_from: int) -> None:
    """Screening's lookups of many keys (the whole hash array, one JSON parse) answer as a lookup per key does."""
    from sanctiontrack.store import store as store_module

    monkeypatch.setattr(store_module, "_BULK_KEYS", bulk_from)
    parsed = sanctiontrack.load(WORLD, cache=False)
    tracker = stored(parsed, tmp_path)
    store = tracker._store
    assert store is not None
    keys = [*store.name_keys(), "no such name key", "", *reversed(store.name_keys())]  # unknown, empty and repeated keys
    assert any(entries[0][0] == 2 for entries in parsed.entities._by_key.values())  # keys of an id's words alone are left out
    assert store.named_many(keys) == [store.named(k) for k in keys]
    assert store.named_keys() == [k for k in store.name_keys() if min(rank for rank, _, _ in store.named(k) or [(2, "", "")]) < 2]
    assert tracker.entities._named_many(keys) == [tracker.entities._named(k) for k in keys]


@settings(max_examples=60, deadline=None)
@given(datasets(), st.lists(st.sampled_from([DAYS[0].subtract(days=1), *DAYS, DAYS[-1].add(days=30)]), min_size=1, max_size=5))
def test_a_store_of_a_random_world_answers_as_parsing_and_the_reference_do(dataset: Dataset, days: list[pendulum.Date]) -> None:
    parsed = Tracker(dataset)
    reference = Reference(dataset)
    with tempfile.TemporaryDirectory() as folder:
        opened = stored(parsed, Path(folder))
        for entity in dataset.entities:
            for day in days:
                answer = opened.restrictions(entity.id, on=day)
                assert answer == parsed.restrictions(entity.id, on=day)
                assert {r.action.id for r in answer.restrictions} == reference.operative_actions_on(entity.id, day)
            assert opened.history(entity.id) == parsed.history(entity.id)
        for item in dataset.items:
            for day in days:
                assert opened.item_restrictions(item.id, to="CN", on=day) == parsed.item_restrictions(item.id, to="CN", on=day)
        ids = [e.id for e in dataset.entities for _ in days]
        on = [d for _ in dataset.entities for d in days]
        expected = [parsed.restricted(i, on=d) for i, d in zip(ids, on, strict=True)]
        assert opened.restricted_many(ids, on).tolist() == expected == parsed.restricted_many(ids, on).tolist()
        some = [e.id for e in dataset.entities[: max(1, len(dataset.entities) // 5)]]  # few of the store's: their days searched alone
        few, few_on = [i for i in some for _ in days], [d for _ in some for d in days]
        assert opened.restricted_many(few, few_on).tolist() == [parsed.restricted(i, on=d) for i, d in zip(few, few_on, strict=True)]
        assert opened.entities._name_keys() == parsed.entities._name_keys()
        screened = [n for e in dataset.entities for n in e.names] + [e.id.replace("-", " ") for e in dataset.entities]
        assert opened.screen(screened, on=days[0], threshold=60.0) == parsed.screen(screened, on=days[0], threshold=60.0)


def test_changing_the_file_makes_a_new_store(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "world.yaml"
    shutil.copy(WORLD, path)

    def listing_operative(tracker: Tracker) -> bool:
        return "listing" in {r.action.id for r in tracker.restrictions("acme", on="2021-12-31").restrictions}

    assert listing_operative(sanctiontrack.load(path))
    assert listing_operative(sanctiontrack.load(path))  # from the store
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("dates: {effective: 2022-01-01}", "dates: {effective: 2021-12-01}"), encoding="utf-8")
    assert not listing_operative(sanctiontrack.load(path))  # the removal now comes first
    assert not listing_operative(sanctiontrack.load(path))
    assert len(list(cache.glob("*.store"))) == 2


def test_keys_are_length_prefixed_so_inputs_cannot_run_into_each_other(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.write_bytes(b"xy")
    two.write_bytes(b"y")
    assert loading._content_key([("data", "a.yaml", one)]) != loading._content_key([("data", "a.yamlx", two)])
    assert loading._content_key([("data", "a.yaml", one)]) != loading._content_key([("seed", "a.yaml", one)])


# -- what is found in the cache folder is never trusted ---------------------------------------


class Planted:
    """Unpickling this runs a command that leaves a file behind."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_pickle_never_runs_and_never_answers(cache: Path, tmp_path: Path) -> None:
    expected = answers(sanctiontrack.load(WORLD, cache=False))
    sanctiontrack.load(WORLD)
    marker = tmp_path / "ran"
    the_store(cache).write_bytes(pickle.dumps(Planted(marker)))
    tracker = sanctiontrack.load(WORLD)
    assert answers(tracker) == expected
    assert not marker.exists()


@pytest.mark.parametrize(
    "content",
    [b"", b"STRKSTOR", b"not a store at all", json.dumps({"key": "x"}).encode(), bytes(range(256)) * 64],
    ids=["empty", "magic-only", "text", "json", "binary"],
)
def test_a_foreign_file_under_the_stores_name_is_rebuilt(cache: Path, content: bytes) -> None:
    expected = answers(sanctiontrack.load(WORLD, cache=False))
    sanctiontrack.load(WORLD)
    path = the_store(cache)
    path.write_bytes(content)
    assert answers(sanctiontrack.load(WORLD)) == expected
    assert sanctiontrack.load(WORLD)._store is not None  # rebuilt whole


def test_another_datasets_store_under_this_name_is_rebuilt(cache: Path, tmp_path: Path) -> None:
    expected = answers(sanctiontrack.load(WORLD, cache=False))
    other = tmp_path / "other.yaml"
    other.write_text(WORLD.read_text(encoding="utf-8").replace("Acme Co., Ltd.", "Acme Company"), encoding="utf-8")
    sanctiontrack.load(other)
    [foreign] = cache.glob("*.store")
    target = cache / f"{loading.store_key([WORLD])}.store"
    shutil.copy(foreign, target)
    assert answers(sanctiontrack.load(WORLD)) == expected


def test_a_truncated_store_is_rebuilt(cache: Path) -> None:
    expected = answers(sanctiontrack.load(WORLD, cache=False))
    sanctiontrack.load(WORLD)
    whole = the_store(cache).read_bytes()
    for size in (10, 100, len(whole) // 2, len(whole) - 1):
        the_store(cache).write_bytes(whole[:size])
        assert answers(sanctiontrack.load(WORLD)) == expected


def test_a_bit_flipped_store_never_answers_wrongly(cache: Path) -> None:
    """Flip one bit anywhere: the store is rebuilt, or the question is refused; never a wrong or half answer."""
    parsed = sanctiontrack.load(WORLD, cache=False)
    expected = answers(parsed, QUERY_DAYS[::5])
    sanctiontrack.load(WORLD)
    path = the_store(cache)
    whole = path.read_bytes()
    rng = random.Random(12)
    refused = rebuilt = 0
    for _ in range(120):
        flipped = bytearray(whole)
        at = rng.randrange(len(flipped))
        flipped[at] ^= 1 << rng.randrange(8)
        path.write_bytes(flipped)
        tracker = sanctiontrack.load(WORLD)
        rebuilt += tracker._store is None
        try:
            got = answers(tracker, QUERY_DAYS[::5])
            got_timeline = tracker.timeline("acme")
            got_item = tracker.item_restrictions("0D999", to="CN", on="2021-06-01")
            got_screen = tracker.screen(["ACME TECHNOLOGY"], on="2020-06-01")
        except StoreError as err:
            refused += "damaged" in str(err)
        else:
            assert got == expected, at
            assert got_timeline == parsed.timeline("acme")
            assert got_item == parsed.item_restrictions("0D999", to="CN", on="2021-06-01")
            assert got_screen == parsed.screen(["ACME TECHNOLOGY"], on="2020-06-01")
        for leftover in cache.glob("*.store"):
            leftover.unlink()
    print(f"{refused} refused, {rebuilt} rebuilt of 120")
    assert refused + rebuilt > 60  # most flips land in pages a question reads, and are caught


def test_the_store_code_runs_nothing_it_reads() -> None:
    """No pickle, marshal or eval on the way from the cache folder to an answer."""
    modules = [*sorted((PACKAGE / "store").glob("*.py")), PACKAGE / "query" / "load.py", PACKAGE / "query" / "tracker.py"]
    for module in modules:
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + ([node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
                assert not {n.split(".")[0] for n in names} & {"pickle", "marshal", "shelve", "dill", "cloudpickle"}, module
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("eval", "exec", "__import__"), module


# -- writing: atomic, concurrent, read-only and full folders, pruning ----------------------------


def test_concurrent_builders_leave_one_whole_store(cache: Path) -> None:
    script = (
        "import sys, sanctiontrack; t = sanctiontrack.load(sys.argv[1]); "
        "print(t.restricted('acme', on='2020-01-01'), len(list(t.entities)))"
    )
    env = {**os.environ, "SANCTIONTRACK_CACHE_DIR": str(cache)}
    runs = [subprocess.Popen([sys.executable, "-c", script, str(WORLD)], env=env, stdout=subprocess.PIPE, text=True) for _ in range(4)]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert all(run.returncode == 0 for run in runs)
    assert len(set(outputs)) == 1 and outputs[0].startswith("True")
    assert [p.name for p in cache.iterdir() if p.suffix not in (".store", ".ref")] == []  # no temporary file left
    store = the_store(cache)
    assert answers(loading.open_store(store, store.stem)) == answers(sanctiontrack.load(WORLD, cache=False))


def _failing(code: int):  # type: ignore[no-untyped-def]
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES], ids=["full", "read-only", "no-permission"])
def test_a_full_or_read_only_cache_folder_still_answers(cache: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    from sanctiontrack.store import file

    expected = answers(sanctiontrack.load(WORLD, cache=False))
    cache.mkdir()
    if code == errno.ENOSPC:
        monkeypatch.setattr(file.os, "fsync", _failing(code))  # the disk fills while the store is flushed
    else:
        monkeypatch.setattr(file, "open", _failing(code), raising=False)
        monkeypatch.setattr(loading, "open", _failing(code), raising=False)
    for _ in range(2):
        assert answers(sanctiontrack.load(WORLD)) == expected
    assert list(cache.iterdir()) == []  # nothing half-written is left behind


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_cache_folder_with_a_store_still_opens_it(cache: Path) -> None:
    sanctiontrack.load(WORLD)
    cache.chmod(0o555)
    try:
        assert sanctiontrack.load(WORLD)._store is not None
    finally:
        cache.chmod(0o755)


def test_a_cache_path_that_is_a_file_still_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("SANCTIONTRACK_CACHE_DIR", str(blocker / "cache"))
    assert answers(sanctiontrack.load(WORLD)) == answers(sanctiontrack.load(WORLD, cache=False))


def test_old_stores_pickles_and_leftovers_are_pruned(cache: Path) -> None:
    cache.mkdir()
    old = time.time() - 10 * 86_400
    planted = []
    for n in range(6):
        path = cache / f"{n:064x}.store"
        path.write_bytes(b"old")
        os.utime(path, (old + n, old + n))
        planted.append(path)
    pickle_file = cache / f"{'a' * 64}.pickle"
    leftover = cache / f".{'b' * 64}.store.1.tmp"
    dangling = cache / f"{'c' * 64}.ref"
    dangling.write_text(json.dumps({"store": "d" * 64}))
    for path in (pickle_file, leftover):
        path.write_bytes(b"x")
        os.utime(path, (old, old))
    sanctiontrack.load(WORLD)
    kept = sorted(p.name for p in cache.glob("*.store"))
    assert len(kept) == loading.KEEP
    assert f"{loading.store_key([WORLD])}.store" in kept
    assert [p.name for p in planted if p.exists()] == [p.name for p in planted[-(loading.KEEP - 1) :]]  # the newest ones
    assert not pickle_file.exists() and not leftover.exists() and not dangling.exists()


@pytest.mark.parametrize("given", ["a missing file", "an empty folder", "a link out of its folder"])
def test_a_path_that_gives_no_file_is_refused_not_answered_from_the_store_of_the_others(cache: Path, tmp_path: Path, given: str) -> None:
    """The store of WORLD is cached; naming WORLD with a path that adds no file must not open it."""
    assert sanctiontrack.load(WORLD).restricted("acme", on="2020-01-01")
    folder = tmp_path / "more"
    folder.mkdir()
    if given == "a missing file":
        path, message = tmp_path / "typo.yaml", "no such file or folder"
    elif given == "an empty folder":
        path, message = folder, "no .yaml or .yml files in this folder"
    else:
        (folder / "outside.yaml").symlink_to(tmp_path / "elsewhere.yaml")
        (tmp_path / "elsewhere.yaml").write_text("entities: []\n", encoding="utf-8")
        path, message = folder, "refused: a link that leaves the folder"
    stores = sorted(cache.glob("*.store"))
    with pytest.raises(DataError, match=message):
        sanctiontrack.load([WORLD, path])
    with pytest.raises(DataError, match=message):
        loading.build_store([WORLD, path])
    with pytest.raises(DataError, match=message):
        loading.store_key([WORLD, path])
    assert sorted(cache.glob("*.store")) == stores  # nothing built for them


def test_an_explicit_store_file_is_opened_or_refused(tmp_path: Path) -> None:
    path = tmp_path / "world.store"
    loading.write_store(sanctiontrack.load(WORLD, cache=False), path, "k")
    assert sanctiontrack.load(path).restricted("acme", on="2020-01-01")
    path.write_bytes(path.read_bytes()[:-3])
    with pytest.raises(StoreError, match="damaged or foreign store"):
        sanctiontrack.load(path)


def test_a_query_answered_from_a_store_imports_no_parser(cache: Path) -> None:
    """The CLI's query path reads the store only: no pydantic, YAML reader, checks, NumPy, DuckDB, other questions' results or tables."""
    sanctiontrack.load()  # builds the bundled data's store
    script = (
        "import sys\n"
        "from sanctiontrack.cli.app import app\n"
        "app(['restrictions', 'Huawei', '--on', '2020-02-20'], standalone_mode=False)\n"
        "heavy = ('pydantic', 'yaml', 'numpy', 'duckdb', 'rapidfuzz', 'sanctiontrack.io.read', 'sanctiontrack.io.schema',"
        " 'sanctiontrack.checks', 'sanctiontrack.query.reports', 'rich.table')\n"
        "print('LOADED', sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    env = {**os.environ, "SANCTIONTRACK_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True, timeout=120)
    assert "RESTRICTED" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "LOADED []"


@pytest.mark.parametrize("page", ["1e999", "-1e999", "[[[[" * 300 + "]]]]" * 300])
def test_a_planted_header_with_a_valid_checksum_and_absurd_numbers_is_rebuilt(cache: Path, page: str) -> None:
    """Issue 14 item 1: a header whose CRC is right but whose numbers overflow (or nest deeply) is damaged, never a traceback."""
    import zlib

    from sanctiontrack.store import file

    sanctiontrack.load(WORLD)
    path = the_store(cache)
    whole = path.read_bytes()
    _, version, length = file._HEAD.unpack_from(whole, 0)
    header = json.loads(whole[file._HEAD.size : file._HEAD.size + length])
    text = json.dumps(header).replace(f'"page": {header["page"]}', f'"page": {page}').encode()
    planted = file._HEAD.pack(file.MAGIC, version, len(text)) + text
    path.write_bytes(planted + file._CRC.pack(zlib.crc32(planted)) + whole[file._HEAD.size + length + file._CRC.size :])
    tracker = sanctiontrack.load(WORLD)
    assert tracker._store is None and answers(tracker) == answers(sanctiontrack.load(WORLD, cache=False))


def test_a_folder_where_the_store_goes_leaves_no_temporary_file(cache: Path) -> None:
    """Issue 14 item 8: the store's path being a folder still answers, and no temporary file is left behind."""
    expected = answers(sanctiontrack.load(WORLD, cache=False))
    sanctiontrack.load(WORLD)
    path = the_store(cache)
    path.unlink()
    path.mkdir()
    for _ in range(2):
        assert answers(sanctiontrack.load(WORLD)) == expected
    assert not [p.name for p in cache.iterdir() if p.name.endswith(".tmp")]


def test_every_id_has_one_number_whether_looked_up_by_hash_or_from_the_whole_id_table(tmp_path: Path) -> None:
    from sanctiontrack.store.store import Store

    tracker = sanctiontrack.load(WORLD, cache=False)
    path = tmp_path / "world.store"
    loading.write_store(tracker, path, "test")
    ids = [e.id for e in tracker.entities]
    hashed, whole = Store(path, "test"), Store(path, "test")
    whole._numbers = whole._id_table()
    for store in (hashed, whole):
        assert [store.entity_number(i) for i in ids] == list(range(len(ids)))
        assert [store.entity_id(n) for n in range(len(ids))] == ids
        assert store.entity_number("no-such-entity") is None


def _rewritten(path: Path, section: str, change: Callable[[bytes], bytes]) -> None:
    """Write the store at ``path`` again with one section's bytes changed, every checksum made right for them."""
    from sanctiontrack.store.file import Reader, Writer

    reader = Reader(path)
    writer = Writer()
    for name, (_offset, length, kind) in reader._sections.items():
        data = reader.bytes_at(name, 0, length)
        writer.add(name, kind, change(data) if name == section else data)
    key, meta = reader.key, reader.meta
    reader.close()
    writer.write(path, key, meta)


def test_every_entitys_days_are_the_same_read_page_by_page_or_from_the_whole_day_index(tmp_path: Path) -> None:
    """A process that asks about many entities reads the day index whole; it must give each entity the days a page read gives."""
    from sanctiontrack.store.store import Store

    path = tmp_path / "world.store"
    loading.write_store(sanctiontrack.load(WORLD, cache=False), path, "test")
    paged, whole = Store(path, "test"), Store(path, "test")
    whole._all_bounds = whole._read_all_bounds()
    count = paged.entity_count
    assert [whole.bounds(n) for n in range(count)] == [paged.bounds(n) for n in range(count)]
    assert any(len(paged.bounds(n)) > 2 for n in range(count))  # some entity was restricted, lifted and restricted again
    with pytest.raises(StoreError, match="no row"):
        whole.bounds(count)


def test_days_out_of_order_are_refused_whether_read_page_by_page_or_whole(tmp_path: Path) -> None:
    """Checksums cannot catch a store written with one entity's days swapped; the order check must, on either path."""
    from sanctiontrack.store.store import Store

    path = tmp_path / "world.store"
    loading.write_store(sanctiontrack.load(WORLD, cache=False), path, "test")
    store = Store(path, "test")
    number = next(n for n in range(store.entity_count) if len(store.bounds(n)) >= 2)
    start = store._span("bounds", number)[0]
    width = struct.calcsize(store.file.raw("bounds.days")[2])
    store.file.close()

    def swap(data: bytes) -> bytes:
        at = start * width
        return data[:at] + data[at + width : at + 2 * width] + data[at : at + width] + data[at + 2 * width :]

    _rewritten(path, "bounds.days", swap)
    with pytest.raises(StoreError, match=f"entity {number} out of order"):
        Store(path, "test").bounds(number)
    with pytest.raises(StoreError, match=f"entity {number} out of order"):
        Store(path, "test")._read_all_bounds()


def test_who_links_to_whom_is_read_per_entity_from_a_table_not_parsed_with_the_header(tmp_path: Path) -> None:
    """The header is parsed on every open; the index of linking entities grows with the data, so it is a table read when asked."""
    from sanctiontrack.store.store import Store

    parsed = sanctiontrack.load(WORLD, cache=False)
    path = tmp_path / "world.store"
    loading.write_store(parsed, path, "test")
    expected: dict[str, tuple[str, ...]] = {}
    for entity in parsed.entities:
        for target in dict.fromkeys(link.entity for link in entity.links):
            expected[target] = (*expected.get(target, ()), entity.id)
    store = Store(path, "test")
    assert "linked_from" not in store.meta
    assert dict(store.linked_from()) == expected and len(expected) >= 2
    assert store.linked_from().get("no-such-entity") is None


def test_every_row_is_the_same_found_by_its_offsets_page_or_by_the_whole_offset_array(tmp_path: Path) -> None:
    """A question reads a row's two offsets from their own page, whatever the table's size; a busy process checks the whole array once."""
    from sanctiontrack.store import store as stores

    path = tmp_path / "world.store"
    loading.write_store(sanctiontrack.load(WORLD, cache=False), path, "test")
    paged, whole = stores.Store(path, "test"), stores.Store(path, "test")
    tables = [name[: -len(".off")] for name in paged.file._sections if name.endswith(".off")]
    assert {"entities", "actions", "sources", "eids", "bounds"} <= set(tables)
    for name in tables:
        rows = len(paged.file.unchecked(f"{name}.off")) - 1
        whole._row_reads[name] = stores._PAGED_ROWS  # the next read checks and keeps the whole array
        assert [whole._span(name, n) for n in range(rows)] == [stores.Store(path, "test")._span(name, n) for n in range(rows)]
        assert name in whole._offsets
        for store in (paged, whole):
            with pytest.raises(StoreError, match="no row"):
                store._span(name, rows)
    fresh = stores.Store(path, "test")
    for n in range(min(fresh.entity_count, 3)):
        fresh.entity(n)
    assert "entities" not in fresh._offsets  # three rows read: no whole array checked


def _same_screener(got: Screener, made: Screener) -> None:
    """Two screeners with the same arrangement, word index and character index, array for array."""
    assert (got.keys, got.sorted_keys, got.in_order, got.lengths) == (made.keys, made.sorted_keys, made.in_order, made.lengths)
    for rows, expected in ((got.postings, made.postings), (got.word_sets, made.word_sets)):
        assert {label: list(row) for label, row in rows.items()} == expected
    for name, array in got._char_index().arrays().items():
        expected = made._char_index().arrays()[name]
        assert array.dtype == expected.dtype and array.tolist() == expected.tolist(), name


def test_screening_reads_the_arrangement_the_build_made_as_a_fresh_screener_makes_it(tmp_path: Path) -> None:
    """The store keeps the screener's arrangement and character index; reading them must give what building them gives."""
    opened = stored(sanctiontrack.load(cache=False), tmp_path)
    assert opened._store is not None
    got = opened._store.screener()
    _same_screener(got, Screener(opened.entities._name_keys()))
    assert len(got._char_index().tiers) > 1 and len(got.keys) > 10_000
    queries = [name_key(n) for e in list(opened.entities)[::50] for n in e.names]
    assert got.scores(queries, 85.0) == Screener(opened.entities._name_keys()).scores(queries, 85.0)


def _first_item(value: int) -> Callable[[bytes], bytes]:
    return lambda data: struct.pack("<q", value) + data[8:]


@pytest.mark.parametrize(
    ("section", "change", "says"),
    [
        ("screen.order", lambda data: data[4:8] + data[4:], "disagree"),  # one key twice, another left out
        ("screen.order", lambda data: data[:-4], "not an arrangement"),
        ("screen.in_order", _first_item(10**6), "disagree"),
        ("screen.in_order", lambda data: data * 2, "not one count"),
        ("screen.sorted", lambda data: data.rsplit(b"\n", 1)[0], "disagree"),
        ("screen.tier_keys", _first_item(10**6), "out of range"),
        ("screen.tier_keys", lambda data: data[8:16] + data[8:], "placed twice"),
        ("screen.tier_levels", _first_item(0), "levels disagree"),
        ("screen.tier_levels", lambda data: data[:-8], "screening index"),
        ("screen.tier_codes", lambda data: data[:-4], "wrong lengths"),
        ("screen.bucket_of", _first_item(99), "buckets out of range"),
        ("screen.postings", lambda data: struct.pack("<I", 10**6) + data[4:], "postings: a key position out of range"),
        ("screen.postings.off", lambda data: data[:-8], "postings: rows and their offsets disagree"),
        ("screen.postings", lambda data: bytes(len(data)), "postings: a row out of order"),  # every row all key 0
        ("screen.word_sets.labels", lambda data: b"\n".join([data.split(b"\n")[0], *data.split(b"\n")[:-1]]), "word sets: a label twice"),
    ],
)
def test_a_damaged_screening_index_is_refused_never_scored_from(
    tmp_path: Path, section: str, change: Callable[[bytes], bytes], says: str
) -> None:
    """Checksums cannot catch a store written with a wrong screening index; its checks must, before a name is scored."""
    path = tmp_path / "world.store"
    loading.write_store(sanctiontrack.load(WORLD, cache=False), path, "test")
    _rewritten(path, section, change)
    with pytest.raises(StoreError, match=says):
        loading.open_store(path, "test").screen(["ACME TECHNOLOGY"], on="2020-06-01")


def _names_store(path: Path, buckets: dict[str, bytes]) -> None:
    """A store holding a name dictionary with these raw buckets (checksums valid) and two entities, ``a`` and ``b``."""
    from sanctiontrack.store.build import _strings, key_hash
    from sanctiontrack.store.file import Writer

    writer = Writer()
    ordered = sorted(buckets.items(), key=lambda item: key_hash(item[0]))
    writer.add("names.hash", "Q", struct.pack(f"<{len(ordered)}Q", *(key_hash(key) for key, _ in ordered)))
    _strings(writer, "names", (blob for _, blob in ordered))
    _strings(writer, "eids", [b"a\n", b"b\n"])
    writer.write(path, "test", {"counts": {"entities": 2, "actions": 0, "sources": 0, "items": 0}})


@pytest.mark.parametrize("bulk_from", [0, 10**9], ids=["bulk", "key by key"])
def test_a_name_bucket_that_is_not_one_value_is_refused_never_read_as_its_neighbours(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bulk_from: int
) -> None:
    """A bucket holding two JSON values (written so, checksums valid) must not shift the buckets after it in a bulk parse."""
    from sanctiontrack.store import store as store_module
    from sanctiontrack.store.store import Store

    monkeypatch.setattr(store_module, "_BULK_KEYS", bulk_from)
    good = {f"name {n}": json.dumps([[f"name {n}", [[0, n % 2, f"Name {n}"]]]]).encode() for n in range(6)}
    path = tmp_path / "names.store"
    _names_store(path, good)
    assert Store(path, "test").named_many(list(good)) == [[(0, "ab"[n % 2], f"Name {n}")] for n in range(6)]
    planted = {**good, "name 2": good["name 2"] + b"," + good["name 3"]}  # one row that parses as two
    _names_store(path, planted)
    with pytest.raises(StoreError, match="names: row"):
        Store(path, "test").named_many(list(planted))
    assert Store(path, "test").named_many(["name 4", "name 5"]) == [[(0, "a", "Name 4")], [(0, "b", "Name 5")]]


def _hash_store(path: Path, hashes: list[int]) -> None:
    from sanctiontrack.store.file import Writer

    writer = Writer()
    writer.add("t.hash", "Q", struct.pack(f"<{len(hashes)}Q", *hashes))
    writer.write(path, "test", {"counts": {"entities": 0, "actions": 0, "sources": 0, "items": 0}})


def test_a_hash_lookup_is_found_or_refused_even_when_a_page_it_bisects_through_is_damaged(tmp_path: Path) -> None:
    """A lookup checks only the pages where its bisection stops; a damaged page on the way must not make it miss or misplace a key."""
    from sanctiontrack.store.file import PAGE
    from sanctiontrack.store.store import Store

    rng = random.Random(5)
    per_page = PAGE // 8
    hashes = sorted(rng.sample(range(1, 2**63), 5 * per_page))  # five pages of sorted hashes
    path = tmp_path / "hashes.store"
    _hash_store(path, hashes)
    probes = [*rng.sample(hashes, 300), *(rng.randrange(2**63) for _ in range(300)), 0, 2**64 - 1]
    good = Store(path, "test")
    index = {h: n for n, h in enumerate(hashes)}
    expected = [index.get(w) for w in probes]
    assert [good._find("t.hash", w) for w in probes] == expected
    good.file.close()
    body = bytearray(path.read_bytes())
    offset = good.file._base + good.file._sections["t.hash"][0]
    middle = offset + 2 * PAGE  # the page every bisection reads first
    body[middle : middle + PAGE] = b"\xff" * PAGE  # damaged: its checksum no longer matches
    path.write_bytes(bytes(body))
    refusals = []
    for wanted, found in zip(probes, expected, strict=True):
        store = Store(path, "test")
        try:
            got = store._find("t.hash", wanted)
        except StoreError as err:
            refusals.append(str(err))
        else:
            assert got == found, wanted
    assert 0 < len(refusals) < len(probes)  # keys past the damaged page's first item are refused, the rest found as before
    assert all("page 2 checksum mismatch" in said for said in refusals)

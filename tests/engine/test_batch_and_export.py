"""Many questions at once: restricted_many, the CLI's --batch, and the Parquet tables joined in DuckDB as the library answers."""

from __future__ import annotations

import csv
import datetime
import io
import random
from pathlib import Path

import duckdb
import numpy as np
import pytest
from typer.testing import CliRunner

import sanctiontrack
from sanctiontrack import AmbiguousEntityError, QueryError, UnknownEntityError
from sanctiontrack.cli.app import app
from sanctiontrack.query.export import POINT_IN_TIME_SQL, export_parquet, questions_table
from tests.data.facts import tracker

runner = CliRunner()
DOCS = Path(__file__).parents[2] / "docs"


def _denotes_one(t: sanctiontrack.Tracker, name: str) -> bool:
    """Whether ``name`` resolves (a name some entities share alike is ambiguous, for both ways of asking)."""
    try:
        t.entities.resolve(name)
    except AmbiguousEntityError:
        return False
    return True


def test_restricted_many_answers_each_question_as_restricted_does() -> None:
    t = tracker()
    rng = random.Random(3)
    names = [n for n in (rng.choice(e.names) for e in t.entities for _ in range(4)) if _denotes_one(t, n)]
    days = [datetime.date(2017, 1, 1) + datetime.timedelta(days=rng.randrange(3600)) for _ in names]
    got = t.restricted_many(names, days)
    assert got.dtype == bool and got.tolist() == [t.restricted(n, on=d) for n, d in zip(names, days, strict=True)]
    assert any(got) and not all(got)
    as_numpy = np.array(days, dtype="datetime64[D]")
    assert t.restricted_many(names, as_numpy).tolist() == got.tolist()
    assert t.restricted_many(names, [d.isoformat() for d in days]).tolist() == got.tolist()


def test_restricted_many_over_a_few_entities_answers_each_question_as_restricted_does(tmp_path: Path) -> None:
    """A batch naming a few of a store's entities searches their days alone; every answer must still be restricted()'s."""
    from sanctiontrack.query.load import write_store
    from sanctiontrack.query.tracker import _FEW_ASKED

    parsed = tracker()
    write_store(sanctiontrack.load(cache=False), tmp_path / "bundled.store", "test")
    opened = sanctiontrack.load(tmp_path / "bundled.store")
    assert opened._store is not None
    rng = random.Random(8)
    asked = rng.sample([e.id for e in parsed.entities], 25)
    assert len(asked) * _FEW_ASKED < opened._store.entity_count  # the compact path is the one taken
    ids = [rng.choice(asked) for _ in range(5000)]
    days = [datetime.date(2017, 1, 1) + datetime.timedelta(days=rng.randrange(3600)) for _ in ids]
    got = opened.restricted_many(ids, days)
    assert got.tolist() == [parsed.restricted(i, on=d) for i, d in zip(ids, days, strict=True)]
    assert any(got) and not all(got)
    assert opened.restricted_many([], []).tolist() == []


def test_restricted_many_refuses_what_it_cannot_answer() -> None:
    t = tracker()
    with pytest.raises(UnknownEntityError) as caught:
        t.restricted_many(["Huawei", "Nobody Widgets"], ["2020-01-01", "2020-01-01"])
    assert "at position 1" in "\n".join(caught.value.__notes__)
    with pytest.raises(AmbiguousEntityError, match="3 entities bear this name"):  # Huawei's own a.k.a. and two affiliates' names
        t.restricted_many(["Huawei", "Huawei Technology"], ["2020-01-01", "2020-01-01"])
    with pytest.raises(QueryError, match=r"'days'\[1\]"):
        t.restricted_many(["Huawei", "Huawei"], ["2020-01-01", "2020-13-01"])
    with pytest.raises(QueryError, match="2 items but 'days' has 1"):
        t.restricted_many(["Huawei", "ZTE"], ["2020-01-01"])
    with pytest.raises(QueryError, match="not single values"):
        t.restricted_many("Huawei", ["2020-01-01"])


def test_batch_prints_a_verdict_per_row() -> None:
    rows = "name,date\nHuawei,2019-05-15\nhuawei,2019-05-16\n科大讯飞,2019-10-09\n"
    result = runner.invoke(app, ["restrictions", "--batch", "-"], input=rows)
    assert result.exit_code == 0, result.stderr
    assert list(csv.reader(io.StringIO(result.stdout))) == [
        ["name", "date", "entity", "restricted"],
        ["Huawei", "2019-05-15", "huawei", "false"],
        ["huawei", "2019-05-16", "huawei", "true"],
        ["科大讯飞", "2019-10-09", "iflytek", "true"],
    ]


def test_bad_batch_rows_are_located_and_nothing_is_answered(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text('Huawei,2019-05-15\nNobody Widgets,2020-01-01\nZTE,2019-13-01\nonly a name\n\n"unclosed,2020-01-01\n', encoding="utf-8")
    result = runner.invoke(app, ["restrictions", "--batch", str(path)])
    assert result.exit_code == 1 and result.stdout == ""
    assert f"{path}:6:1: not valid CSV" in result.stderr
    path.write_text("Huawei,2019-05-15\nNobody Widgets,2020-01-01\nZTE,2019-13-01\nonly a name\n\n", encoding="utf-8")
    result = runner.invoke(app, ["restrictions", "--batch", str(path)])
    assert result.exit_code == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{path}:2:1: no entity matches 'Nobody Widgets'")
    assert lines[1:4] == [
        f"{path}:3:2: expected a date like 2019-10-09 (got '2019-13-01')",
        f"{path}:4:2: expected a name and a date, got 1 column(s)",
        f"{path}:5:1: empty row (expected a name and a date)",
    ]
    assert "4 bad row(s)" in lines[-1]


@pytest.mark.parametrize(
    ("header", "twice"), [("name,name,date", "'name' twice (columns 1 and 2)"), ("name,date,date", "'date' twice (columns 2 and 3)")]
)
def test_a_batch_header_naming_a_column_twice_is_an_error_not_a_guess(tmp_path: Path, header: str, twice: str) -> None:
    """`name,name,date` once asked about the first column only: the second's names went unasked, with exit 0."""
    path = tmp_path / "rows.csv"
    path.write_text(f"{header}\nHuawei,ZTE,2020-02-20\n", encoding="utf-8")
    result = runner.invoke(app, ["restrictions", "--batch", str(path)])
    assert result.exit_code == 1 and result.stdout == ""
    assert f"{path}:1:1: the header row names {twice}; keep one" in result.stderr


def test_batch_takes_no_single_question_options() -> None:
    result = runner.invoke(app, ["restrictions", "Huawei", "--batch", "-"], input="Huawei,2020-01-01\n")
    assert result.exit_code == 2 and "--batch" in result.stderr


def test_build_writes_a_store_that_queries_open(tmp_path: Path) -> None:
    out = tmp_path / "bundled.store"
    result = runner.invoke(app, ["build", "--output", str(out)])
    assert result.exit_code == 0 and out.is_file(), result.stderr
    result = runner.invoke(app, ["restrictions", "iFlyTek", "--on", "2019-10-09", "--data", str(out), "-f", "json"])
    assert result.exit_code == 0 and '"restricted": true' in result.stdout


def test_export_parquet_needs_a_folder(tmp_path: Path) -> None:
    assert runner.invoke(app, ["export", "--format", "parquet"]).exit_code == 2
    result = runner.invoke(app, ["export", "--format", "parquet", "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["names.parquet", "segments.parquet"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    folder = tmp_path_factory.mktemp("parquet")
    segments, names = export_parquet(sanctiontrack.load(), folder)
    con = duckdb.connect()
    con.execute(f"CREATE VIEW segments AS SELECT * FROM '{segments}'")
    con.execute(f"CREATE VIEW names AS SELECT * FROM '{names}'")
    return con


def test_the_segment_table_has_the_documented_columns(exported: duckdb.DuckDBPyConnection) -> None:
    columns = exported.execute("DESCRIBE segments").fetchall()
    assert [(c[0], c[1]) for c in columns] == [
        ("entity", "VARCHAR"),
        ("action", "VARCHAR"),
        ("from_day", "DATE"),
        ("until_day", "DATE"),
        ("status", "VARCHAR"),
        ("basis", "VARCHAR"),
    ]
    huawei = exported.execute(
        "SELECT action, from_day FROM segments WHERE entity = 'huawei' AND action = 'us-bis-2019-huawei-entity-list'"
    ).fetchall()
    assert huawei == [("us-bis-2019-huawei-entity-list", datetime.date(2019, 5, 16))]


def test_a_million_questions_joined_in_duckdb_answer_as_the_library_does(exported: duckdb.DuckDBPyConnection) -> None:
    t = sanctiontrack.load()
    rng = random.Random(7)
    spellings = [n for e in t.entities for n in (*e.names, e.id, e.name.upper())] + ["Nobody Widgets", "huawei"]
    first = datetime.date(2015, 1, 1).toordinal()
    count = 1_000_000
    names = rng.choices(spellings, k=count)
    days = [datetime.date.fromordinal(first + rng.randrange(4000)) for _ in range(count)]
    table = questions_table(names, days)
    exported.register("raw_questions", table)
    exported.execute(
        "CREATE OR REPLACE VIEW questions AS SELECT row_id, name, name_key, spelling, DATE '1970-01-01' + day AS day FROM raw_questions"
    )
    rows = exported.execute(POINT_IN_TIME_SQL + " ORDER BY row_id").fetchnumpy()
    assert (rows["row_id"] == np.arange(count)).all()
    known: dict[str, str | None] = {}
    for name in set(names):
        try:
            known[name] = t.entities.resolve(name)[0].id
        except UnknownEntityError:
            known[name] = None
    assert [None if e is None or e is np.ma.masked else e for e in rows["entity"].tolist()] == [known[n] for n in names]
    answerable = np.array([known[n] is not None for n in names])
    expected = t.restricted_many([n for n in names if known[n] is not None], np.array(days, dtype="datetime64[D]")[answerable])
    got = np.asarray(rows["restricted"], dtype=bool)
    assert (got[answerable] == expected).all()
    assert 0.05 < expected.mean() < 0.95
    assert not got[~answerable].any()


def test_the_docs_show_the_query_the_tests_run() -> None:
    page = (DOCS / "scale.md").read_text(encoding="utf-8")
    assert POINT_IN_TIME_SQL.strip() in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "csv", "--what", "all"], "--what all is exported as JSON only"),
        (["--format", "csv", "--what", "items"], "--what items is exported as JSON only"),
        (["--format", "parquet", "--output", "out", "--what", "entities"], "--what does not apply to --format parquet"),
    ],
)
def test_an_export_asked_for_what_its_format_cannot_hold_is_refused_not_narrowed(tmp_path: Path, args: list[str], message: str) -> None:
    """`export -f csv --what all` once wrote the actions alone, with exit 0."""
    args = [str(tmp_path / a) if a == "out" else a for a in args]
    result = runner.invoke(app, ["export", *args])
    assert result.exit_code == 2 and result.stdout == "" and message in result.stderr
    assert not (tmp_path / "out").exists()


def test_csv_exports_actions_unless_asked_for_entities() -> None:
    assert runner.invoke(app, ["export", "--format", "csv"]).stdout.startswith("id,kind,title,jurisdiction,")
    assert runner.invoke(app, ["export", "--format", "csv", "--what", "entities"]).stdout.startswith("id,name,kind,country,aliases\n")


def test_a_batch_name_of_several_entities_is_ambiguous_not_counted_as_not_covered(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("China,2020-02-20\nNobody Widgets,2020-01-01\n", encoding="utf-8")
    result = runner.invoke(app, ["restrictions", "--batch", str(path)])
    assert result.exit_code == 1 and result.stdout == ""
    assert f"{path}:1:1: 'China' is not one entity" in result.stderr
    assert "1 name(s) not covered;" in result.stderr  # Nobody Widgets only

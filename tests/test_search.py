"""Finding things: ranked search, forgiving lookups, cross-links and shell completion."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hfs_info import query, search, store
from hfs_info.document import HIGHLIGHT_END, HIGHLIGHT_START
from hfs_info.errors import HfsError, NotFoundError
from tests.conftest import run_process

DS = store.load_packaged()


# Real questions and the records that answer them; the first hit must be one of them.
QUESTIONS = [
    ("how long does botox last", {("treatment", "Botox injections: how long it lasts")}),
    ("how soon does botox work", {("treatment", "Botox injections: how soon it works")}),
    ("Tegretol", {("drug", "carbamazepine (Tegretol)")}),
    ("seventh cranial nerve", {("glossary", "facial nerve"), ("section", "The facial nerve")}),
    ("tic convulsif", {("glossary", "hemifacial spasm"), ("section", "What is hemifacial spasm?")}),
    (
        "what is MVD",
        {("glossary", "microvascular decompression")}
        | {
            ("treatment", f"Microvascular decompression (MVD){a}")
            for a in ("", ": in short", ": side effects")
        },
    ),
    ("recurrence after surgery", {("statistic", "7%: Results of surgery, in general")}),
    (
        "how many people get it",
        {("statistic", "8 per 100,000 people: Who is affected"), ("section", "Who is affected?")},
    ),
    ("EMG", {("glossary", "electromyogram")}),
    (
        "blood tests",
        {("treatment", "Medication: monitoring"), ("treatment", "Medication: limitations")},
    ),
    ("craniectomy", {("figure", "Figure 2")}),
    ("Samii", {("reference", "Reference 2")}),
    (
        "injections",
        {("treatment", "Botox injections"), ("statistic", "1 to 3 injections: Botox injections")},
    ),
]


@pytest.mark.parametrize(("question", "answers"), QUESTIONS, ids=[q for q, _ in QUESTIONS])
def test_the_expected_record_ranks_first(question: str, answers: set[tuple[str, str]]) -> None:
    first = search.search(DS, question)[0]
    title = first.title.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")
    assert (first.kind, title) in answers


def test_stemming_finds_other_forms() -> None:
    hits = search.search(DS, "injection")
    assert any("injections" in h.snippet + h.title for h in hits)
    assert search.search(DS, "relaxing")  # relaxes / relax


def test_phrase_and_prefix() -> None:
    phrase = search.search(DS, '"facial nerve"', limit=50)
    assert all(
        re.search(f"{HIGHLIGHT_START}facial nerve", h.snippet + h.title, re.I) for h in phrase
    )
    prefix = search.search(DS, "carbam*")
    assert prefix[0].title.endswith("(Tegretol)")


def test_fts_syntax_is_never_passed_through() -> None:
    assert search.fts_query('botox AND (nerve OR "x') == '"botox" OR "nerve" OR "x"'
    assert (
        search.fts_query("a:b -c NEAR(d, e) NOT") == '"b" OR "c" OR "NEAR" OR "d" OR "e" OR "NOT"'
    )
    assert search.fts_query("((( ))) *") is None


def test_no_match_suggests_words() -> None:
    with pytest.raises(NotFoundError) as info:
        search.search(DS, "botx")
    assert "botox" in info.value.suggestions


def test_limit(run) -> None:
    data = json.loads(run("search", "nerve", "--limit", "2", "-f", "json").stdout)
    assert [r["rank"] for r in data["results"]] == [1, 2]
    assert run("search", "nerve", "--limit", "0").status == 2


def test_search_formats(run) -> None:
    data = json.loads(run("search", "botox", "duration", "-f", "json").stdout)
    first = data["results"][0]
    for start, end in first["highlights"]:
        assert first["snippet"][start:end].casefold().startswith(("botox", "last", "dur"))
    assert HIGHLIGHT_START not in json.dumps(data)
    plain = run("search", "botox", "-f", "plain").stdout
    assert HIGHLIGHT_START not in plain and "\x1b" not in plain
    markdown = run("search", "botox", "-f", "markdown").stdout
    assert "**Botox**" in markdown
    table = run("search", "botox", "--color", "always").stdout
    assert "\x1b[1;7mBotox" in table  # bold reverse marks the match
    assert run("search", "botox", "-f", "csv").stdout.startswith("rank,kind,title,command,snippet")


def test_search_not_found_exit_1(run) -> None:
    result = run("search", "zzzqqq")
    assert result.status == 1
    assert result.stdout == ""
    assert result.stderr == "hfs-info: nothing matches 'zzzqqq'\n"


HOSTILE_QUERY = st.lists(
    st.sampled_from(
        [
            *"\"'()[]{}*-+:^~<>|/\\,.;",
            "AND",
            "OR",
            "NOT",
            "NEAR",
            "NEAR(",
            "botox",
            "nerve",
            "\x00",
            "\x1b[31m",
            "\u202e",
            "é",
            " ",
        ]
    ),
    min_size=1,
    max_size=20,
).map("".join) | st.text(min_size=1, max_size=100)


@settings(max_examples=300, deadline=None)
@given(HOSTILE_QUERY)
def test_search_raises_only_domain_errors(text: str) -> None:
    try:
        hits = search.search(DS, text)
    except HfsError:
        return
    assert hits


@pytest.mark.parametrize("command", ["search", "glossary", "treatments"])
@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=HOSTILE_QUERY)
def test_cli_lookups_exit_0_or_1_and_print_no_controls(run, command: str, text: str) -> None:
    if text.lstrip().startswith("-") or not text.strip() or len(text.strip()) > 200:
        return  # options and empty/over-long queries are usage errors, tested elsewhere
    result = run(command, text, "-f", "plain")
    assert result.status in (0, 1)
    shown = result.stdout + result.stderr
    assert not any(unicodedata.category(c) == "Cc" and c not in "\n" for c in shown), repr(shown)
    assert "\u202e" not in shown


# --- forgiving lookups ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "heading"),
    [
        (["Tegretol"], "carbamazepine (Tegretol)"),
        (["klonopin"], "clonazepam (Klonopin)"),
        (["phenytoin"], "phenytoin (Dilantin)"),
    ],
)
def test_brand_and_generic_names_lead_to_the_drug(run, words, heading) -> None:
    result = run("glossary", *words)
    assert result.status == 0
    assert result.stdout.startswith(heading + "\n")
    data = json.loads(run("glossary", *words, "-f", "json").stdout)
    assert data["kind"] == "drug"


def test_drug_names_lead_to_the_medication_treatment() -> None:
    assert query.find_treatment(DS, "Tegretol").id == "medication"
    assert query.find_treatment(DS, "valium").id == "medication"


def test_accents_and_curly_apostrophes(run) -> None:
    assert run("glossary", "Bell’s", "pálsy").stdout.startswith("Bell's palsy\n")


# --- cross-links ----------------------------------------------------------------------------


def test_glossary_term_says_where_it_appears(run) -> None:
    data = json.loads(run("glossary", "trigeminal neuralgia", "-f", "json").stdout)
    assert data["appears_in"] == [{"command": "hfs-info causes", "title": "Causes"}]
    mvd = json.loads(run("glossary", "mvd", "-f", "json").stdout)
    assert {"command": "hfs-info treatments mvd", "title": "Microvascular decompression (MVD)"} in (
        mvd["appears_in"]
    )


def test_explain_appends_the_terms_used(run) -> None:
    result = run("causes", "--explain", "-f", "plain")
    assert result.status == 0
    tail = result.stdout.split("Terms used\n----------\n")[1]
    for term in ("Bell's palsy", "facial nerve", "trigeminal neuralgia", "hemifacial spasm"):
        assert f"\n{term}\n" in f"\n{tail}"
    assert result.stdout.rstrip().endswith("health care provider.")
    data = json.loads(run("causes", "--explain", "-f", "json").stdout)
    assert [e["term"] for e in data["explained"]] == [
        "Bell's palsy",
        "facial nerve",
        "trigeminal neuralgia",
        "hemifacial spasm",
    ]


def test_explain_says_when_no_term_appears(run) -> None:
    result = run("symptoms", "--explain", "-f", "plain")
    assert "No glossary term appears in this text." in result.stdout


# --- shell completion -----------------------------------------------------------------------


def complete(shell: str, words: str, cword: int | None = None) -> list[str]:
    env = {"_HFS_INFO_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        env |= {"COMP_WORDS": words, "COMP_CWORD": str(cword)}
    else:
        env |= {"_TYPER_COMPLETE_ARGS": words, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    result = run_process(env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.decode().splitlines()


def test_bash_completes_commands_terms_and_treatments() -> None:
    assert "glossary" in complete("bash", "hfs-info gl", 1)
    assert complete("bash", "hfs-info glossary mv", 2) == ["mvd"]
    assert complete("bash", "hfs-info glossary te", 2) == ["tegretol"]
    assert "surgery" in complete("bash", "hfs-info treatments s", 2)
    assert "--format" in complete("bash", "hfs-info stats --fo", 2)


def test_zsh_and_fish_complete_terms() -> None:
    assert '"tic convulsif"' in "\n".join(complete("zsh", "hfs-info glossary tic"))
    fish = complete("fish", "hfs-info treatments bo")
    assert any(line.startswith("botox") for line in fish)


def test_completion_scripts_install_instructions(run) -> None:
    result = run_process("--show-completion", "bash", env={"SHELL": "/bin/bash"})
    assert result.returncode == 0
    assert b"_HFS_INFO_COMPLETE" in result.stdout

"""The packaged dataset: it loads, and every fact of the source is present and exact."""

from __future__ import annotations

import pytest

from hfs_info import store
from hfs_info.models import Dataset


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return store.load_packaged()


# Every number of the source (Mayfield Clinic, "Hemifacial Spasm", July 2018), written out by
# hand from the source: (id, value, max_value, unit, approximate, reference).
SOURCE_FIGURES = [
    ("onset-near-eye", 92, None, "percent", False, None),
    ("onset-near-chin", 8, None, "percent", False, None),
    ("people-affected", 8, None, "per 100,000 people", False, None),
    ("average-onset-age", 44, None, "years", False, None),
    ("facial-nerve-branches", 5, None, "branches", False, None),
    ("botox-injections", 1, 3, "injections", False, None),
    ("botox-onset", 3, None, "days", False, None),
    ("botox-duration", 3, None, "months", False, None),
    ("mvd-return-to-life", 90, None, "percent", True, None),
    ("mvd-vessel-found", 90, None, "percent", False, None),
    ("mvd-immediate-relief", 85, None, "percent", False, "payner-tew-1996"),
    ("mvd-diminished", 9, None, "percent", False, "payner-tew-1996"),
    ("mvd-delay", 2, None, "percent", False, "payner-tew-1996"),
    ("mvd-recurrence", 7, None, "percent", False, "payner-tew-1996"),
]


def test_every_source_figure_is_present_and_exact(ds: Dataset) -> None:
    got = [(s.id, s.value, s.max_value, s.unit, s.approximate, s.reference) for s in ds.statistics]
    assert got == SOURCE_FIGURES


def test_statistic_displays(ds: Dataset) -> None:
    shown = {s.id: s.display for s in ds.statistics}
    assert shown["onset-near-eye"] == "92%"
    assert shown["mvd-return-to-life"] == "about 90%"
    assert shown["botox-injections"] == "1 to 3 injections"
    assert shown["people-affected"] == "8 per 100,000 people"


def test_every_statistic_reference_exists(ds: Dataset) -> None:
    ids = {r.id for r in ds.references}
    assert all(s.reference in ids for s in ds.statistics if s.reference)


def test_figures_in_prose_match_statistics(ds: Dataset) -> None:
    """A number shown in a section's prose is the same number its statistic records."""
    text = {s.id: " ".join(s.paragraphs) for s in ds.sections}
    assert "92%" in text["symptoms"] and "8%" in text["symptoms"]
    assert "8 people in 100,000" in text["affected"] and "44" in text["affected"]
    assert "five main branches" in text["what-is"]
    mvd = next(t for t in ds.treatments if t.id == "mvd")
    for figure in ("85%", "9%", "2%", "7%"):
        assert figure in mvd.results
    assert "90%" in mvd.recovery and "two months" in mvd.recovery
    assert "90%" in mvd.findings


def test_provenance(ds: Dataset) -> None:
    p = ds.provenance
    assert p.publisher == "Mayfield Clinic"
    assert p.reviewer == "George Mandybur, MD"
    assert p.reviewer_affiliation == "Mayfield Clinic, Cincinnati, Ohio"
    assert p.updated == "July 2018"
    assert p.updated_year == 2018
    assert "HONcode" in p.standard
    assert p.copyright == "© Mayfield Clinic 1998-2018"
    assert (
        "not intended to take the place" in p.disclaimer and "health care provider" in p.disclaimer
    )
    assert p.contact.name == "Springfield Neurological and Spine Institute"
    assert p.contact.phone == "417-885-3888"


def test_references_are_the_sources_citations(ds: Dataset) -> None:
    citations = [r.citation for r in ds.references]
    assert citations == [
        "Payner TD, Tew JM Jr: Recurrence of hemifacial spasm after microvascular "
        "decompression. Neurosurgery 38:686-691, 1996.",
        "Samii M, Günther T, Iaconetta G, et al.: Microvascular decompression to treat "
        "hemifacial spasm: long-term results for a consecutive series of 143 patients. "
        "Neurosurgery 50:712-719, 2002.",
    ]


def test_medications(ds: Dataset) -> None:
    assert [(m.generic, m.brand, m.drug_class) for m in ds.medications] == [
        ("carbamazepine", "Tegretol", "anticonvulsant"),
        ("phenytoin", "Dilantin", "anticonvulsant"),
        ("baclofen", "Lioresal", "muscle relaxant"),
        ("diazepam", "Valium", "muscle relaxant"),
        ("clonazepam", "Klonopin", "muscle relaxant"),
    ]
    medication = next(t for t in ds.treatments if t.id == "medication")
    assert medication.side_effects == (
        "drowsiness",
        "unsteadiness",
        "nausea",
        "skin rash",
        "dependence",
    )
    assert "blood tests" in (medication.monitoring or "")


def test_treatments_cover_the_three_options(ds: Dataset) -> None:
    by_id = {t.id: t for t in ds.treatments}
    assert list(by_id) == ["medication", "botox", "mvd"]
    botox = by_id["botox"]
    assert botox.onset == "Usually works within three days."
    assert botox.duration == "Usually lasts three months."
    assert "1 to 3 injections" in botox.how_given
    assert botox.side_effects == (
        "temporary facial weakness",
        "drooping eyelid",
        "irritation and sensitivity of the eye",
    )
    assert "antibodies" in (botox.limitations or "")
    mvd = by_id["mvd"]
    assert "Teflon sponge" in mvd.how_it_works
    assert mvd.side_effects == ("decreased hearing", "facial weakness")
    assert "7th (facial) and 8th (hearing)" in (mvd.risks or "")
    # Where the source is silent the field is absent, never invented.
    assert by_id["medication"].onset is None and by_id["medication"].duration is None
    assert mvd.duration is None


def test_glossary_has_every_source_term_and_the_asked_for_aliases(ds: Dataset) -> None:
    source_terms = [e.term for e in ds.glossary if e.origin == "glossary"]
    assert source_terms == [
        "anticonvulsants",
        "Bell's palsy",
        "Botox",
        "facial nerve",
        "microvascular decompression",
        "trigeminal neuralgia",
    ]
    aliases = {e.term: e.aliases for e in ds.glossary}
    assert "MVD" in aliases["microvascular decompression"]
    assert "tic convulsif" in aliases["hemifacial spasm"]
    assert "seventh cranial nerve" in aliases["facial nerve"]


def test_figures_registries_links_and_nerve(ds: Dataset) -> None:
    assert [f.number for f in ds.figures] == [1, 2, 3, 4]
    assert "craniectomy" in ds.figures[1].caption
    assert [r.url for r in ds.registries] == [
        "http://www.clinicaltrials.gov",
        "http://www.centerwatch.com",
    ]
    assert [link.url for link in ds.links] == [
        "http://www.blepharospasm.org",
        "http://www.aanem.org/Patients",
    ]
    nerve = ds.nerve
    assert (nerve.cranial_number, nerve.main_branches, nerve.origin) == (7, 5, "the brainstem")


def test_records_are_immutable(ds: Dataset) -> None:
    with pytest.raises(AttributeError):
        ds.glossary[0].term = "changed"  # type: ignore[misc]


def test_packaged_resource_is_the_repository_file() -> None:
    """The wheel ships data/hemifacial_spasm.toml itself, not a copy that could drift."""
    from importlib.resources import files
    from pathlib import Path

    packaged = files("hfs_info.data").joinpath(store.PACKAGED_NAME).read_bytes()
    repo_file = Path(__file__).parents[1] / "data" / store.PACKAGED_NAME
    assert packaged == repo_file.read_bytes()

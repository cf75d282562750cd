"""What the exported page is about, as schema.org JSON-LD (the HTML page carries it).

Built from the dataset's records only: the names, symptoms and causes as the guide words them,
and only dates the guide gives (it says when it was updated, not when it was reviewed).
"""

from __future__ import annotations

from typing import Any

from hfs_info import query
from hfs_info.models import Dataset


def linked_data(ds: Dataset) -> dict[str, Any]:
    """The reference as a MedicalWebPage about the MedicalCondition, based on the guide (a
    MedicalWebPage of its own, with the guide's publisher, reviewer, copyright and date)."""
    p = ds.provenance
    condition_term = next((e for e in ds.glossary if e.id == "hemifacial-spasm"), None)
    condition: dict[str, Any] = {"@type": "MedicalCondition", "name": p.title}
    if condition_term is not None:
        condition["alternateName"] = list(condition_term.aliases)
        condition["description"] = condition_term.definition
    signs = [text for s in query.topic_sections(ds, "symptoms") for text in s.paragraphs]
    condition["signOrSymptom"] = [
        {"@type": "MedicalSignOrSymptom", "description": t} for t in signs
    ]
    # The causes section's last paragraph relates the condition to trigeminal neuralgia; the
    # ones before it name the causes.
    causes = [text for s in query.topic_sections(ds, "causes") for text in s.paragraphs[:-1]]
    condition["cause"] = [{"@type": "MedicalCause", "description": t} for t in causes]
    condition["possibleTreatment"] = [
        {"@type": "MedicalTherapy", "name": t.name, "description": t.summary} for t in ds.treatments
    ]
    condition["drug"] = [
        {
            "@type": "Drug",
            "nonProprietaryName": m.generic,
            "proprietaryName": m.brand,
            "name": m.generic,
            "drugClass": {"@type": "DrugClass", "name": m.drug_class},
        }
        for m in ds.medications
    ]
    # The guide is the source: its publisher, reviewer, copyright and date describe it, never
    # this page, which paraphrases it (the page names no reviewer or publisher of its own).
    guide: dict[str, Any] = {
        "@type": "MedicalWebPage",
        "name": p.title,
        "reviewedBy": {
            "@type": "Person",
            "name": p.reviewer,
            "affiliation": {"@type": "Organization", "name": p.reviewer_affiliation},
        },
        "publisher": {"@type": "Organization", "name": p.publisher},
        "copyrightNotice": p.copyright,
    }
    month = year_month(p.updated)
    if month:  # the guide's "updated" date; it gives no review date (no lastReviewed)
        guide["dateModified"] = month
    page: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": f"{p.title}: a reference",
        "about": condition,
        "description": f"{p.notice} {p.disclaimer}",
        "isBasedOn": guide,
    }
    return page


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")  # fmt: skip


def year_month(text: str) -> str | None:
    """``July 2018`` as ``2018-07``; None for anything else."""
    words = text.split()
    if len(words) == 2 and words[0].casefold() in _MONTHS and words[1].isdigit():
        return f"{words[1]}-{_MONTHS.index(words[0].casefold()) + 1:02d}"
    return None

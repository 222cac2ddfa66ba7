"""schema.org descriptions of procedures (GovernmentService), contact
units (GovernmentOrganization) and legal documents (Legislation), as plain
dicts."""

from __future__ import annotations

import json
from typing import Any

from portal.facts import facts_text
from vietnamese.text import plain_text


def absolute(base: str, path: str) -> str:
    return f"{base.rstrip('/')}/{path.lstrip('/')}"


def organization(contact: Any, base: str) -> dict[str, Any]:
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": plain_text(contact.title),
        "url": absolute(base, contact.url),
        "telephone": contact.phone,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": contact.address,
            "addressCountry": "VN",
        },
    }
    if contact.email:
        data["email"] = contact.email
    if contact.fax:
        data["faxNumber"] = contact.fax
    return data


def service(procedure: Any, base: str, provider: str) -> dict[str, Any]:
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": plain_text(procedure.title),
        "identifier": procedure.code,
        "serviceType": procedure.field,
        "description": facts_text(procedure.facts),
        "url": absolute(base, procedure.url),
        "provider": {"@type": "GovernmentOrganization", "name": provider},
        "areaServed": {"@type": "City", "name": "Hồng Ngự"},
        "availableChannel": [
            {
                "@type": "ServiceChannel",
                "name": plain_text(unit.title),
                "serviceLocation": {
                    "@type": "Place",
                    "name": plain_text(unit.title),
                    "address": unit.address,
                },
                "servicePhone": {"@type": "ContactPoint", "telephone": unit.phone},
            }
            for unit in procedure.submit_units
        ],
    }
    if procedure.is_online:
        data["availableChannel"].append(
            {
                "@type": "ServiceChannel",
                "name": procedure.online_label,
                "serviceUrl": procedure.service_url,
            }
        )
    return data


# Validity (Validity:) → schema.org LegalForceStatus.
LEGAL_FORCE = {
    "còn hiệu lực": "https://schema.org/InForce",
    "hết hiệu lực": "https://schema.org/NotInForce",
    "hết hiệu lực một phần": "https://schema.org/PartiallyInForce",
}
MEDIA_TYPES = {
    "PDF": "application/pdf",
    "DOC": "application/msword",
    "DOCX": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "ODT": "application/vnd.oasis.opendocument.text",
    "XLS": "application/vnd.ms-excel",
    "XLSX": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ODS": "application/vnd.oasis.opendocument.spreadsheet",
    "ZIP": "application/zip",
}


def legislation(document: Any, base: str) -> dict[str, Any]:
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": plain_text(document.title),
        "legislationIdentifier": document.number,
        "legislationType": document.type,
        "legislationPassedBy": {"@type": "GovernmentOrganization", "name": document.issuer},
        "legislationJurisdiction": "VN",
        "inLanguage": "vi",
        "url": absolute(base, document.url),
        "about": document.field,
    }
    if document.issued:
        data["legislationDate"] = document.issued.date().isoformat()
    if document.effective:
        data["legislationDateOfApplicability"] = document.effective.date().isoformat()
    if document.expires:
        data["expires"] = document.expires.date().isoformat()
    if document.validity in LEGAL_FORCE:
        data["legislationLegalForce"] = LEGAL_FORCE[document.validity]
    if document.replaces:  # the documents this one replaces
        data["legislationChanges"] = [
            {
                "@type": "Legislation",
                "legislationIdentifier": old.number,
                "url": absolute(base, old.url),
            }
            for old in document.replaces
        ]
    if document.attachments:
        data["encoding"] = [
            {
                "@type": "MediaObject",
                "name": file.name,
                "contentUrl": absolute(base, file.url),
                "encodingFormat": MEDIA_TYPES.get(file.kind, "application/octet-stream"),
                "contentSize": f"{file.size} B",
            }
            for file in document.attachments
        ]
    return data


def to_script(data: dict[str, Any]) -> str:
    """JSON safe inside <script type="application/ld+json">: no `</script>`
    or `<!--` can appear, whatever editors typed."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

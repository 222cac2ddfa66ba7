"""schema.org descriptions of procedures (GovernmentService) and contact
units (GovernmentOrganization), as plain dicts."""

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


def to_script(data: dict[str, Any]) -> str:
    """JSON safe inside <script type="application/ld+json">: no `</script>`
    or `<!--` can appear, whatever editors typed."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

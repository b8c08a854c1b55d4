/**
 * Compliance: a tamper-evident audit log ({@code audit}: RFC 6962 Merkle tree, signed checkpoints,
 * keyed chain, segmented local files), GDPR data-subject requests, consent, retention and legal
 * hold ({@code privacy}), SOC 2 / ISO 27001 / HIPAA controls with evidence ({@code controls}) and
 * compliance reports ({@code report}). Backends implement {@code spi}; {@code internal} is not API.
 */
package dev.tdeveloper.compliance;

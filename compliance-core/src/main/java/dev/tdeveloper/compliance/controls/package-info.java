/**
 * SOC 2 / ISO/IEC 27001 / HIPAA controls with evidence: the {@link
 * dev.tdeveloper.compliance.controls.ControlCatalog} of criteria and mappings, the built-in
 * evidence collectors (audit chain, encryption at rest, key rotation age, restore tests, access
 * reviews) and the {@link dev.tdeveloper.compliance.controls.ControlEvaluator} that turns evidence
 * into a status per control.
 */
package dev.tdeveloper.compliance.controls;

/**
 * GDPR data-subject rights: privacy requests and their processor over {@code
 * PersonalDataConnector}s, the pseudonym vault that keeps raw personal data out of the audit log,
 * the consent ledger, retention policies with legal holds, and the Art. 30 record of processing
 * activities.
 */
package dev.tdeveloper.compliance.privacy;

/**
 * Security posture: a {@link dev.tdeveloper.security.posture.SecurityPolicy} (loaded from {@code
 * security.yaml}, see {@code docs/security-yaml.md}) and a {@link
 * dev.tdeveloper.security.posture.PostureScanner} that runs {@link
 * dev.tdeveloper.security.posture.PostureCheck}s over the live components (TLS settings,
 * certificates, tenant keys, secrets, tenant quotas and rate limits) and reports {@link
 * dev.tdeveloper.security.posture.Finding}s with a severity, for operators and compliance evidence.
 */
package dev.tdeveloper.security.posture;

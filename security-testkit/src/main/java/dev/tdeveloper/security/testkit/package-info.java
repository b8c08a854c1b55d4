/**
 * Contract test kits for the SPIs of security-core. A backend proves itself by extending {@link
 * dev.tdeveloper.security.testkit.RateLimiterStoreContract} or {@link
 * dev.tdeveloper.security.testkit.SecretStoreContract}, {@link
 * dev.tdeveloper.security.testkit.KeyManagerContract} or {@link
 * dev.tdeveloper.security.testkit.CertificateIssuerContract} in its tests; the defaults pass the
 * same kits.
 */
package dev.tdeveloper.security.testkit;

/**
 * X.509 certificates: reading them from PEM and PKCS#12 files or key stores ({@link
 * dev.tdeveloper.security.cert.Certificates}, {@link
 * dev.tdeveloper.security.cert.CertificateSource}) and watching their expiry ({@link
 * dev.tdeveloper.security.cert.CertificateMonitor}), which reports the time left per certificate
 * and alerts at thresholds through typed events.
 */
package dev.tdeveloper.security.cert;

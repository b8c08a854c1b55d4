/**
 * X.509 certificates: reading them from PEM, PKCS#12 and JKS files or key stores ({@link
 * dev.tdeveloper.security.cert.Certificates}, {@link
 * dev.tdeveloper.security.cert.CertificateSource}), watching their expiry ({@link
 * dev.tdeveloper.security.cert.CertificateMonitor}), renewing a server's key material at two thirds
 * of its lifetime through a {@link dev.tdeveloper.security.spi.CertificateIssuer} ({@link
 * dev.tdeveloper.security.cert.CertificateRenewer}), and a local development CA ({@link
 * dev.tdeveloper.security.cert.LocalCertificateAuthority}).
 */
package dev.tdeveloper.security.cert;

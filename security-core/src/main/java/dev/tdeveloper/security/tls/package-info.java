/**
 * TLS for data in transit: the {@link dev.tdeveloper.security.tls.TlsPolicy} (TLS 1.3 only and its
 * AEAD cipher suites by default) applied to an {@code SSLContext}, the server's key material loaded
 * from PKCS#12 or PEM files ({@link dev.tdeveloper.security.tls.ServerKeyMaterial}), and the {@link
 * dev.tdeveloper.security.tls.TlsPolicyCheck} that reports how a configuration or a live endpoint
 * falls short of the policy as typed {@link dev.tdeveloper.security.tls.TlsFinding}s.
 */
package dev.tdeveloper.security.tls;

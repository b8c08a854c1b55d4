/**
 * TLS for data in transit: the {@link dev.tdeveloper.security.tls.TlsPolicy} (TLS 1.3 only and its
 * AEAD cipher suites by default) applied to an {@code SSLContext}, and the server's key material
 * loaded from PKCS#12 or PEM files ({@link dev.tdeveloper.security.tls.ServerKeyMaterial}).
 */
package dev.tdeveloper.security.tls;

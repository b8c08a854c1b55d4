package dev.tdeveloper.security.tls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Which TLS versions and cipher suites a server accepts. The {@linkplain #defaults() default} is
 * the security policy's: TLS 1.3 only, with its three AEAD suites. Immutable.
 *
 * <p>{@link #sslParameters(SSLContext)} checks the policy against what a JVM supports and returns
 * the parameters to set on a server socket or engine; a server framework that takes lists (Jetty's
 * {@code SslContextFactory}) takes {@link #enabledProtocols()} and {@link #cipherSuites()}.
 *
 * @param minimumProtocol {@value #TLS_1_3} (the default) or {@value #TLS_1_2}
 * @param cipherSuites the allowed cipher suites, in order of preference (IANA names, as the JDK
 *     spells them); with a {@value #TLS_1_3} minimum, only TLS 1.3 suites
 */
public record TlsPolicy(String minimumProtocol, List<String> cipherSuites) {
  /** TLS 1.3 (RFC 8446), as the JDK names it: {@value}. */
  public static final String TLS_1_3 = "TLSv1.3";

  /** TLS 1.2 (RFC 5246), as the JDK names it: {@value}. */
  public static final String TLS_1_2 = "TLSv1.2";

  /** The cipher suites TLS 1.3 defines (RFC 8446, appendix B.4). */
  public static final Set<String> TLS_1_3_CIPHER_SUITES =
      Set.of(
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_CHACHA20_POLY1305_SHA256",
          "TLS_AES_128_CCM_SHA256",
          "TLS_AES_128_CCM_8_SHA256");

  /** The security policy's cipher suites, strongest first. */
  public static final List<String> DEFAULT_CIPHER_SUITES =
      List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256");

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException naming the bad protocol or cipher suite and what is allowed
   */
  public TlsPolicy {
    Objects.requireNonNull(minimumProtocol, "minimumProtocol");
    if (!minimumProtocol.equals(TLS_1_3) && !minimumProtocol.equals(TLS_1_2)) {
      throw new IllegalArgumentException(
          "minimumProtocol must be "
              + TLS_1_3
              + " or "
              + TLS_1_2
              + ", was '"
              + minimumProtocol
              + "'");
    }
    cipherSuites = List.copyOf(cipherSuites);
    if (cipherSuites.isEmpty()) {
      throw new IllegalArgumentException("cipherSuites must not be empty");
    }
    Set<String> seen = new HashSet<>();
    for (String suite : cipherSuites) {
      if (!seen.add(suite)) {
        throw new IllegalArgumentException("cipher suite " + suite + " is listed twice");
      }
      if (!suite.startsWith("TLS_")) {
        throw new IllegalArgumentException(
            "cipher suite '" + suite + "' is not an IANA TLS cipher suite name (TLS_...)");
      }
      if (minimumProtocol.equals(TLS_1_3) && !TLS_1_3_CIPHER_SUITES.contains(suite)) {
        throw new IllegalArgumentException(
            "cipher suite "
                + suite
                + " is not a TLS 1.3 suite, so a "
                + TLS_1_3
                + "-only policy could never use it; TLS 1.3 suites: "
                + TLS_1_3_CIPHER_SUITES.stream().sorted().toList());
      }
    }
    long tls13 = cipherSuites.stream().filter(TLS_1_3_CIPHER_SUITES::contains).count();
    if (tls13 == 0 || (minimumProtocol.equals(TLS_1_2) && tls13 == cipherSuites.size())) {
      throw new IllegalArgumentException(
          "cipherSuites "
              + cipherSuites
              + " must hold a suite for each enabled protocol "
              + (minimumProtocol.equals(TLS_1_3) ? List.of(TLS_1_3) : List.of(TLS_1_3, TLS_1_2)));
    }
  }

  /** Returns the security policy's: TLS 1.3 only, {@link #DEFAULT_CIPHER_SUITES}. */
  public static TlsPolicy defaults() {
    return new TlsPolicy(TLS_1_3, DEFAULT_CIPHER_SUITES);
  }

  /** Returns a copy allowing only {@code cipherSuites}, in that order of preference. */
  public TlsPolicy withCipherSuites(String... cipherSuites) {
    return new TlsPolicy(minimumProtocol, Arrays.asList(cipherSuites));
  }

  /** Returns the protocols to enable: {@code [TLSv1.3]}, or {@code [TLSv1.3, TLSv1.2]}. */
  public List<String> enabledProtocols() {
    return minimumProtocol.equals(TLS_1_3) ? List.of(TLS_1_3) : List.of(TLS_1_3, TLS_1_2);
  }

  /**
   * Returns server parameters enforcing this policy with {@code context}: its protocols and cipher
   * suites enabled, and the server's cipher suite order preferred.
   *
   * @throws TlsConfigurationException naming each protocol or cipher suite the context's provider
   *     does not support
   */
  public SSLParameters sslParameters(SSLContext context) {
    Objects.requireNonNull(context, "context");
    SSLParameters supported = context.getSupportedSSLParameters();
    List<String> missing = new ArrayList<>();
    missing(enabledProtocols(), supported.getProtocols(), missing);
    missing(cipherSuites, supported.getCipherSuites(), missing);
    if (!missing.isEmpty()) {
      throw new TlsConfigurationException(
          "the TLS provider "
              + context.getProvider().getName()
              + " of this JVM ("
              + System.getProperty("java.version")
              + ") does not support "
              + missing
              + ", which the TLS policy requires");
    }
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(enabledProtocols().toArray(String[]::new));
    parameters.setCipherSuites(cipherSuites.toArray(String[]::new));
    parameters.setUseCipherSuitesOrder(true);
    return parameters;
  }

  private static void missing(List<String> wanted, String[] supported, List<String> missing) {
    Set<String> available = Set.of(supported);
    for (String name : wanted) {
      if (!available.contains(name)) {
        missing.add(name);
      }
    }
  }
}

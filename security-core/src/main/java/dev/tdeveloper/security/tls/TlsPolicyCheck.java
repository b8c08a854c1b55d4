package dev.tdeveloper.security.tls;

import dev.tdeveloper.security.cert.Certificates;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Checks a TLS configuration, or a live endpoint, against a {@link TlsPolicy} and reports typed
 * {@link TlsFinding}s: a protocol below the policy's minimum enabled, TLS 1.3 missing, a cipher
 * suite the policy does not list, a certificate expiring within the warning period (default {@link
 * #DEFAULT_EXPIRY_WARNING}) or not valid.
 *
 * <p>{@link #check(SSLParameters)} reads what a server socket or engine would enable; a cipher
 * suite counts only when an enabled protocol can use it. {@link #checkEndpoint} connects to {@code
 * host:port} once per protocol ({@value TlsPolicy#TLS_1_3}, {@value TlsPolicy#TLS_1_2}) offering
 * every suite this JVM supports, to learn which protocols the server accepts and which suite it
 * picks, and once more offering only the suites the policy does not allow, to learn whether it
 * accepts any. The endpoint's certificate is recorded, not trusted: this is an audit, not a
 * connection to use. Time comes from the injected clock; each connection gives up after the timeout
 * (default {@link #DEFAULT_TIMEOUT}).
 *
 * <p>Immutable and thread-safe.
 */
public final class TlsPolicyCheck {
  /** How soon before a certificate's end it is reported: 30 days. */
  public static final Duration DEFAULT_EXPIRY_WARNING = Duration.ofDays(30);

  /** How long a connection or handshake of {@link #checkEndpoint} may take: 10 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final List<String> PROBED = List.of(TlsPolicy.TLS_1_3, TlsPolicy.TLS_1_2);

  private final TlsPolicy policy;
  private final Duration expiryWarning;
  private final Duration timeout;
  private final InstantSource clock;

  private TlsPolicyCheck(
      TlsPolicy policy, Duration expiryWarning, Duration timeout, InstantSource clock) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.expiryWarning = positive(expiryWarning, "expiryWarning");
    this.timeout = positive(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Returns a check against {@code policy} with the defaults, on the system clock. */
  public static TlsPolicyCheck of(TlsPolicy policy) {
    return new TlsPolicyCheck(
        policy, DEFAULT_EXPIRY_WARNING, DEFAULT_TIMEOUT, InstantSource.system());
  }

  /**
   * Returns a copy reporting certificates that end within {@code expiryWarning}.
   *
   * @throws IllegalArgumentException if not positive
   */
  public TlsPolicyCheck withExpiryWarning(Duration expiryWarning) {
    return new TlsPolicyCheck(policy, expiryWarning, timeout, clock);
  }

  /**
   * Returns a copy giving up on each endpoint connection after {@code timeout}.
   *
   * @throws IllegalArgumentException if not positive
   */
  public TlsPolicyCheck withTimeout(Duration timeout) {
    return new TlsPolicyCheck(policy, expiryWarning, timeout, clock);
  }

  /** Returns a copy reading wall time from {@code clock}. */
  public TlsPolicyCheck withClock(InstantSource clock) {
    return new TlsPolicyCheck(policy, expiryWarning, timeout, clock);
  }

  /** Checks the protocols and cipher suites {@code parameters} enable. */
  public TlsCheckReport check(SSLParameters parameters) {
    Objects.requireNonNull(parameters, "parameters");
    List<String> protocols = List.of(nonNull(parameters.getProtocols()));
    List<TlsFinding> findings = new ArrayList<>();
    protocolFindings(protocols, findings);
    for (String suite : nonNull(parameters.getCipherSuites())) {
      boolean tls13 = TlsPolicy.TLS_1_3_CIPHER_SUITES.contains(suite);
      boolean usable =
          tls13
              ? protocols.contains(TlsPolicy.TLS_1_3)
              : protocols.stream().anyMatch(p -> !p.equals(TlsPolicy.TLS_1_3));
      if (usable && !suite.endsWith("_SCSV") && !policy.cipherSuites().contains(suite)) {
        findings.add(new TlsFinding.CipherSuiteNotAllowed(suite, Optional.empty()));
      }
    }
    return new TlsCheckReport("SSL parameters", protocols, Map.of(), findings);
  }

  /** Checks the parameters {@code context} enables by default (what a server gets unconfigured). */
  public TlsCheckReport check(SSLContext context) {
    Objects.requireNonNull(context, "context");
    return check(context.getDefaultSSLParameters());
  }

  /** Checks {@code parameters} and the certificates of {@code material}. */
  public TlsCheckReport check(ServerKeyMaterial material, SSLParameters parameters) {
    Objects.requireNonNull(material, "material");
    TlsCheckReport report = check(parameters);
    List<TlsFinding> findings = new ArrayList<>(report.findings());
    certificateFindings(material.chain(), findings);
    return new TlsCheckReport(material.origin(), report.protocols(), Map.of(), findings);
  }

  /**
   * Connects to {@code host:port} and reports what it accepts (see the class comment). Never throws
   * for an endpoint that cannot be reached: that is a {@link TlsFinding.CheckFailed}.
   *
   * @throws IllegalArgumentException if {@code port} is not 1-65535 or {@code host} is blank
   */
  public TlsCheckReport checkEndpoint(String host, int port) {
    Objects.requireNonNull(host, "host");
    if (host.isBlank() || port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "an endpoint needs a host and a port 1-65535, was '" + host + "':" + port);
    }
    String target = host + ":" + port;
    List<String> accepted = new ArrayList<>();
    Map<String, String> negotiated = new LinkedHashMap<>();
    List<TlsFinding> findings = new ArrayList<>();
    List<TlsFinding> suiteFindings = new ArrayList<>();
    List<X509Certificate> chain = List.of();
    try {
      for (String protocol : PROBED) {
        List<String> offered = EndpointProbe.supportedSuites(protocol);
        EndpointProbe.Result all = EndpointProbe.handshake(host, port, protocol, offered, timeout);
        if (all.cipherSuite().isEmpty()) {
          continue;
        }
        accepted.add(protocol);
        negotiated.put(protocol, all.cipherSuite().get());
        chain = chain.isEmpty() ? all.chain() : chain;
        notAllowed(all.cipherSuite().get(), protocol, suiteFindings);
        List<String> disallowed =
            offered.stream()
                .filter(s -> !policy.cipherSuites().contains(s))
                .filter(s -> !s.equals(all.cipherSuite().get()))
                .toList();
        if (!disallowed.isEmpty()) {
          EndpointProbe.handshake(host, port, protocol, disallowed, timeout)
              .cipherSuite()
              .ifPresent(suite -> notAllowed(suite, protocol, suiteFindings));
        }
      }
    } catch (IOException e) {
      String reason =
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      findings.addAll(suiteFindings);
      findings.add(new TlsFinding.CheckFailed(target, reason));
      return new TlsCheckReport(target, accepted, negotiated, findings);
    }
    if (accepted.isEmpty()) {
      findings.add(
          new TlsFinding.CheckFailed(target, "it accepts none of " + PROBED + " from this JVM"));
    } else {
      protocolFindings(accepted, findings);
      findings.addAll(suiteFindings);
      certificateFindings(chain, findings);
    }
    return new TlsCheckReport(target, accepted, negotiated, findings);
  }

  private void protocolFindings(List<String> protocols, List<TlsFinding> findings) {
    if (!protocols.contains(TlsPolicy.TLS_1_3)) {
      findings.add(new TlsFinding.RequiredProtocolMissing(TlsPolicy.TLS_1_3));
    }
    for (String protocol : protocols) {
      if (older(protocol)) {
        findings.add(new TlsFinding.ProtocolBelowMinimum(protocol, policy.minimumProtocol()));
      }
    }
  }

  /**
   * Whether {@code protocol} is older than the policy allows (any but TLS 1.3 and, if allowed,
   * 1.2).
   */
  private boolean older(String protocol) {
    return !policy.enabledProtocols().contains(protocol) && !protocol.equals(TlsPolicy.TLS_1_3);
  }

  private void notAllowed(String suite, String protocol, List<TlsFinding> findings) {
    if (!policy.cipherSuites().contains(suite)) {
      findings.add(new TlsFinding.CipherSuiteNotAllowed(suite, Optional.of(protocol)));
    }
  }

  private void certificateFindings(List<X509Certificate> chain, List<TlsFinding> findings) {
    Instant now = clock.instant();
    for (X509Certificate certificate : chain) {
      Instant notBefore = certificate.getNotBefore().toInstant();
      Instant notAfter = certificate.getNotAfter().toInstant();
      String subject = certificate.getSubjectX500Principal().getName();
      String fingerprint = Certificates.sha256Fingerprint(certificate);
      Duration left = Duration.between(now, notAfter);
      if (now.isBefore(notBefore) || now.isAfter(notAfter)) {
        findings.add(new TlsFinding.CertificateNotValid(subject, fingerprint, notBefore, notAfter));
      } else if (left.compareTo(expiryWarning) <= 0) {
        findings.add(new TlsFinding.CertificateExpiring(subject, fingerprint, notAfter, left));
      }
    }
  }

  private static String[] nonNull(String[] values) {
    return values == null ? new String[0] : values;
  }

  private static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  @Override
  public String toString() {
    return "TlsPolicyCheck["
        + policy
        + ", expiryWarning="
        + expiryWarning
        + ", timeout="
        + timeout
        + "]";
  }
}

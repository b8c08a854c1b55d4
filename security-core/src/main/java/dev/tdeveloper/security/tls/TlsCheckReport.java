package dev.tdeveloper.security.tls;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link TlsPolicyCheck} found for one target. Immutable.
 *
 * @param target what was checked ({@code host:port}, or a description of the parameters)
 * @param protocols the protocols enabled (parameters) or accepted (endpoint), newest first
 * @param negotiatedCipherSuites for an endpoint, the suite negotiated per accepted protocol when
 *     the client offered all it supports; empty for parameters
 * @param findings what falls short of the policy; empty when the target complies
 */
public record TlsCheckReport(
    String target,
    List<String> protocols,
    Map<String, String> negotiatedCipherSuites,
    List<TlsFinding> findings) {
  /** Copies the collections. */
  public TlsCheckReport {
    Objects.requireNonNull(target, "target");
    protocols = List.copyOf(protocols);
    negotiatedCipherSuites = Map.copyOf(negotiatedCipherSuites);
    findings = List.copyOf(findings);
  }

  /** Returns whether nothing was found. */
  public boolean compliant() {
    return findings.isEmpty();
  }

  /** Returns the severity of the worst finding, if any. */
  public Optional<TlsFinding.Severity> worstSeverity() {
    return findings.stream().map(TlsFinding::severity).max(Comparator.naturalOrder());
  }
}

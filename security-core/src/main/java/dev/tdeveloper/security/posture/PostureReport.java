package dev.tdeveloper.security.posture;

import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one {@link PostureScanner#scan()}: when it ran, the policy it checked against,
 * which checks ran, and every {@link Finding} in {@linkplain Finding#REPORT_ORDER report order}
 * (most severe first). Two scans of components in the same state give equal findings. Immutable and
 * thread-safe.
 *
 * @param scannedAt when the scan ran, by the scanner's clock
 * @param policy the policy checked against
 * @param checks the ids of the checks that ran, in registration order
 * @param findings every finding, in report order
 */
public record PostureReport(
    Instant scannedAt, SecurityPolicy policy, List<String> checks, List<Finding> findings) {
  /** Validates the fields, copies the lists and sorts the findings. */
  public PostureReport {
    Objects.requireNonNull(scannedAt, "scannedAt");
    Objects.requireNonNull(policy, "policy");
    checks = List.copyOf(checks);
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.forEach(f -> Objects.requireNonNull(f, "finding"));
    sorted.sort(Finding.REPORT_ORDER);
    findings = List.copyOf(sorted);
  }

  /** Returns the most severe finding's severity; empty when there is no finding. */
  public Optional<Severity> highestSeverity() {
    return findings.stream().map(Finding::severity).min(Enum::compareTo);
  }

  /** Returns how many findings have {@code severity}. */
  public long count(Severity severity) {
    Objects.requireNonNull(severity, "severity");
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** Returns the findings at least as severe as {@code severity}. */
  public List<Finding> atLeast(Severity severity) {
    Objects.requireNonNull(severity, "severity");
    return findings.stream().filter(f -> f.severity().atLeast(severity)).toList();
  }

  /**
   * Returns only the findings about subjects of {@code tenant}: what that tenant may be shown.
   * Platform-wide findings are left out.
   */
  public List<Finding> forTenant(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    Optional<TenantId> wanted = Optional.of(tenant);
    return findings.stream().filter(f -> f.subject().tenant().equals(wanted)).toList();
  }
}

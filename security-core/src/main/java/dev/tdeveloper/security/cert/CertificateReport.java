package dev.tdeveloper.security.cert;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one {@link CertificateMonitor#check()}. Immutable.
 *
 * @param checkedAt when the check ran
 * @param certificates every certificate read, in source order
 * @param failures the sources that could not be read, by name, with the reason
 */
public record CertificateReport(
    Instant checkedAt, List<CertificateStatus> certificates, Map<String, String> failures) {
  /** Copies the lists. */
  public CertificateReport {
    Objects.requireNonNull(checkedAt, "checkedAt");
    certificates = List.copyOf(certificates);
    failures = Map.copyOf(failures);
  }

  /** Returns the certificate that ends first, if any was read. */
  public Optional<CertificateStatus> soonestToExpire() {
    return certificates.stream().min(Comparator.comparing(CertificateStatus::notAfter));
  }
}

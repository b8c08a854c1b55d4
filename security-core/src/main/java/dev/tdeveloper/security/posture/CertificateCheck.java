package dev.tdeveloper.security.posture;

import dev.tdeveloper.security.cert.CertificateMonitor;
import dev.tdeveloper.security.cert.CertificateReport;
import dev.tdeveloper.security.cert.CertificateStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the certificates of a {@link CertificateMonitor}'s last report against the policy's
 * minimum days left, counting the days from the scan (not from the monitor's check).
 */
final class CertificateCheck implements PostureCheck {
  static final String ID = "certificates";

  private final CertificateMonitor monitor;

  CertificateCheck(CertificateMonitor monitor) {
    this.monitor = monitor;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> run(PostureContext context) {
    Optional<CertificateReport> last = monitor.lastReport();
    if (last.isEmpty()) {
      return List.of(
          new Finding(
              ID + ".not-checked",
              Severity.MEDIUM,
              Subject.platform("certificate-monitor", "last-report"),
              "the certificate monitor has not checked any certificate yet",
              "run CertificateMonitor.check() at start and on a schedule",
              "no report",
              "a report"));
    }
    CertificateReport report = last.get();
    int minimum = context.policy().certificateMinimumDaysLeft();
    String required = "at least " + minimum + " days left";
    List<Finding> findings = new ArrayList<>();
    for (CertificateStatus c : report.certificates()) {
      Subject subject = Subject.platform("certificate", c.sha256Fingerprint());
      String name =
          "certificate '" + Texts.limit(c.subject()) + "' (" + c.source() + " " + c.entry() + ")";
      long daysLeft =
          Math.floorDiv(
              Duration.between(context.now(), c.notAfter()).getSeconds(),
              Duration.ofDays(1).getSeconds());
      if (context.now().isAfter(c.notAfter())) {
        findings.add(
            new Finding(
                ID + ".expired",
                Severity.CRITICAL,
                subject,
                name + " expired at " + c.notAfter(),
                "replace the certificate now",
                "expired " + c.notAfter(),
                required));
      } else if (context.now().isBefore(c.notBefore())) {
        findings.add(
            new Finding(
                ID + ".not-yet-valid",
                Severity.HIGH,
                subject,
                name + " is not valid before " + c.notBefore(),
                "check the certificate's validity period and the server's clock",
                "valid from " + c.notBefore(),
                "valid now"));
      } else if (daysLeft < minimum) {
        findings.add(
            new Finding(
                ID + ".expiring",
                Severity.HIGH,
                subject,
                name + " expires at " + c.notAfter() + ", in " + daysLeft + " days",
                "renew the certificate and reload the server's key material",
                daysLeft + " days left",
                required));
      }
    }
    report
        .failures()
        .forEach(
            (source, reason) ->
                findings.add(
                    new Finding(
                        ID + ".unreadable",
                        Severity.HIGH,
                        Subject.platform("certificate-source", Texts.limit(source)),
                        "certificate source '"
                            + source
                            + "' could not be read at "
                            + report.checkedAt()
                            + ": "
                            + Texts.limit(reason),
                        "fix the key store or file the source names",
                        "unreadable",
                        "readable")));
    return findings;
  }
}

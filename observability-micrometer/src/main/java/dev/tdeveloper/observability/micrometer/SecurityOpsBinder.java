package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.security.cert.CertificateEvent;
import dev.tdeveloper.security.cert.CertificateStatus;
import dev.tdeveloper.security.cert.RenewalEvent;
import dev.tdeveloper.security.crypto.KeyEvent;
import dev.tdeveloper.security.posture.Finding;
import dev.tdeveloper.security.posture.PostureEvent;
import dev.tdeveloper.security.posture.Severity;
import dev.tdeveloper.tenancy.event.EventListener;
import java.util.Locale;
import java.util.Optional;

/**
 * Meters for security-core's key lifecycle, certificate monitor and renewal, and posture scanner
 * events; loaded only when used.
 */
final class SecurityOpsBinder {
  private final TenantMeters meters;

  SecurityOpsBinder(TenantMeters meters) {
    this.meters = meters;
  }

  EventListener<Object> keys() {
    return meters.safe(
        "key lifecycle",
        event -> {
          if (event instanceof KeyEvent.Rotated e) {
            meters
                .counter(
                    "tdeveloper.key.rotations",
                    "Tenant data keys rotated",
                    Optional.of(e.tenant()),
                    "trigger",
                    e.scheduled() ? "scheduled" : "manual")
                .increment();
          } else if (event instanceof KeyEvent.StateChanged e) {
            meters
                .counter(
                    "tdeveloper.key.state.changes",
                    "Key versions moved to a new state",
                    Optional.of(e.tenant()),
                    "state",
                    lower(e.version().state().name()))
                .increment();
          } else if (event instanceof KeyEvent.TenantShredded) {
            // the tenant is gone: its id would only leave a dead series behind
            meters
                .counter(
                    "tdeveloper.key.shredded.tenants", "Tenants crypto-shredded", Optional.empty())
                .increment();
          }
        });
  }

  EventListener<Object> certificates() {
    return meters.safe(
        "certificates",
        event -> {
          if (event instanceof CertificateEvent.Checked e) {
            expiry(e.status());
          } else if (event instanceof CertificateEvent.ExpiringSoon e) {
            expiry(e.status());
            certificateAlert(e.status(), "expiring_soon");
          } else if (event instanceof CertificateEvent.Expired e) {
            expiry(e.status());
            certificateAlert(e.status(), "expired");
          } else if (event instanceof CertificateEvent.SourceFailed e) {
            meters
                .counter(
                    "tdeveloper.certificate.source.failures",
                    "Certificate sources that could not be read",
                    Optional.empty(),
                    "source",
                    e.source())
                .increment();
          } else if (event instanceof RenewalEvent.Succeeded) {
            renewal("succeeded");
          } else if (event instanceof RenewalEvent.Failed) {
            renewal("failed");
          }
        });
  }

  EventListener<Object> posture() {
    return meters.safe(
        "posture",
        event -> {
          if (event instanceof PostureEvent.FindingOpened e) {
            finding(e.finding(), "opened");
          } else if (event instanceof PostureEvent.FindingResolved e) {
            finding(e.finding(), "resolved");
          } else if (event instanceof PostureEvent.ScanCompleted e) {
            for (Severity severity : Severity.values()) {
              meters
                  .gaugeValue(
                      "tdeveloper.posture.open.findings",
                      "Findings of the last posture scan",
                      null,
                      "severity",
                      lower(severity.name()))
                  .set(e.report().count(severity));
            }
          }
        });
  }

  private void expiry(CertificateStatus status) {
    meters
        .gaugeValue(
            "tdeveloper.certificate.expiry",
            "When the certificate expires (notAfter), in seconds since the epoch",
            "seconds",
            "source",
            status.source(),
            "entry",
            status.entry())
        .set(status.notAfter().getEpochSecond());
  }

  private void certificateAlert(CertificateStatus status, String state) {
    meters
        .counter(
            "tdeveloper.certificate.alerts",
            "Certificates found expiring soon or expired",
            Optional.empty(),
            "source",
            status.source(),
            "state",
            state)
        .increment();
  }

  private void renewal(String outcome) {
    meters
        .counter(
            "tdeveloper.certificate.renewals",
            "Server certificate renewals by outcome",
            Optional.empty(),
            "outcome",
            outcome)
        .increment();
  }

  private void finding(Finding finding, String state) {
    meters
        .counter(
            "tdeveloper.posture.findings",
            "Security posture findings opened and resolved",
            finding.subject().tenant(),
            "check",
            finding.checkId(),
            "severity",
            lower(finding.severity().name()),
            "state",
            state)
        .increment();
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}

package dev.tdeveloper.security.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CertificateMonitorBuilderTest {
  private static final CertificateSource SOURCE =
      CertificateSource.of(
          "demo", List.of(TestCertificates.selfSigned(TestCertificates.ecKeyPair())));

  @Test
  void validatesItsSettings() {
    assertThatThrownBy(() -> CertificateMonitor.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("at least one certificate source is required");
    assertThatThrownBy(() -> CertificateMonitor.builder().source(SOURCE).source(SOURCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a source named demo was already added");
    assertThatThrownBy(() -> CertificateMonitor.builder().thresholds())
        .hasMessage("thresholds must not be empty");
    assertThatThrownBy(() -> CertificateMonitor.builder().thresholds(Duration.ZERO))
        .hasMessage("thresholds must be positive, was PT0S");
    assertThatThrownBy(
            () -> CertificateMonitor.builder().thresholds(Duration.ofDays(1), Duration.ofHours(24)))
        .hasMessage("threshold PT24H was given twice");
    assertThatThrownBy(
            () ->
                CertificateMonitor.builder()
                    .clock(InstantSource.system())
                    .clock(InstantSource.system()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clock was already set");
    assertThat(CertificateMonitor.builder().source(SOURCE).build().thresholds())
        .isEqualTo(CertificateMonitorBuilder.DEFAULT_THRESHOLDS);
  }

  @Test
  void schedulesChecksOnAnExecutor() throws Exception {
    CountDownLatch checks = new CountDownLatch(2);
    CertificateMonitor monitor =
        CertificateMonitor.builder().source(SOURCE).listener(e -> checks.countDown()).build();
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      assertThatThrownBy(() -> monitor.schedule(executor, Duration.ZERO, Duration.ZERO))
          .hasMessage("period must be positive, was PT0S");
      monitor.schedule(executor, Duration.ZERO, Duration.ofMillis(1));
      assertThat(checks.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(monitor.lastReport()).isPresent();
    } finally {
      executor.shutdownNow();
    }
  }
}

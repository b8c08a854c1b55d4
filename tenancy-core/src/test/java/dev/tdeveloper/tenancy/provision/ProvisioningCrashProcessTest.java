package dev.tdeveloper.tenancy.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import dev.tdeveloper.tenancy.spi.SagaState;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a child JVM provisioning a tenant is killed with {@code destroyForcibly()} while in
 * step b, then this JVM resumes the saga from the journal file the child left behind.
 */
class ProvisioningCrashProcessTest {
  @TempDir Path dir;

  @Test
  void resumesASagaWhoseProcessWasKilledMidStep() throws Exception {
    Path journalFile = dir.resolve("sagas.journal");
    Path log = dir.resolve("steps.log");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashingProvisionerMain.class.getName(),
                journalFile.toString(),
                log.toString())
            .redirectError(dir.resolve("child.err").toFile())
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
      assertThat(line).isEqualTo("IN-B");
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Files.readAllLines(log)).containsExactly("apply:a", "apply:b");

    // The child's registry died with it; a durable registry backend would still hold the tenant
    // as PROVISIONING, which is what this stand-in holds.
    TenantRegistry registry = TenantRegistry.inMemory();
    registry.create(Tenant.builder("acme").build());
    try (FileProvisioningJournal journal = FileProvisioningJournal.open(journalFile)) {
      TenantProvisioner provisioner =
          TenantProvisioner.builder()
              .registry(registry)
              .journal(journal)
              .provisionSteps(CrashingProvisionerMain.steps(log, () -> {}))
              .build();

      List<SagaRecord> resumed = provisioner.resumeIncomplete();

      assertThat(resumed)
          .singleElement()
          .satisfies(r -> assertThat(r.state()).isEqualTo(SagaState.DONE));
    }
    assertThat(Files.readAllLines(log)).containsExactly("apply:a", "apply:b", "apply:b", "apply:c");
    assertThat(registry.find(TenantId.of("acme")).orElseThrow().status())
        .isEqualTo(TenantStatus.ACTIVE);
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

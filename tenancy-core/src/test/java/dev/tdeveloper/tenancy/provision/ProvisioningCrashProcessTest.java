package dev.tdeveloper.tenancy.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import dev.tdeveloper.tenancy.spi.SagaState;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a child JVM provisioning a tenant is killed ({@code kill -9}, through {@link
 * ChildJvm}) while in step b, then this JVM resumes the saga from the journal file the child left
 * behind.
 */
class ProvisioningCrashProcessTest {
  @TempDir Path dir;

  @Test
  void resumesASagaWhoseProcessWasKilledMidStep() throws Exception {
    Path journalFile = dir.resolve("sagas.journal");
    Path log = dir.resolve("steps.log");
    try (ChildJvm child =
        ChildJvm.start(
            CrashingProvisionerMain.class,
            dir.resolve("child.err"),
            journalFile.toString(),
            log.toString())) {
      assertThat(child.nextLine(30)).isEqualTo("IN-B");
      child.kill();
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
}

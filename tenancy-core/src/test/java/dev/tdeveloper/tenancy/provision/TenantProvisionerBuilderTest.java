package dev.tdeveloper.tenancy.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantProvisionerBuilderTest {
  private final StepLog log = new StepLog();

  @Test
  void buildsWithOnlyARegistry() {
    TenantRegistry registry = TenantRegistry.inMemory();
    TenantProvisioner provisioner = TenantProvisioner.builder().registry(registry).build();

    assertThat(provisioner.provision(Tenant.builder("acme").build()).status())
        .isEqualTo(TenantStatus.ACTIVE);
  }

  @Test
  void requiresARegistry() {
    assertThatThrownBy(() -> TenantProvisioner.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("registry");
  }

  @Test
  void refusesABlankStepName() {
    TenantProvisionerBuilder builder =
        TenantProvisioner.builder()
            .registry(TenantRegistry.inMemory())
            .provisionSteps(List.of(log.step("ok"), log.step(" ")));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PROVISION step 1")
        .hasMessageContaining("' '");
  }

  @Test
  void refusesAnEmptyOrOverlongStepName() {
    assertThatThrownBy(
            () ->
                TenantProvisioner.builder()
                    .registry(TenantRegistry.inMemory())
                    .suspendSteps(List.of(log.step("")))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SUSPEND step 0");
    assertThatThrownBy(
            () ->
                TenantProvisioner.builder()
                    .registry(TenantRegistry.inMemory())
                    .offboardSteps(List.of(log.step("x".repeat(101))))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesDuplicateStepNamesWithinAnOperation() {
    assertThatThrownBy(
            () ->
                TenantProvisioner.builder()
                    .registry(TenantRegistry.inMemory())
                    .reactivateSteps(List.of(log.step("warm"), log.step("scale"), log.step("warm")))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'warm'")
        .hasMessageContaining("REACTIVATE");
  }

  @Test
  void allowsTheSameStepNameInDifferentOperations() {
    TenantProvisioner.builder()
        .registry(TenantRegistry.inMemory())
        .provisionSteps(List.of(log.step("dns")))
        .offboardSteps(List.of(log.step("dns")))
        .build();
  }

  @Test
  void refusesASettingGivenTwice() {
    TenantProvisionerBuilder builder =
        TenantProvisioner.builder()
            .registry(TenantRegistry.inMemory())
            .journal(ProvisioningJournal.inMemory())
            .provisionSteps(List.of());

    assertThatThrownBy(() -> builder.registry(TenantRegistry.inMemory()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("registry");
    assertThatThrownBy(() -> builder.journal(ProvisioningJournal.inMemory()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.provisionSteps(List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PROVISION steps");
  }

  @Test
  void refusesNullArguments() {
    TenantProvisionerBuilder builder = TenantProvisioner.builder();

    assertThatThrownBy(() -> builder.registry(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.clock(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.journal(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.listener(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.provisionSteps(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.offboardSteps(Arrays.asList(log.step("a"), null)))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ProvisioningStep.of(null, c -> {}, c -> {}))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void copiesTheStepListSoLaterChangesDoNotLeakIn() {
    TenantRegistry registry = TenantRegistry.inMemory();
    ArrayList<ProvisioningStep> steps = new ArrayList<>(List.of(log.step("a")));
    TenantProvisioner provisioner =
        TenantProvisioner.builder().registry(registry).provisionSteps(steps).build();
    steps.add(log.step("b"));

    provisioner.provision(Tenant.builder("acme").build());

    assertThat(log.entries()).containsExactly("apply:a");
  }
}

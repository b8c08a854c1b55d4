package dev.tdeveloper.tenancy.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.provision.LifecycleOperation;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SagaRecordTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static SagaRecord record(
      int completed, Optional<String> active, SagaState state, Optional<String> failure) {
    return new SagaRecord(
        "s1",
        LifecycleOperation.PROVISION,
        TenantId.of("acme"),
        List.of("a", "b"),
        completed,
        active,
        state,
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        failure,
        List.of(),
        T0,
        T0);
  }

  @Test
  void acceptsConsistentRecords() {
    assertThat(record(1, Optional.of("b"), SagaState.RUNNING, Optional.empty()).activeStep())
        .contains("b");
    assertThat(record(1, Optional.of("a"), SagaState.COMPENSATING, Optional.of("x")).completed())
        .isEqualTo(1);
    assertThat(record(0, Optional.empty(), SagaState.FAILED, Optional.of("x")).compensatedFully())
        .isTrue();
  }

  @Test
  void refusesCompletedOutsideTheStepList() {
    assertThatThrownBy(() -> record(3, Optional.empty(), SagaState.RUNNING, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("completed")
        .hasMessageContaining("0..2");
    assertThatThrownBy(() -> record(-1, Optional.empty(), SagaState.RUNNING, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnActiveStepThatIsNotAtTheSagasPosition() {
    assertThatThrownBy(() -> record(1, Optional.of("a"), SagaState.RUNNING, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("activeStep");
    assertThatThrownBy(() -> record(2, Optional.of("b"), SagaState.DONE, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requiresAFailureExactlyWhenFailing() {
    assertThatThrownBy(() -> record(0, Optional.empty(), SagaState.FAILED, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("failure");
    assertThatThrownBy(() -> record(0, Optional.empty(), SagaState.RUNNING, Optional.of("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> record(1, Optional.empty(), SagaState.DONE, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DONE");
  }

  @Test
  void copiesItsCollections() {
    Map<String, String> data = new HashMap<>(Map.of("k", "v"));
    SagaRecord r =
        new SagaRecord(
            "s1",
            LifecycleOperation.OFFBOARD,
            TenantId.of("acme"),
            List.of(),
            0,
            Optional.empty(),
            SagaState.RUNNING,
            data,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            T0,
            T0);
    data.put("k2", "v2");

    assertThat(r.data()).containsOnlyKeys("k");
    assertThatThrownBy(() -> r.data().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}

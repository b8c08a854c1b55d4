package dev.tdeveloper.tenancy.provision;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The checks and ordering shared by the journals in this package. Stateless. */
final class JournalRules {
  /** By start time; a stable sort keeps sagas that started together in first-recorded order. */
  static final Comparator<SagaRecord> OLDEST_FIRST = Comparator.comparing(SagaRecord::startedAt);

  private JournalRules() {}

  /**
   * Checks that {@code next} may replace {@code previous} (null when the saga is new).
   *
   * @throws IllegalArgumentException if the identity of the saga differs
   * @throws IllegalStateException if the saga is already terminal
   */
  static void checkReplace(SagaRecord previous, SagaRecord next) {
    Objects.requireNonNull(next, "record");
    if (previous == null) {
      return;
    }
    boolean sameSaga =
        previous.tenantId().equals(next.tenantId())
            && previous.operation() == next.operation()
            && previous.steps().equals(next.steps())
            && previous.startedAt().equals(next.startedAt());
    if (!sameSaga) {
      throw new IllegalArgumentException(
          "saga "
              + next.sagaId()
              + " is recorded as "
              + previous.operation()
              + " of tenant '"
              + previous.tenantId()
              + "' started "
              + previous.startedAt()
              + "; a record for "
              + next.operation()
              + " of tenant '"
              + next.tenantId()
              + "' cannot replace it");
    }
    if (previous.state().isTerminal()) {
      throw new IllegalStateException(
          "saga " + next.sagaId() + " is already " + previous.state() + "; it cannot be updated");
    }
  }

  /** Expects {@code records} in the order sagas were first recorded. */
  static List<SagaRecord> incomplete(Collection<SagaRecord> records) {
    return records.stream().filter(r -> !r.state().isTerminal()).sorted(OLDEST_FIRST).toList();
  }

  static List<SagaRecord> forTenant(Collection<SagaRecord> records, TenantId tenantId) {
    Objects.requireNonNull(tenantId, "tenantId");
    return records.stream()
        .filter(r -> r.tenantId().equals(tenantId))
        .sorted(OLDEST_FIRST)
        .toList();
  }
}

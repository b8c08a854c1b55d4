package dev.tdeveloper.tenancy.provision;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.ProvisioningJournal;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ProvisioningJournal} kept in memory: sagas survive failures of steps but not of the
 * process, so nothing can be resumed after a crash. It keeps the latest record of every saga for
 * the life of the process. Use it in tests and where a crash mid-saga is handled by hand.
 *
 * <p>Thread-safe: every method holds the journal's lock.
 */
public final class InMemoryProvisioningJournal implements ProvisioningJournal {
  private final Map<String, SagaRecord> latest = new LinkedHashMap<>();

  /** Creates an empty journal. */
  public InMemoryProvisioningJournal() {}

  @Override
  public synchronized void record(SagaRecord record) {
    Objects.requireNonNull(record, "record");
    JournalRules.checkReplace(latest.get(record.sagaId()), record);
    latest.put(record.sagaId(), record);
  }

  @Override
  public synchronized Optional<SagaRecord> find(String sagaId) {
    return Optional.ofNullable(latest.get(Objects.requireNonNull(sagaId, "sagaId")));
  }

  @Override
  public synchronized List<SagaRecord> incomplete() {
    return JournalRules.incomplete(latest.values());
  }

  @Override
  public synchronized List<SagaRecord> forTenant(TenantId tenantId) {
    return JournalRules.forTenant(latest.values(), tenantId);
  }
}

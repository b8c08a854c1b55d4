package dev.tdeveloper.tenancy.spi;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.provision.FileProvisioningJournal;
import dev.tdeveloper.tenancy.provision.InMemoryProvisioningJournal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the progress of provisioning sagas is recorded, so a saga interrupted by a crash can be
 * finished by {@link dev.tdeveloper.tenancy.provision.TenantProvisioner#resumeIncomplete()}. Each
 * {@link #record} replaces the saga's previous record; the latest one is what {@link #find} and
 * {@link #incomplete} return.
 *
 * <p>Implementations must be thread-safe, and a record must be durable (as far as the backend
 * allows) when {@link #record} returns. Backends prove themselves with the {@code
 * dev.tdeveloper.tenancy.testkit.ProvisioningJournalContract} kit in the {@code tenancy-testkit}
 * artifact.
 */
public interface ProvisioningJournal extends AutoCloseable {
  /** Returns a new, empty journal kept in memory: progress does not survive the process. */
  static ProvisioningJournal inMemory() {
    return new InMemoryProvisioningJournal();
  }

  /**
   * Opens (creating if needed) a durable journal in a local file; see {@link
   * FileProvisioningJournal#open(Path)}.
   *
   * @throws ProvisioningJournalException if the file cannot be opened or is not a journal
   */
  static ProvisioningJournal openFile(Path file) {
    return FileProvisioningJournal.open(file);
  }

  /**
   * Records the latest progress of a saga, replacing its previous record.
   *
   * @throws IllegalArgumentException if a record of the same saga id names another tenant,
   *     operation, step list or start time
   * @throws IllegalStateException if the saga is already recorded as {@link SagaState#isTerminal()
   *     terminal}
   * @throws ProvisioningJournalException if the record cannot be stored durably
   */
  void record(SagaRecord record);

  /** Returns the latest record of saga {@code sagaId}, if any. */
  Optional<SagaRecord> find(String sagaId);

  /**
   * Returns the latest records of sagas not yet terminal, oldest start first; sagas that started at
   * the same instant in the order they were first recorded.
   */
  List<SagaRecord> incomplete();

  /**
   * Returns the latest records of every saga of {@code tenantId}, ordered as {@link #incomplete}.
   */
  List<SagaRecord> forTenant(TenantId tenantId);

  /**
   * Releases the journal's resources; the default does nothing. Never throws a checked exception.
   */
  @Override
  default void close() {}
}

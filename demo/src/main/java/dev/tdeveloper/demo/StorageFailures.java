package dev.tdeveloper.demo;

import dev.tdeveloper.backend.postgres.PostgresBackendException;
import dev.tdeveloper.compliance.audit.AuditBackpressureException;
import dev.tdeveloper.compliance.audit.AuditWriteException;
import dev.tdeveloper.compliance.audit.integrity.CheckpointException;
import dev.tdeveloper.demo.notes.NotesException;
import dev.tdeveloper.observability.spi.AlertStateStoreException;
import dev.tdeveloper.tenancy.migration.MigrationJournalException;
import dev.tdeveloper.tenancy.spi.ProvisioningJournalException;
import dev.tdeveloper.tenancy.spi.QuotaStoreException;
import dev.tdeveloper.tenancy.spi.UsageStoreException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a failure of the demo's durable storage from any other failure, so {@link FailureFilter}
 * can answer it 503 (retry later) rather than 500 (a bug). Storage is the usage store ({@link
 * UsageStoreException}), the quota store ({@link QuotaStoreException}), the audit log ({@link
 * AuditWriteException}, {@link AuditBackpressureException}, {@link CheckpointException}), the note
 * journals ({@link NotesException}), the provisioning and migration journals, the alert state
 * store, the shared backends ({@link DemoBackendException}, {@link PostgresBackendException}) and
 * file I/O ({@link UncheckedIOException}, {@link FileSystemException}), which the stores throw when
 * a file cannot be written. A plain checked {@link java.io.IOException} is not storage: in a
 * request it is usually the client's connection failing. Stateless.
 */
final class StorageFailures {
  private static final Set<Class<? extends Throwable>> STORAGE =
      Set.of(
          UsageStoreException.class,
          QuotaStoreException.class,
          AuditWriteException.class,
          AuditBackpressureException.class,
          CheckpointException.class,
          NotesException.class,
          ProvisioningJournalException.class,
          MigrationJournalException.class,
          AlertStateStoreException.class,
          DemoBackendException.class,
          PostgresBackendException.class,
          UncheckedIOException.class,
          FileSystemException.class);

  private StorageFailures() {}

  /**
   * Returns the storage failure in {@code failure}'s cause chain (itself included), if any: the
   * outermost one, whose type names the store that failed.
   */
  static Optional<Throwable> find(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      for (Class<? extends Throwable> type : STORAGE) {
        if (type.isInstance(t)) {
          return Optional.of(t);
        }
      }
    }
    return Optional.empty();
  }
}

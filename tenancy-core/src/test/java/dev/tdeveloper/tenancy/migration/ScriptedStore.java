package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.Checksum;
import dev.tdeveloper.tenancy.spi.DataRecord;
import dev.tdeveloper.tenancy.spi.TenantDataStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory store that records every call and can misbehave on demand: crash after an import,
 * corrupt imported bytes, fail a deletion, or block an import until released. Thread-safe.
 */
class ScriptedStore implements TenantDataStore {
  final InMemoryTenantDataStore delegate;
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<String> importedKeys = new CopyOnWriteArrayList<>();
  private final AtomicInteger imports = new AtomicInteger();
  volatile int crashAfterImport = -1;
  volatile boolean corruptImports;
  volatile boolean failDeletes;
  volatile CountDownLatch importEntered;
  volatile CountDownLatch importRelease;

  ScriptedStore(String name) {
    this.delegate = new InMemoryTenantDataStore(name);
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public List<DataRecord> export(TenantId tenant, Optional<String> afterKey, int batchSize) {
    calls.add("export:" + tenant);
    return delegate.export(tenant, afterKey, batchSize);
  }

  @Override
  public void importBatch(TenantId tenant, List<DataRecord> records) {
    calls.add("import:" + tenant);
    CountDownLatch entered = importEntered;
    if (entered != null) {
      entered.countDown();
      try {
        if (!importRelease.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("test never released the import");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    List<DataRecord> written = new ArrayList<>(records);
    if (corruptImports && !written.isEmpty()) {
      byte[] value = written.get(0).value();
      if (value.length > 0) {
        value[0] ^= 1;
      }
      written.set(0, new DataRecord(written.get(0).key(), value));
    }
    delegate.importBatch(tenant, written);
    records.forEach(r -> importedKeys.add(r.key()));
    if (imports.incrementAndGet() == crashAfterImport) {
      throw new IllegalStateException("simulated crash after import #" + crashAfterImport);
    }
  }

  @Override
  public Checksum checksum(TenantId tenant) {
    calls.add("checksum:" + tenant);
    return delegate.checksum(tenant);
  }

  @Override
  public long deleteAll(TenantId tenant) {
    calls.add("deleteAll:" + tenant);
    if (failDeletes) {
      throw new IllegalStateException("simulated delete failure");
    }
    return delegate.deleteAll(tenant);
  }

  /** Returns every record of {@code tenant}, in key order, without recording a call. */
  List<DataRecord> all(TenantId tenant) {
    return delegate.export(tenant, Optional.empty(), MAX_BATCH_SIZE);
  }

  /** Returns the calls that wrote (imports and deletions). */
  List<String> writes() {
    return calls.stream()
        .filter(c -> !c.startsWith("export:") && !c.startsWith("checksum:"))
        .toList();
  }
}

package dev.tdeveloper.tenancy.migration;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.Checksum;
import dev.tdeveloper.tenancy.spi.DataRecord;
import dev.tdeveloper.tenancy.spi.TenantDataStore;
import java.util.List;
import java.util.Optional;

/** A store passing every call to another; tests override the calls they intercept. */
class DelegatingStore implements TenantDataStore {
  private final TenantDataStore delegate;

  DelegatingStore(TenantDataStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public List<DataRecord> export(TenantId tenant, Optional<String> afterKey, int batchSize) {
    return delegate.export(tenant, afterKey, batchSize);
  }

  @Override
  public void importBatch(TenantId tenant, List<DataRecord> records) {
    delegate.importBatch(tenant, records);
  }

  @Override
  public Checksum checksum(TenantId tenant) {
    return delegate.checksum(tenant);
  }

  @Override
  public long deleteAll(TenantId tenant) {
    return delegate.deleteAll(tenant);
  }
}

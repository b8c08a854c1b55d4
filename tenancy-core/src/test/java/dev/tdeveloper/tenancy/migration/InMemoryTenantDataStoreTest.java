package dev.tdeveloper.tenancy.migration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.spi.TenantDataStore;
import dev.tdeveloper.tenancy.testkit.TenantDataStoreContract;
import org.junit.jupiter.api.Test;

class InMemoryTenantDataStoreTest extends TenantDataStoreContract {
  @Override
  protected TenantDataStore createStore() {
    return new InMemoryTenantDataStore("memory");
  }

  @Test
  void rejectsBlankName() {
    assertThatThrownBy(() -> new InMemoryTenantDataStore(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> new InMemoryTenantDataStore(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
  }
}

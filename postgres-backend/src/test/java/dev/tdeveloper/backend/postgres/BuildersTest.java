package dev.tdeveloper.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import dev.tdeveloper.tenancy.IsolationMode;
import dev.tdeveloper.tenancy.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildersTest {
  private static final String URL = "jdbc:postgresql://127.0.0.1:1/app";

  @Test
  void bindingKeyIsDeterministicPerTenantAndHidesItself() {
    byte[] secret = new byte[32];
    TenantBindingKey key = TenantBindingKey.of(secret);
    secret[0] = 1; // copied: later changes to the array do not matter
    assertThat(key.token(TenantId.of("acme")))
        .isEqualTo(TenantBindingKey.of(new byte[32]).token(TenantId.of("acme")));
    assertThat(key.token(TenantId.of("acme")))
        .hasSize(43)
        .isNotEqualTo(key.token(TenantId.of("acme2")));
    assertThat(key.tokenHash(TenantId.of("acme"))).hasSize(32);
    assertThat(key).hasToString("TenantBindingKey[hidden]");
    assertThatThrownBy(() -> TenantBindingKey.of(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("secret must be at least 32 bytes, was 31");
  }

  @Test
  void tenantTableChecksItsName() {
    assertThatThrownBy(() -> TenantTable.of("Items", "id int"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TenantTable.of("items", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("items");
  }

  @Test
  void dataSourceBuilderRejectsMissingAndConflictingSettings() {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(URL);
    assertThatThrownBy(() -> TenantDataSource.builder().pool(pool).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("mode is required");
    assertThatThrownBy(() -> TenantDataSource.builder().mode(IsolationMode.ROW).pool(pool).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bindingKey is required in ROW mode");
    assertThatThrownBy(
            () ->
                TenantDataSource.builder()
                    .mode(IsolationMode.DATABASE)
                    .pool(pool)
                    .bindingKey(TenantBindingKey.generate())
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not used in DATABASE mode");
    assertThatThrownBy(
            () -> TenantDataSource.builder().mode(IsolationMode.ROW).mode(IsolationMode.ROW))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("mode is already set");
    assertThatThrownBy(() -> TenantDataSource.builder().namePrefix("1x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void storageBuilderRejectsMissingAndConflictingSettings() {
    assertThatThrownBy(() -> TenantStorage.builder().mode(IsolationMode.ROW).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("admin is required");
    assertThatThrownBy(
            () ->
                TenantStorage.builder()
                    .mode(IsolationMode.SCHEMA)
                    .admin(URL, "owner", "pw")
                    .applicationRole("owner")
                    .bindingKey(TenantBindingKey.generate())
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must differ");
    assertThatThrownBy(
            () ->
                TenantStorage.builder()
                    .mode(IsolationMode.SCHEMA)
                    .admin(URL, "owner", "pw")
                    .applicationRole("app")
                    .bindingKey(TenantBindingKey.generate())
                    .sharedSchema("data")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sharedSchema applies to ROW mode only");
    assertThatThrownBy(
            () ->
                TenantStorage.builder()
                    .tables(List.of(TenantTable.of("a", "x int"), TenantTable.of("a", "y int"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("declared twice");
    TenantStorage storage =
        TenantStorage.builder()
            .mode(IsolationMode.DATABASE)
            .admin(URL, "owner", "pw")
            .applicationRole("app")
            .build();
    assertThat(storage.storageName(TenantId.of("acme-co"))).isEqualTo("tenant_acme_co");
    assertThat(storage.toString()).doesNotContain("pw");
  }

  @Test
  void tenantPoolBoundsAreCheckedAndApplyToDatabaseModeOnly() {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(URL);
    assertThatThrownBy(() -> TenantDataSource.builder().tenantPoolSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tenantPoolSize must be 1 to 10000, was 0");
    assertThatThrownBy(() -> TenantDataSource.builder().maxOpenTenantPools(10_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxOpenTenantPools must be 1 to 10000, was 10001");
    assertThatThrownBy(() -> TenantDataSource.builder().connectionBudget(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connectionBudget must be 1 to 100000, was -1");
    assertThatThrownBy(() -> TenantDataSource.builder().connectionBudget(5).connectionBudget(6))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("connectionBudget is already set");
    assertThatThrownBy(
            () ->
                TenantDataSource.builder()
                    .mode(IsolationMode.DATABASE)
                    .pool(pool)
                    .tenantPoolSize(4)
                    .connectionBudget(3)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("tenantPoolSize (4) must not exceed connectionBudget (3)");
    assertThatThrownBy(
            () ->
                TenantDataSource.builder()
                    .mode(IsolationMode.ROW)
                    .pool(pool)
                    .bindingKey(TenantBindingKey.generate())
                    .maxOpenTenantPools(3)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DATABASE mode only");
  }
}

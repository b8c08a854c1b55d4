package dev.tdeveloper.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.UsageStore;
import dev.tdeveloper.tenancy.spi.UsageStoreException;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.UsageStoreContract;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgres;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import dev.tdeveloper.tenancy.usage.Aggregation;
import dev.tdeveloper.tenancy.usage.MeterDefinition;
import dev.tdeveloper.tenancy.usage.RecordResult;
import dev.tdeveloper.tenancy.usage.UsageEvent;
import dev.tdeveloper.tenancy.usage.UsageMeter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalPostgresExtension.class)
class PostgresUsageStoreTest extends UsageStoreContract {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static final Instant NOON = Instant.parse("2026-01-01T12:00:00Z");
  private static HikariDataSource dataSource;
  private static HikariDataSource otherInstance;

  @BeforeAll
  static void openPools(LocalPostgres postgres) throws Exception {
    try (Connection admin = postgres.connect(LocalPostgres.DEFAULT_DATABASE);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE usage_contract");
    }
    dataSource = TestPools.superuser(postgres, "usage_contract", 8);
    otherInstance = TestPools.superuser(postgres, "usage_contract", 8);
  }

  @AfterAll
  static void closePools() {
    dataSource.close();
    otherInstance.close();
  }

  private static String newTable() {
    return "usage.events_" + TABLES.incrementAndGet();
  }

  @Override
  protected UsageStore createStore() {
    PostgresUsageStore store = PostgresUsageStore.of(dataSource, newTable());
    store.createTable();
    return store;
  }

  private static long rows(String table) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
      count.next();
      return count.getLong(1);
    }
  }

  @Test
  void storesAnEventRetriedThroughTwoInstancesOnce() throws Exception {
    String table = newTable();
    PostgresUsageStore first = PostgresUsageStore.of(dataSource, table);
    first.createTable();
    PostgresUsageStore second = PostgresUsageStore.of(otherInstance, table);
    UsageEvent event =
        UsageEvent.of(TenantId.of("acme"), "api_calls", 3, NOON, "request-1")
            .withDimension("region", "eu");
    Concurrently.run(
        8,
        thread -> {
          for (int i = 0; i < 20; i++) {
            (thread % 2 == 0 ? first : second).append(event);
          }
        });
    assertThat(replayed(first)).containsExactly(event);
    assertThat(replayed(second)).containsExactly(event);
    assertThat(rows(table)).isEqualTo(1);
  }

  @Test
  void keepsOneKeyForDifferentTenantsMetersAndTimes() {
    UsageStore store = store();
    UsageEvent base = UsageEvent.of(TenantId.of("acme"), "api_calls", 1, NOON, "k");
    UsageEvent otherTenant = UsageEvent.of(TenantId.of("globex"), "api_calls", 1, NOON, "k");
    UsageEvent otherMeter = UsageEvent.of(TenantId.of("acme"), "bytes_out", 1, NOON, "k");
    UsageEvent otherTime =
        UsageEvent.of(TenantId.of("acme"), "api_calls", 1, NOON.plusNanos(1), "k");
    for (UsageEvent event : new UsageEvent[] {base, otherTenant, otherMeter, otherTime, base}) {
      store.append(event);
    }
    assertThat(replayed(store)).containsExactly(base, otherTenant, otherMeter, otherTime);
  }

  @Test
  void refusesAKeyReusedForAnotherEventAndKeepsTheFirst() {
    UsageStore store = store();
    UsageEvent stored = UsageEvent.of(TenantId.of("acme"), "api_calls", 1, NOON, "k");
    store.append(stored);
    assertThatThrownBy(
            () -> store.append(UsageEvent.of(TenantId.of("acme"), "api_calls", 2, NOON, "k")))
        .isInstanceOf(UsageStoreException.class)
        .hasMessageContaining("'k'")
        .hasMessageContaining("stored with value 1")
        .hasMessageContaining("must not be reused");
    assertThatThrownBy(() -> store.append(stored.withDimension("region", "us")))
        .isInstanceOf(UsageStoreException.class)
        .hasMessageContaining("{region=us}");
    assertThat(replayed(store)).containsExactly(stored);
  }

  @Test
  void aRestartedMeterCountsAnEventRecordedByTwoInstancesOnce() {
    String table = newTable();
    PostgresUsageStore.of(dataSource, table).createTable();
    MeterDefinition calls =
        MeterDefinition.of("api_calls", Aggregation.SUM, Duration.ofHours(1), Duration.ZERO);
    ManualClock clock = new ManualClock(NOON.plusSeconds(60));
    UsageEvent event = UsageEvent.of(TenantId.of("acme"), "api_calls", 5, NOON, "request-7");
    UsageEvent other = UsageEvent.of(TenantId.of("acme"), "api_calls", 2, NOON, "request-8");
    try (PostgresUsageStore a = PostgresUsageStore.of(dataSource, table);
        PostgresUsageStore b = PostgresUsageStore.of(otherInstance, table)) {
      UsageMeter first = UsageMeter.builder().meter(calls).store(a).clock(clock).build();
      UsageMeter second = UsageMeter.builder().meter(calls).store(b).clock(clock).build();
      assertThat(first.record(event)).isInstanceOf(RecordResult.Accepted.class);
      assertThat(second.record(event))
          .as("the other instance has not seen the key")
          .isInstanceOf(RecordResult.Accepted.class);
      second.record(other);
    }
    try (PostgresUsageStore restarted = PostgresUsageStore.of(dataSource, table)) {
      UsageMeter meter = UsageMeter.builder().meter(calls).store(restarted).clock(clock).build();
      assertThat(meter.aggregate(TenantId.of("acme"), "api_calls", NOON).value()).isEqualTo(7);
      assertThat(meter.aggregate(TenantId.of("acme"), "api_calls", NOON).eventCount()).isEqualTo(2);
    }
  }

  @Test
  void createTableIsIdempotentAndKeepsEvents() {
    PostgresUsageStore store = (PostgresUsageStore) store();
    UsageEvent event = UsageEvent.of(TenantId.of("acme"), "api_calls", 1, NOON, "k");
    store.append(event);
    store.createTable();
    assertThat(replayed(store)).containsExactly(event);
  }

  @Test
  void refusesABadTableName() {
    assertThatThrownBy(() -> PostgresUsageStore.of(dataSource, "a.b.c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table must be name or schema.name");
    assertThatThrownBy(() -> PostgresUsageStore.of(dataSource, "Events; DROP"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table must match");
  }
}

package dev.tdeveloper.backend.postgres.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.backend.postgres.StateDatabase;
import dev.tdeveloper.observability.ObservabilityException;
import dev.tdeveloper.observability.alert.Severity;
import dev.tdeveloper.observability.spi.EscalationState;
import dev.tdeveloper.observability.spi.EscalationStateStore;
import dev.tdeveloper.observability.spi.EscalationStateStoreProvider;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two escalators' stores on one database, privileges, failures and the provider. */
@ExtendWith(LocalPostgresExtension.class)
class PostgresEscalationStateStoreTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.000000001Z");
  @RegisterExtension static final StateDatabase db = StateDatabase.named("escalation_state");

  private static String installed() {
    String table = db.newTable("ops.escalation");
    PostgresEscalationStateStore.install(db.admin(), table, db.role());
    PostgresEscalationStateStore.install(db.admin(), table, db.role()); // idempotent
    return table;
  }

  private static EscalationState state(String id, String tenant, int level) {
    return new EscalationState(
        id,
        Optional.of(tenant),
        "default",
        "Database down",
        Severity.CRITICAL,
        T0,
        0,
        level,
        Optional.of(T0.plusSeconds(60L * level)),
        Set.of("alice"),
        Optional.empty());
  }

  @Test
  void twoInstancesSavingTheSameAndOtherIncidentsAtOnceLoseNothing() throws Exception {
    String table = installed();
    try (PostgresEscalationStateStore a = PostgresEscalationStateStore.open(db.app(), table);
        PostgresEscalationStateStore b =
            PostgresEscalationStateStore.open(db.otherInstance(), table)) {
      PostgresEscalationStateStore[] stores = {a, b};
      Concurrently.run(
          6,
          thread -> {
            for (int i = 0; i < 25; i++) {
              stores[thread % 2].save(state("SHARED", "acme", i));
              stores[thread % 2].save(state("T" + thread + "-" + i, "t" + thread, i));
            }
          });
      assertThat(b.loadAll()).hasSize(6 * 25 + 1);
      assertThat(a.load("SHARED")).get().satisfies(s -> assertThat(s.level()).isBetween(0, 24));
      assertThat(a.load("T5-24")).contains(state("T5-24", "t5", 24));
    }
  }

  @Test
  void oneTenantsRemovalsNeverTouchAnothersIncidents() {
    String table = installed();
    try (PostgresEscalationStateStore a = PostgresEscalationStateStore.open(db.app(), table);
        PostgresEscalationStateStore b =
            PostgresEscalationStateStore.open(db.otherInstance(), table)) {
      EscalationState globex = state("GLOBEX-1", "globex", 2);
      b.save(globex);
      for (int i = 0; i < 10; i++) {
        a.save(state("ACME-" + i, "acme", i));
        a.remove("ACME-" + i);
        a.remove("GLOBEX-" + (i + 2));
      }
      assertThat(a.loadAll()).containsExactly(globex);
    }
  }

  @Test
  void theApplicationRoleMayNotTruncateAlterOrDropTheTable() {
    String table = installed();
    assertThat(db.appStatementState("TRUNCATE " + table)).isEqualTo("42501");
    assertThat(db.appStatementState("ALTER TABLE " + table + " DROP COLUMN ack_by"))
        .isEqualTo("42501");
    assertThat(db.appStatementState("DROP TABLE " + table)).isEqualTo("42501");
  }

  @Test
  void failuresNameTheTableAndChangeNothing() {
    String table = installed();
    try (PostgresEscalationStateStore store = PostgresEscalationStateStore.open(db.app(), table)) {
      store.save(state("KEPT", "acme", 1));
      assertThatThrownBy(() -> store.save(null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> store.load(null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> store.remove(null)).isInstanceOf(NullPointerException.class);
      assertThat(store.loadAll()).containsExactly(state("KEPT", "acme", 1));
    }
    EscalationStateStore missing = PostgresEscalationStateStore.open(db.app(), "ops.nothing");
    assertThatThrownBy(missing::loadAll)
        .isInstanceOf(ObservabilityException.class)
        .hasMessageContaining("ops.nothing");
    missing.close();
    assertThatThrownBy(missing::loadAll)
        .isInstanceOf(ObservabilityException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void isFoundByNameRefusesBadSettingsAndNeverShowsThePassword() {
    String table = installed();
    EscalationStateStoreProvider provider =
        EscalationStateStoreProvider.select(Optional.of("postgres"));
    assertThat(provider).isInstanceOf(PostgresEscalationStateStoreProvider.class);
    Map<String, String> settings = db.providerSettings(table);
    try (EscalationStateStore a = provider.create(settings);
        EscalationStateStore b = provider.create(settings)) {
      a.save(state("VIA-PROVIDER", "acme", 0));
      assertThat(b.load("VIA-PROVIDER")).contains(state("VIA-PROVIDER", "acme", 0));
      assertThat(b).hasToString("PostgresEscalationStateStore[" + table + "]");
    }
    assertThatThrownBy(() -> provider.create(Map.of("url", "mysql://x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("url must be a jdbc:postgresql: URL");
    assertThatThrownBy(() -> provider.create(Map.of("url", db.url(), "table", "a.b.c")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table must be name or schema.name");
    String secret = "wrong-pw-3f9c1d7e-never-in-messages";
    assertThatThrownBy(
            () -> provider.create(Map.of("url", db.url(), "user", db.role(), "password", secret)))
        .isInstanceOf(ObservabilityException.class)
        .satisfies(e -> assertThat(String.valueOf(e) + e.getCause()).doesNotContain(secret));
  }
}

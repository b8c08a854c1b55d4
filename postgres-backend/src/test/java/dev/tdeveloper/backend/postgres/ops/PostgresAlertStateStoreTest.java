package dev.tdeveloper.backend.postgres.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.backend.postgres.StateDatabase;
import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.alert.Alert;
import dev.tdeveloper.observability.alert.AlertRouter;
import dev.tdeveloper.observability.alert.Matcher;
import dev.tdeveloper.observability.alert.NotificationLogEntry;
import dev.tdeveloper.observability.alert.Route;
import dev.tdeveloper.observability.alert.Silence;
import dev.tdeveloper.observability.notify.Notification;
import dev.tdeveloper.observability.notify.Notifier;
import dev.tdeveloper.observability.spi.AlertStateStore;
import dev.tdeveloper.observability.spi.AlertStateStoreException;
import dev.tdeveloper.observability.spi.AlertStateStoreProvider;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.testkit.servers.LocalPostgresExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two routers' stores on one database: concurrent writers, restarts, privileges, the provider. */
@ExtendWith(LocalPostgresExtension.class)
class PostgresAlertStateStoreTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456789Z");
  @RegisterExtension static final StateDatabase db = StateDatabase.named("alert_state");

  private static String installed() {
    String table = db.newTable("ops.alerts");
    PostgresAlertStateStore.install(db.admin(), table, db.role());
    PostgresAlertStateStore.install(db.admin(), table, db.role()); // idempotent
    return table;
  }

  private static NotificationLogEntry entry(String group, Instant at, long fingerprint) {
    return new NotificationLogEntry(group, "ops", at, Set.of(fingerprint), Set.of());
  }

  @Test
  void concurrentWritersOnTwoInstancesKeepTheNewestEntryOfEveryGroup() throws Exception {
    String table = installed();
    try (PostgresAlertStateStore a = PostgresAlertStateStore.open(db.app(), table);
        PostgresAlertStateStore b = PostgresAlertStateStore.open(db.otherInstance(), table)) {
      PostgresAlertStateStore[] stores = {a, b};
      Concurrently.run(
          6,
          thread -> {
            for (int round = 0; round < 40; round++) {
              List<NotificationLogEntry> batch = new ArrayList<>();
              // Every thread writes every group, in a different order, with its own times.
              for (int g = 0; g < 5; g++) {
                int group = (g + thread) % 5;
                batch.add(entry("g" + group, T0.plusSeconds(round * 10L + thread), thread));
              }
              stores[thread % 2].recordNotifications(batch);
            }
          });
      List<NotificationLogEntry> log = b.notificationLog();
      assertThat(log).hasSize(5);
      Instant newest = T0.plusSeconds(39 * 10L + 5);
      assertThat(log).allSatisfy(e -> assertThat(e.at()).isEqualTo(newest));
      assertThat(log).allSatisfy(e -> assertThat(e.firing()).containsExactly(5L));
    }
  }

  @Test
  void aLateWriterCannotRollTheLogBackToAnOlderNotification() {
    String table = installed();
    try (PostgresAlertStateStore a = PostgresAlertStateStore.open(db.app(), table);
        PostgresAlertStateStore b = PostgresAlertStateStore.open(db.otherInstance(), table)) {
      a.recordNotifications(List.of(entry("g", T0.plusSeconds(60), 2)));
      b.recordNotifications(List.of(entry("g", T0, 1), entry("h", T0, 1)));
      assertThat(a.notificationLog())
          .containsExactly(entry("g", T0.plusSeconds(60), 2), entry("h", T0, 1));
      b.recordNotifications(List.of(entry("g", T0.plusSeconds(60), 3)));
      assertThat(a.notificationLog()).contains(entry("g", T0.plusSeconds(60), 3));
    }
  }

  @Test
  void aRouterStartedOnAnotherInstanceDoesNotRepeatWhatTheFirstNotified() {
    String table = installed();
    ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    Route route = Route.builder().receiver("ops").groupBy("alertname").build();
    Alert alert =
        Alert.firing(
            Labels.of("alertname", "Down", "severity", "critical", "tenant", "acme"),
            Map.of(),
            clock.instant());
    ConcurrentLinkedQueue<Notification> sent = new ConcurrentLinkedQueue<>();
    Notifier notifier =
        new Notifier() {
          @Override
          public String name() {
            return "recording";
          }

          @Override
          public void send(Notification notification) {
            sent.add(notification);
          }

          @Override
          public void close() {}
        };
    try (PostgresAlertStateStore a = PostgresAlertStateStore.open(db.app(), table)) {
      AlertRouter first =
          AlertRouter.builder()
              .route(route)
              .receiver("ops", notifier)
              .clock(clock)
              .stateStore(a)
              .build();
      first.receive(alert);
      clock.advance(Route.DEFAULT_GROUP_WAIT.plusSeconds(1));
      first.tick();
      assertThat(sent).hasSize(1);
    }
    try (PostgresAlertStateStore b = PostgresAlertStateStore.open(db.otherInstance(), table)) {
      AlertRouter second =
          AlertRouter.builder()
              .route(route)
              .receiver("ops", notifier)
              .clock(clock)
              .stateStore(b)
              .build();
      Instant repeatDue = sent.peek().at().plus(Route.DEFAULT_REPEAT_INTERVAL);
      Instant end = repeatDue.plus(Route.DEFAULT_GROUP_INTERVAL);
      while (!clock.instant().isAfter(end)) {
        second.receive(alert);
        second.tick();
        clock.advance(Duration.ofMinutes(1));
      }
      assertThat(sent)
          .as("one repeat, only once repeat_interval has passed since the first router's")
          .hasSize(2)
          .last()
          .satisfies(n -> assertThat(n.at()).isAfter(repeatDue));
    }
  }

  @Test
  void oneTenantsSilencesNeverReplaceOrPruneAnothers() {
    String table = installed();
    Silence acme =
        new Silence(
            "s-acme",
            List.of(Matcher.equal("alertname", "Down")),
            T0,
            T0.plusSeconds(60),
            "alice",
            "acme maintenance",
            Optional.of("acme"));
    Silence globex =
        new Silence(
            "s-globex",
            List.of(Matcher.equal("alertname", "Down")),
            T0,
            T0.plusSeconds(7200),
            "bob",
            "globex maintenance",
            Optional.of("globex"));
    try (PostgresAlertStateStore a = PostgresAlertStateStore.open(db.app(), table);
        PostgresAlertStateStore b = PostgresAlertStateStore.open(db.otherInstance(), table)) {
      b.saveSilence(globex);
      for (int i = 0; i < 10; i++) {
        a.saveSilence(acme);
        a.saveSilence(acme.expiredAt(T0.plusSeconds(1 + i)));
      }
      a.prune(T0.plusSeconds(3600));
      assertThat(b.silences()).containsExactly(globex);
    }
  }

  @Test
  void recordNotificationsIsAllOrNothingAndRejectsNullEntries() {
    String table = installed();
    try (PostgresAlertStateStore a = PostgresAlertStateStore.open(db.app(), table)) {
      List<NotificationLogEntry> withNull = new ArrayList<>();
      withNull.add(entry("g", T0, 1));
      withNull.add(null);
      assertThatThrownBy(() -> a.recordNotifications(withNull))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> a.recordNotifications(null))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> a.saveSilence(null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> a.prune(null)).isInstanceOf(NullPointerException.class);
      assertThat(a.notificationLog()).isEmpty();
    }
  }

  @Test
  void theApplicationRoleMayNotTruncateOrDropTheTables() {
    String table = installed();
    assertThat(db.appStatementState("TRUNCATE " + table + "_notifications")).isEqualTo("42501");
    assertThat(db.appStatementState("DROP TABLE " + table + "_silences")).isEqualTo("42501");
    assertThat(db.appStatementState("ALTER TABLE " + table + "_silences ADD COLUMN x int"))
        .isEqualTo("42501");
  }

  @Test
  void failuresNameTheTableAndAClosedStoreRefusesUse() {
    AlertStateStore missing = PostgresAlertStateStore.open(db.app(), "ops.nothing");
    assertThatThrownBy(missing::notificationLog)
        .isInstanceOf(AlertStateStoreException.class)
        .hasMessageContaining("ops.nothing");
    PostgresAlertStateStore closed = PostgresAlertStateStore.open(db.app(), installed());
    closed.close();
    assertThatThrownBy(closed::silences)
        .isInstanceOf(AlertStateStoreException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> PostgresAlertStateStore.open(db.app(), "Alerts"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table must match");
  }

  @Test
  void isFoundByNameRefusesBadSettingsAndNeverShowsThePassword() {
    String table = installed();
    AlertStateStoreProvider provider = AlertStateStoreProvider.select(Optional.of("postgres"));
    assertThat(provider).isInstanceOf(PostgresAlertStateStoreProvider.class);
    Map<String, String> settings = db.providerSettings(table);
    try (AlertStateStore a = provider.create(settings);
        AlertStateStore b = provider.create(settings)) {
      a.recordNotifications(List.of(entry("g", T0, 1)));
      assertThat(b.notificationLog()).containsExactly(entry("g", T0, 1));
      assertThat(a).hasToString("PostgresAlertStateStore[" + table + "]");
    }
    assertThatThrownBy(() -> provider.create(Map.of("url", db.url(), "directory", "/tmp")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[directory]");
    String secret = "wrong-pw-3f9c1d7e-never-in-messages";
    assertThatThrownBy(
            () -> provider.create(Map.of("url", db.url(), "user", db.role(), "password", secret)))
        .isInstanceOf(AlertStateStoreException.class)
        .satisfies(e -> assertThat(String.valueOf(e) + e.getCause()).doesNotContain(secret));
    assertThatThrownBy(
            () ->
                provider.create(
                    Map.of("url", db.url(), "user", db.role(), "password", db.password())))
        .as("the default tables are not installed")
        .isInstanceOf(AlertStateStoreException.class)
        .hasMessageContaining("alert_state");
  }
}

package dev.tdeveloper.observability.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.observability.alert.Matcher;
import dev.tdeveloper.observability.alert.NotificationLogEntry;
import dev.tdeveloper.observability.alert.Silence;
import dev.tdeveloper.observability.spi.AlertStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link AlertStateStore} passes. A subclass returns, from {@link #open()}, a
 * store over one durable location that is empty at the start of each test; after the kit closes a
 * store, a second {@code open()} in the same test must reach the same location, as a restarted
 * process would.
 */
public abstract class AlertStateStoreContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** Creates the kit. */
  protected AlertStateStoreContract() {}

  /**
   * Opens a store over this test's location: empty at first, the same location on every call.
   *
   * @return a new (or the same, for an in-memory store) store instance
   */
  protected abstract AlertStateStore open();

  private static NotificationLogEntry entry(String group, Instant at, long... firing) {
    Set<Long> fps = new java.util.HashSet<>();
    for (long f : firing) {
      fps.add(f);
    }
    return new NotificationLogEntry(group, "ops", at, fps, Set.of(-1L));
  }

  private static Silence silence(String id, String tenant, Instant endsAt) {
    return new Silence(
        id,
        List.of(Matcher.equal("alertname", "X"), Matcher.regex("job", "a|b\"c")),
        T0,
        endsAt,
        "alice",
        "maintenance",
        Optional.ofNullable(tenant));
  }

  @Test
  void startsEmpty() {
    AlertStateStore store = open();
    assertThat(store.notificationLog()).isEmpty();
    assertThat(store.silences()).isEmpty();
  }

  @Test
  void recordsReplaceByGroupAndReceiverAndSurviveAReopen() {
    AlertStateStore store = open();
    store.recordNotifications(List.of(entry("g1", T0, 1, 2), entry("g2", T0, 3)));
    store.recordNotifications(List.of(entry("g1", T0.plusSeconds(300), 1, Long.MIN_VALUE)));
    store.close();
    AlertStateStore reopened = open();
    assertThat(reopened.notificationLog())
        .containsExactlyInAnyOrder(
            entry("g1", T0.plusSeconds(300), 1, Long.MIN_VALUE), entry("g2", T0, 3));
    reopened.close();
  }

  @Test
  void silencesReplaceByIdKeepOtherTenantsAndSurviveAReopen() {
    AlertStateStore store = open();
    Silence acme = silence("s1", "acme", T0.plusSeconds(3600));
    Silence globex = silence("s2", "globex", T0.plusSeconds(3600));
    store.saveSilence(acme);
    store.saveSilence(globex);
    Silence expired = acme.expiredAt(T0.plusSeconds(60));
    store.saveSilence(expired);
    store.close();
    AlertStateStore reopened = open();
    assertThat(reopened.silences()).containsExactly(expired, globex);
    reopened.close();
  }

  @Test
  void pruneDeletesOnlyWhatEndedBeforeTheCutoff() {
    AlertStateStore store = open();
    store.recordNotifications(
        List.of(entry("old", T0, 1), entry("new", T0.plus(Duration.ofHours(2)), 2)));
    store.saveSilence(silence("ended", null, T0.plusSeconds(60)));
    store.saveSilence(silence("running", null, T0.plus(Duration.ofHours(3))));
    store.prune(T0.plus(Duration.ofHours(1)));
    assertThat(store.notificationLog())
        .extracting(NotificationLogEntry::groupKey)
        .containsExactly("new");
    assertThat(store.silences()).extracting(Silence::id).containsExactly("running");
    store.close();
    AlertStateStore reopened = open();
    assertThat(reopened.notificationLog())
        .extracting(NotificationLogEntry::groupKey)
        .containsExactly("new");
    assertThat(reopened.silences()).extracting(Silence::id).containsExactly("running");
    reopened.close();
  }
}

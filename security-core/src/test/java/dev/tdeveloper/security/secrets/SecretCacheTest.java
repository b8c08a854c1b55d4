package dev.tdeveloper.security.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretNotFoundException;
import dev.tdeveloper.security.spi.SecretStoreException;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SecretCacheTest {
  private static final SecretName DB = SecretName.of(TenantId.of("acme"), "db");
  private static final Duration REFRESH = Duration.ofMinutes(5);
  private static final Duration STALENESS = Duration.ofMinutes(30);

  private final ManualClock clock = new ManualClock();
  private final FlakySecretStore store = new FlakySecretStore(InMemorySecretStore.create(clock));
  private final List<SecretCacheEvent> events = new CopyOnWriteArrayList<>();

  private SecretCache cache() {
    return SecretCache.builder(store)
        .ticker(clock)
        .executor(Runnable::run)
        .refreshAfter(REFRESH)
        .maxStaleness(STALENESS)
        .maximumSize(2)
        .listener(events::add)
        .build();
  }

  @Test
  void servesTheCurrentValueAndPicksUpARotationAfterTheRefreshInterval() {
    store.putCurrent(DB, "v1", Secret.ofString("one"));
    SecretCache cache = cache();
    assertThat(cache.current(DB).stringValue()).isEqualTo("one");
    store.putCurrent(DB, "v2", Secret.ofString("two"));
    assertThat(cache.current(DB).stringValue()).as("cached until the refresh").isEqualTo("one");
    clock.advance(REFRESH.plusSeconds(1));
    cache.current(DB); // triggers the refresh, which runs on this thread
    assertThat(cache.current(DB).stringValue()).isEqualTo("two");
    assertThat(cache.currentVersionId(DB)).isEqualTo("v2");
    assertThat(events).containsExactly(new SecretCacheEvent.Changed(DB, "v1", "v2"));
  }

  @Test
  void servesTheLastGoodValueWhileRefreshesFailUpToTheMaximumStaleness() {
    store.putCurrent(DB, "v1", Secret.ofString("one"));
    SecretCache cache = cache();
    cache.current(DB);
    store.down = true;
    clock.advance(REFRESH.plusSeconds(1));
    assertThat(cache.current(DB).stringValue()).isEqualTo("one");
    clock.advance(STALENESS.minus(REFRESH).minusSeconds(2));
    assertThat(cache.current(DB).stringValue()).isEqualTo("one");
    assertThat(events)
        .first()
        .isInstanceOfSatisfying(
            SecretCacheEvent.RefreshFailed.class,
            e -> {
              assertThat(e.servedVersion()).isEqualTo("v1");
              assertThat(e.reason()).contains("unreachable");
            });
    clock.advance(Duration.ofSeconds(2));
    assertThatThrownBy(() -> cache.current(DB))
        .as("too stale to serve")
        .isInstanceOf(SecretStoreException.class);
    store.down = false;
    assertThat(cache.current(DB).stringValue()).isEqualTo("one");
  }

  @Test
  void holdsAtMostItsMaximumSizeAndReadsAgainAfterInvalidation() {
    for (String tenant : List.of("a", "b", "c")) {
      store.putCurrent(SecretName.of(TenantId.of(tenant), "db"), "v1", Secret.ofString(tenant));
    }
    SecretCache cache = cache();
    for (String tenant : List.of("a", "b", "c")) {
      assertThat(cache.current(SecretName.of(TenantId.of(tenant), "db")).stringValue())
          .isEqualTo(tenant);
    }
    cache.cleanUp();
    assertThat(cache.size()).isEqualTo(2);
    SecretName a = SecretName.of(TenantId.of("a"), "db");
    store.putCurrent(a, "v2", Secret.ofString("a2"));
    cache.invalidate(a);
    assertThat(cache.current(a).stringValue()).isEqualTo("a2");
  }

  @Test
  void returnedValuesAreCopiesTheCallerMayDestroy() {
    store.putCurrent(DB, "v1", Secret.ofString("one"));
    SecretCache cache = cache();
    cache.current(DB).destroy();
    assertThat(cache.current(DB).stringValue()).isEqualTo("one");
  }

  @Test
  void aMissingSecretIsReportedAndBadSettingsAreRefused() {
    SecretCache cache = cache();
    assertThatThrownBy(() -> cache.current(DB)).isInstanceOf(SecretNotFoundException.class);
    store.put(DB, "v1", Secret.ofString("no label yet"));
    assertThatThrownBy(() -> cache.current(DB))
        .isInstanceOf(SecretNotFoundException.class)
        .hasMessageNotContaining("no label yet");
    assertThatThrownBy(
            () ->
                SecretCache.builder(store)
                    .refreshAfter(Duration.ofMinutes(10))
                    .maxStaleness(Duration.ofMinutes(10))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maxStaleness");
    assertThatThrownBy(() -> SecretCache.builder(store).refreshAfter(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SecretCache.builder(store).maximumSize(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SecretCache.builder(store).ticker(clock).ticker(clock))
        .isInstanceOf(IllegalStateException.class);
  }
}

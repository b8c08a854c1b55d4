package dev.tdeveloper.backend.redis.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.backend.redis.TestClient;
import dev.tdeveloper.distribution.DistributionException;
import dev.tdeveloper.distribution.clock.Hlc;
import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Redis HLC store adds to the contract: exact marks, names, bad values, a killed writer.
 */
@ExtendWith(LocalRedisExtension.class)
class RedisHlcStateStoreTest {
  private static TestClient redis;
  private static URI uri;

  @TempDir Path temp;

  @BeforeAll
  static void connect(URI serverUri) {
    uri = serverUri;
    redis = new TestClient(serverUri);
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  private static RedisHlcStateStore store(String name) {
    return RedisHlcStateStore.builder(redis.client).name(name).build();
  }

  @Test
  void comparesMarksExactlyBeyondWhatALuaNumberHolds() {
    String name = "exact/" + UUID.randomUUID();
    try (RedisHlcStateStore store = store(name)) {
      store.store(Long.MAX_VALUE - 1);
      store.store(Long.MAX_VALUE - 2);
      assertThat(store.load()).isEqualTo(Long.MAX_VALUE - 1);
      store.store(Long.MAX_VALUE);
      assertThat(store.load()).isEqualTo(Long.MAX_VALUE);
      store.store(999);
      assertThat(store.load()).isEqualTo(Long.MAX_VALUE);
    }
  }

  @Test
  void storesUnderDifferentNamesNeverMeet() {
    try (RedisHlcStateStore a = store("names/" + UUID.randomUUID());
        RedisHlcStateStore b = store("names/" + UUID.randomUUID())) {
      a.store(5_000);
      assertThat(b.load()).isZero();
      b.store(10);
      assertThat(a.load()).isEqualTo(5_000);
    }
  }

  @Test
  void aKeyHoldingSomethingElseIsAnErrorNamingItAndIsNeverOverwritten() {
    String name = "garbage/" + UUID.randomUUID();
    redis.redis().set(RedisHlcStateStoreBuilder.DEFAULT_KEY_PREFIX + name, "12abc");
    try (RedisHlcStateStore store = store(name)) {
      assertThatThrownBy(store::load)
          .isInstanceOf(DistributionException.class)
          .hasMessageContaining(RedisHlcStateStoreBuilder.DEFAULT_KEY_PREFIX + name)
          .hasMessageContaining("12abc");
      assertThatThrownBy(() -> store.store(7))
          .isInstanceOf(DistributionException.class)
          .hasMessageContaining("12abc");
      assertThat(redis.redis().get(RedisHlcStateStoreBuilder.DEFAULT_KEY_PREFIX + name))
          .isEqualTo("12abc");
    }
  }

  @Test
  void builderRequiresAValidName() {
    assertThatThrownBy(() -> RedisHlcStateStore.builder(redis.client).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> RedisHlcStateStore.builder(redis.client).name("a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a b'");
    assertThatThrownBy(() -> RedisHlcStateStore.builder(redis.client).name("x").name("y"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("name");
  }

  @Test
  void aClockRestartedAfterItsProcessWasKilledStampsAboveEveryStampIssued() throws Exception {
    String name = "crash/" + UUID.randomUUID();
    List<String> lines = new ArrayList<>();
    try (ChildJvm child =
        ChildJvm.start(RedisStampingMain.class, temp.resolve("child.err"), uri.toString(), name)) {
      child.awaitLine("READY", 60);
      while (lines.size() < 5_000) {
        String line = child.nextLine(60);
        assertThat(line).as(child.errorOutput()).isNotEqualTo(ChildJvm.EOF);
        lines.add(line);
      }
      lines.addAll(child.kill());
    }
    long highest = 0;
    for (String line : lines) {
      String[] parts = line.split(" ");
      if (parts.length == 2 && parts[0].equals("STAMP")) {
        try {
          highest = Math.max(highest, Long.parseLong(parts[1]));
        } catch (NumberFormatException cutShortByTheKill) {
          // the last line may be torn
        }
      }
    }
    HlcTimestamp last = HlcTimestamp.decode(highest);
    long anHourEarlier = last.physicalMillis() - 3_600_000;
    try (RedisHlcStateStore store = store(name)) {
      assertThat(store.load()).isGreaterThanOrEqualTo(last.physicalMillis());
      Hlc restarted = Hlc.builder().physicalMillis(() -> anHourEarlier).stateStore(store).build();
      assertThat(restarted.now()).isGreaterThan(last);
    }
  }

  @Test
  void commandTimeoutIsValidated() {
    assertThatThrownBy(
            () -> RedisHlcStateStore.builder(redis.client).commandTimeout(Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT1H");
  }
}

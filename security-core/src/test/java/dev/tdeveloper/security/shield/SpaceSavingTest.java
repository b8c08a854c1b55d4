package dev.tdeveloper.security.shield;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Space-Saving bucket's open-addressing index under churn, with colliding hash codes. */
class SpaceSavingTest {
  /** A key whose hash code collides with a third of all keys, to force long probe runs. */
  private record Colliding(int id) {
    @Override
    public int hashCode() {
      return id % 3;
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 16, 64, 100})
  void indexAlwaysFindsExactlyTheTrackedKeysAndCountsSumToTheStream(int capacity) {
    SplittableRandom random = new SplittableRandom(capacity);
    for (List<Object> universe : List.of(keys(capacity * 4, false), keys(capacity * 4, true))) {
      SpaceSaving<Object> summary = new SpaceSaving<>(capacity);
      long stream = 0;
      for (int step = 0; step < 8_000; step++) {
        Object key = universe.get(random.nextInt(universe.size()));
        int op = random.nextInt(100);
        if (op < 85) {
          SpaceSaving.Counter<Object> counter = summary.offer(key, SpaceSaving.hash(key));
          stream++;
          assertThat(counter.key).isEqualTo(key);
        } else if (op < 99) {
          SpaceSaving.Counter<Object> removed = summary.get(key, SpaceSaving.hash(key));
          summary.remove(key, SpaceSaving.hash(key));
          stream -= removed == null ? 0 : removed.count;
        } else {
          summary.clear();
          stream = 0;
        }
        check(summary, universe, capacity, stream);
      }
    }
  }

  private static List<Object> keys(int n, boolean colliding) {
    Object[] keys = new Object[n];
    for (int i = 0; i < n; i++) {
      keys[i] = colliding ? new Colliding(i) : "key-" + i;
    }
    return List.of(keys);
  }

  private static void check(
      SpaceSaving<Object> summary, List<Object> universe, int capacity, long stream) {
    Set<Object> tracked = new HashSet<>();
    long[] total = {0};
    summary.forEach(
        c -> {
          tracked.add(c.key);
          total[0] += c.count;
          assertThat(c.count).isGreaterThan(c.error);
        });
    assertThat(summary.size()).isEqualTo(tracked.size()).isLessThanOrEqualTo(capacity);
    assertThat(total[0]).isEqualTo(stream);
    for (Object key : universe) {
      SpaceSaving.Counter<Object> found = summary.get(key, SpaceSaving.hash(key));
      if (tracked.contains(key)) {
        assertThat(found).isNotNull();
        assertThat(found.key).isEqualTo(key);
      } else {
        assertThat(found).isNull();
      }
    }
  }
}

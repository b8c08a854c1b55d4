package dev.tdeveloper.security.shield;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Space-Saving bucket: its Stream-Summary (least counter replaced, counters pooled) and its
 * open-addressing index under churn, with colliding hash codes.
 */
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

  @Test
  void aNewKeyTakesOverTheOldestLeastCounterAndInheritsItsCount() {
    SpaceSaving<String> summary = new SpaceSaving<>(3);
    offer(summary, "a", 3);
    offer(summary, "b", 1);
    offer(summary, "c", 1);
    assertThat(summary.minCount()).isEqualTo(1);
    assertThat(summary.maxCount()).isEqualTo(3);

    SpaceSaving.Counter<String> d = offer(summary, "d", 1); // b and c have 1: b is older
    assertThat(summary.get("b", SpaceSaving.hash("b"))).isNull();
    assertThat(d.count).isEqualTo(2);
    assertThat(d.error).isEqualTo(1);
    assertThat(d.previous).isEqualTo(Stripe.UNKNOWN);

    SpaceSaving.Counter<String> e = offer(summary, "e", 1); // c is now the only least (1)
    assertThat(summary.get("c", SpaceSaving.hash("c"))).isNull();
    assertThat(e.count).isEqualTo(2);
    assertThat(summary.minCount()).isEqualTo(2);

    offer(summary, "a", 1);
    SpaceSaving.Counter<String> f = offer(summary, "f", 1); // d and e have 2: d is older
    assertThat(summary.get("d", SpaceSaving.hash("d"))).isNull();
    assertThat(f.count).isEqualTo(3);
    assertThat(f.error).isEqualTo(2);
    assertThat(summary.get("a", SpaceSaving.hash("a")).count).isEqualTo(4);
    assertThat(summary.maxCount()).isEqualTo(4);
    assertThat(summary.size()).isEqualTo(3);
  }

  @Test
  void reusesItsCountersAfterAClearInsteadOfAllocating() {
    SpaceSaving<String> summary = new SpaceSaving<>(50);
    for (int i = 0; i < 500; i++) {
      offer(summary, "k" + (i % 80), 1);
    }
    Set<SpaceSaving.Counter<String>> before = identities(summary);
    assertThat(before).hasSize(50);
    summary.clear();
    assertThat(summary.size()).isZero();
    assertThat(summary.minCount()).isZero();
    assertThat(summary.maxCount()).isZero();
    assertThat(summary.get("k1", SpaceSaving.hash("k1"))).isNull();
    for (int i = 0; i < 300; i++) {
      offer(summary, "n" + (i % 70), 1);
    }
    assertThat(identities(summary)).isEqualTo(before);
    assertThat(summary.get("n1", SpaceSaving.hash("n1")).count).isGreaterThanOrEqualTo(4);
  }

  private static SpaceSaving.Counter<String> offer(SpaceSaving<String> s, String key, int times) {
    SpaceSaving.Counter<String> counter = null;
    for (int i = 0; i < times; i++) {
      counter = s.offer(key, SpaceSaving.hash(key));
    }
    return counter;
  }

  private static Set<SpaceSaving.Counter<String>> identities(SpaceSaving<String> summary) {
    Set<SpaceSaving.Counter<String>> set = Collections.newSetFromMap(new IdentityHashMap<>());
    summary.forEach(set::add);
    return set;
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
    List<Long> counts = new ArrayList<>();
    summary.forEach(
        c -> {
          tracked.add(c.key);
          total[0] += c.count;
          counts.add(c.count);
          assertThat(c.count).isGreaterThan(c.error);
        });
    assertThat(summary.minCount())
        .isEqualTo(counts.isEmpty() ? 0L : (long) Collections.min(counts));
    assertThat(summary.maxCount())
        .isEqualTo(counts.isEmpty() ? 0L : (long) Collections.max(counts));
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

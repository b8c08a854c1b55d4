package dev.tdeveloper.observability.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class FingerprintMapTest {

  /**
   * Random puts and removes over a small key space (so runs collide, wrap around and shift back on
   * removal) leave the map equal to a {@link HashMap} given the same operations.
   */
  @Property(tries = 300)
  void behavesAsAHashMapUnderPutsAndRemoves(
      @ForAll @Size(max = 400) List<@LongRange(min = -40, max = 40) Long> keys,
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 2) Integer> operations) {
    FingerprintMap<String> map = new FingerprintMap<>();
    Map<Long, String> expected = new HashMap<>();
    for (int i = 0; i < Math.min(keys.size(), operations.size()); i++) {
      long key = keys.get(i) * 0x100000000L; // same low bits: the hash must still spread them
      if (operations.get(i) == 0) {
        assertThat(map.remove(key)).isEqualTo(expected.remove(key) != null);
      } else {
        map.put(key, "v" + i);
        expected.put(key, "v" + i);
      }
      assertThat(map.size()).isEqualTo(expected.size());
    }
    for (long k = -40; k <= 40; k++) {
      assertThat(map.get(k * 0x100000000L)).isEqualTo(expected.get(k * 0x100000000L));
    }
    assertThat(map.values()).containsExactlyInAnyOrderElementsOf(expected.values());
  }
}

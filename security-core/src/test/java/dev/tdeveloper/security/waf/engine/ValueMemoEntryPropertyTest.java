package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A {@link ValueMemo.Entry} is read in place by the rows that start from it, so its lookups by node
 * (a scan for a few nodes, a binary search past that) must answer exactly what it was given,
 * whatever order the nodes came in.
 */
class ValueMemoEntryPropertyTest {

  @Property(tries = 300)
  void findsEveryNodeItWasGivenAndNoOther(
      @ForAll @IntRange(min = 0, max = 60) int count, @ForAll long seed) {
    Random random = new Random(seed);
    List<Integer> all = new ArrayList<>();
    for (int node = 0; node < 80; node++) {
      all.add(node);
    }
    Collections.shuffle(all, random);
    Map<Integer, String> given = new HashMap<>();
    int[] nodes = new int[count];
    String[] values = new String[count];
    for (int i = 0; i < count; i++) {
      nodes[i] = all.get(i);
      values[i] = "v" + nodes[i] + "-" + random.nextInt(1000);
      given.put(nodes[i], values[i]);
    }
    String[] scannedValues = {values.length > 0 ? values[0] : "x"};
    int[][] scanned = {{1, 2}};
    ValueMemo.Entry e =
        new ValueMemo.Entry(
            "raw",
            new long[] {1, 2, 3, 4, 5},
            new int[] {7},
            nodes,
            values,
            scannedValues,
            scanned);
    for (int node = 0; node < 80; node++) {
      assertThat(e.value(node)).isSameAs(given.get(node));
    }
    for (int i = 1; i < e.nodes.length; i++) {
      assertThat(e.nodes[i]).isGreaterThan(e.nodes[i - 1]);
    }
    assertThat(e.scanned(scannedValues[0])).isSameAs(scanned[0]);
    assertThat(e.scanned(new String(scannedValues[0]))).isNull();
    assertThat(new long[] {e.c0, e.c1, e.c2, e.c3, e.c4}).containsExactly(1, 2, 3, 4, 5);
    assertThat(e.charsKnown).isTrue();
  }
}

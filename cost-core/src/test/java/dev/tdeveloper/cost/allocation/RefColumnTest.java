package dev.tdeveloper.cost.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RefColumnTest {
  /** Grown in steps across chunk boundaries, it holds what a plain array grown alike holds. */
  @Property(tries = 50)
  void holdsWhatAnArrayWould(
      @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 100_000) Integer> growth) {
    RefColumn<String> column = new RefColumn<>();
    String[] plain = new String[0];
    int n = 0;
    for (int step : growth) {
      int from = n;
      n += step;
      column.ensure(n);
      plain = Arrays.copyOf(plain, n);
      for (int i = from; i < n; i += 997) {
        column.set(i, "v" + i);
        plain[i] = "v" + i;
      }
      column.set(n - 1, "last" + n);
      plain[n - 1] = "last" + n;
    }
    for (int i = 0; i < n; i++) {
      assertThat(column.get(i)).isEqualTo(plain[i]);
    }
  }
}

package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.regex.LiteralIndex;
import dev.tdeveloper.security.waf.regex.WafPattern;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link TargetViews} reused across transactions answers as a new instance: whatever earlier
 * transactions kept (values, literals and rows of targets, in arrays kept for reuse, shorter or
 * longer than the next targets, past the length kept for reuse), a view or selection shows only
 * what its transaction stored since it was last prepared, and nothing at all after a reset. Arrays
 * are emptied lazily (only those a transaction stored into, and never read before they are needed),
 * so this compares every read with a model of what was stored.
 */
class TargetViewsResetPropertyTest {
  private static final int SELECTIONS = 3;
  private static final int VIEWS = 5;
  private static final int[] LENGTHS = {0, 1, 2, 5, 9, 64, 65, 100};
  private static final CompiledRule.Variable ARGS =
      new CompiledRule.Variable("ARGS", Optional.empty(), Optional.empty(), false);
  private static final LiteralIndex INDEX =
      LiteralIndex.of(List.of(WafPattern.compile("abc"), WafPattern.compile("x+y")));

  /** One step: 0 select, 1 view, 2 store a value, 3 store literals, 4 ask a row, 5 read all. */
  private record Op(int kind, int id, int length, int at) {}

  @Provide
  Arbitrary<List<List<Op>>> transactions() {
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, VIEWS - 1),
                Arbitraries.integers().between(0, LENGTHS.length - 1),
                Arbitraries.integers().between(0, 199))
            .as(Op::new);
    return op.list().ofMaxSize(40).list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 400)
  void aReusedInstanceAnswersAsANewOne(@ForAll("transactions") List<List<Op>> transactions) {
    TargetViews reused = new TargetViews(SELECTIONS, VIEWS);
    int serial = 0;
    for (List<Op> ops : transactions) {
      ValueCache cache = new ValueCache(1, INDEX);
      Target[][] selected = new Target[SELECTIONS][];
      Target[][] viewed = new Target[VIEWS][];
      Map<Long, Object> stored = new HashMap<>();
      for (Op op : ops) {
        int view = op.id();
        int selection = view % SELECTIONS;
        switch (op.kind()) {
          case 0 -> {
            Target[] source = new Target[LENGTHS[op.length()]];
            for (int i = 0; i < source.length; i++) {
              source[i] = new Target("ARGS:k", "k", "t" + serial++);
            }
            assertThat(reused.select(selection, source, ARGS, List.of())).isSameAs(source);
            if (selected[selection] != source) {
              forgetSelection(stored, selection);
            }
            selected[selection] = source;
          }
          case 1 -> {
            if (selected[selection] != null) {
              reused.view(view, selected[selection]);
              if (viewed[view] != selected[selection]) {
                forgetView(stored, view);
              }
              viewed[view] = selected[selection];
            }
          }
          case 2, 3 -> {
            if (viewed[view] != null && viewed[view].length > 0) {
              int i = op.at() % viewed[view].length;
              if (op.kind() == 2) {
                String value = "s" + serial++;
                reused.value(view, i, value);
                stored.put(key(0, view, i), value);
              } else {
                int[] found = {serial++};
                reused.literals(view, i, found);
                stored.put(key(1, view, i), found);
              }
            }
          }
          case 4 -> {
            Target[] targets = selected[selection];
            if (targets != null && targets.length > 0) {
              int i = op.at() % targets.length;
              ValueCache.Row row = reused.row(selection, i, cache, targets[i].value());
              assertThat(row.raw).isEqualTo(targets[i].value());
              Object before = stored.putIfAbsent(key(2, selection, i), row);
              assertThat(before == null || before == row).isTrue();
            }
          }
          default -> {
            for (int v = 0; v < VIEWS; v++) {
              for (int i = 0; viewed[v] != null && i < viewed[v].length; i++) {
                assertThat(reused.value(v, i)).isSameAs(stored.get(key(0, v, i)));
                assertThat(reused.literals(v, i)).isSameAs(stored.get(key(1, v, i)));
              }
            }
          }
        }
      }
      reused.reset();
      // After a reset, any view of any targets shows nothing, as in a new instance.
      for (int s = 0; s < SELECTIONS; s++) {
        Target[] source = new Target[LENGTHS[(s + ops.size()) % LENGTHS.length]];
        for (int i = 0; i < source.length; i++) {
          source[i] = new Target("ARGS:k", "k", "r" + i);
        }
        reused.select(s, source, ARGS, List.of());
        for (int v = s; v < VIEWS; v += SELECTIONS) {
          reused.view(v, source);
          assertThat(reused.union(v)).isNull();
          for (int i = 0; i < source.length; i++) {
            assertThat(reused.value(v, i)).isNull();
            assertThat(reused.literals(v, i)).isNull();
          }
        }
      }
      reused.reset();
    }
  }

  private static long key(int what, int id, int i) {
    return ((long) what << 40) | ((long) id << 20) | i;
  }

  private static void forgetSelection(Map<Long, Object> stored, int selection) {
    stored.keySet().removeIf(k -> (k >>> 40) == 2 && ((k >>> 20) & 0xFFFFF) == selection);
  }

  private static void forgetView(Map<Long, Object> stored, int view) {
    stored.keySet().removeIf(k -> (k >>> 40) < 2 && ((k >>> 20) & 0xFFFFF) == view);
  }
}

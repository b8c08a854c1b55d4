package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.regex.WafPattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link TxCollection} keeps what each key regex selected across writes, and keys {@link TxKeys}
 * numbers in an array, and a key regex's answers by key number across collections ({@link
 * TxKeyMatches}); reads must give what a plain ordered map searched afresh gives, whatever the
 * sequence of writes, rewrites and removals, by name or by number (set, add, replay and read).
 */
class TxCollectionPropertyTest {
  private static final List<String> KEYS =
      List.of("header_name_a", "Header_Name_B", "anomaly_score", "x", "header_name_", "rx_1");
  private static final List<WafPattern> PATTERNS =
      List.of(
          WafPattern.compile("^HEADER_NAME_"),
          WafPattern.compile("(?i)^header_name_"),
          WafPattern.compile("_"),
          WafPattern.compile("^rx"));

  // Each pattern's answers by key number, shared by every try as by every transaction.
  private static final List<TxKeyMatches> MATCHES =
      PATTERNS.stream().map(TxKeyMatches::new).toList();

  // The first four keys are numbered, the others kept by name.
  private static final int[] SLOTS = {
    TxKeys.slot(KEYS.get(0)), TxKeys.slot(KEYS.get(1)), TxKeys.slot(KEYS.get(2)), -1, -1, -1
  };

  /**
   * 0 = set, 1 = remove, 2 = read by regex, 3 = read by key and regex, 4 = read all, 5 = add (a
   * {@code setvar:tx.k=+n}, against a read and a write); by number: 6 = set, 7 = add, 8 = a
   * replayed write, 9 = read.
   */
  private record Op(int kind, int key, int pattern, String value) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, KEYS.size() - 1),
                Arbitraries.integers().between(0, PATTERNS.size() - 1),
                Arbitraries.of("0", "1", "2", " 7x", "-3"))
            .as(Op::new);
    return op.list().ofMaxSize(40);
  }

  @Property(tries = 500)
  void readsAgreeWithAFreshSearchAndAddsWithAReadAndAWrite(@ForAll("ops") List<Op> ops) {
    check(ops, false);
    check(ops, true);
  }

  /** Runs the ops; key regex reads through the patterns' kept answers when {@code kept}. */
  private static void check(List<Op> ops, boolean kept) {
    TxCollection tx = new TxCollection("TX");
    Map<String, String> plain = new LinkedHashMap<>();
    for (Op op : ops) {
      String key = KEYS.get(op.key());
      switch (op.kind()) {
        case 0 -> {
          tx.set(key, op.value());
          plain.put(key.toLowerCase(Locale.ROOT), op.value());
        }
        case 5 -> {
          long delta = op.pattern() * 5L - 7;
          tx.add(key, delta);
          String old = plain.getOrDefault(key.toLowerCase(Locale.ROOT), "0");
          plain.put(
              key.toLowerCase(Locale.ROOT),
              Long.toString(SetvarAction.leadingInteger(old) + delta));
        }
        case 1 -> {
          tx.remove(key);
          plain.remove(key.toLowerCase(Locale.ROOT));
        }
        case 6 -> {
          tx.set(SLOTS[op.key()], key.toLowerCase(Locale.ROOT), op.value());
          plain.put(key.toLowerCase(Locale.ROOT), op.value());
        }
        case 7 -> {
          long delta = op.pattern() * 5L - 7;
          String k = key.toLowerCase(Locale.ROOT);
          tx.add(SLOTS[op.key()], k, delta);
          String old = plain.getOrDefault(k, "0");
          plain.put(k, Long.toString(SetvarAction.leadingInteger(old) + delta));
        }
        case 8 -> {
          String k = key.toLowerCase(Locale.ROOT);
          tx.replay(SLOTS[op.key()], k, new Target("TX:" + k, k, op.value()));
          plain.put(k, op.value());
        }
        case 9 ->
            assertThat(tx.getOr(SLOTS[op.key()], key, "none"))
                .isEqualTo(plain.getOrDefault(key.toLowerCase(Locale.ROOT), "none"));
        default -> {
          Optional<String> k = op.kind() == 3 ? Optional.of(key) : Optional.empty();
          Optional<WafPattern> p =
              op.kind() == 4 ? Optional.empty() : Optional.of(PATTERNS.get(op.pattern()));
          List<Target> got = new ArrayList<>();
          if (kept && p.isPresent()) {
            tx.collect(k, MATCHES.get(op.pattern()), got);
          } else {
            tx.collect(k, p, got);
          }
          assertThat(got).isEqualTo(expected(plain, k, p));
        }
      }
    }
  }

  private static List<Target> expected(
      Map<String, String> plain, Optional<String> key, Optional<WafPattern> pattern) {
    List<Target> out = new ArrayList<>();
    plain.forEach(
        (k, v) -> {
          if (Selection.selects(k, key, pattern)) {
            out.add(new Target("TX:" + k, k, v));
          }
        });
    return out;
  }

  @Property(tries = 100)
  void aKeyNumberedAfterTheCollectionWasMadeStaysWhereItWas(
      @ForAll("ops") List<Op> ops, @ForAll int salt) {
    TxCollection tx = new TxCollection("TX");
    String late = "late_" + Integer.toHexString(salt) + "_" + ops.size();
    tx.set(late, "before");
    int slot = TxKeys.slot(late);
    assertThat(tx.getOr(slot, late, "none")).isEqualTo("before");
    tx.set(slot, late, "after");
    tx.add(late, 1);
    assertThat(tx.getOr(late, "none")).isEqualTo("1");
    assertThat(tx.getOr(slot, late, "none")).isEqualTo("1");
    assertThat(tx.keys()).containsExactly(late);
    TxCollection fresh = new TxCollection("TX");
    fresh.set(slot, late, "x");
    assertThat(fresh.getOr(late, "none")).isEqualTo("x");
  }
}

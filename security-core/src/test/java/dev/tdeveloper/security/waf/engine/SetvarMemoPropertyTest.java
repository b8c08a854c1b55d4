package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.seclang.Location;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A {@link PreparedSetvar} whose key's macros read one source keeps what it made of each source
 * value across transactions ({@link SetvarMemo}); run over many transactions with random source
 * values (repeated, colliding in the table, mixed case, longer than the memo keeps, empty, absent),
 * it must leave every transaction's {@code TX} (keys, order, target names and values) as {@link
 * SetvarAction#apply} does.
 */
class SetvarMemoPropertyTest {
  private static final List<String> SPECS =
      List.of(
          "tx.header_name_%{tx.0}=/%{tx.0}/",
          "tx.Header_%{TX.0}=%{TX.0}-%{TX.0}",
          "tx.k_%{tx.0}=constant",
          "tx.k_%{tx.0}=%{tx.1}",
          "tx.%{tx.0}=+%{tx.1}",
          "tx.n_%{tx.0}=-2",
          "tx.one_%{tx.0}",
          "!tx.header_name_%{tx.0}",
          "tx.%{tx.0}_%{tx.0}=%{tx.0}",
          "tx.m_%{tx.missing}=x%{tx.missing}");

  @Provide
  Arbitrary<List<String>> sources() {
    Arbitrary<String> few = Arbitraries.of("host", "Host", "user-agent", "accept", "", "a_b", "x");
    Arbitrary<String> any = Arbitraries.strings().withChars("abAB_-0:é").ofMaxLength(8);
    Arbitrary<String> longOne =
        Arbitraries.strings().withChars("ab").ofMinLength(120).ofMaxLength(140);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, few),
            net.jqwik.api.Tuple.of(3, any),
            net.jqwik.api.Tuple.of(1, longOne))
        .list()
        .ofMinSize(1)
        .ofMaxSize(40);
  }

  @Property(tries = 200)
  void memoizedSetvarsLeaveWhatThePlainOnesLeave(
      @ForAll("sources") List<String> sources,
      @ForAll("specIndexes") List<Integer> specs,
      @ForAll boolean throughView) {
    List<PreparedSetvar> prepared = new ArrayList<>();
    List<SetvarAction> plain = new ArrayList<>();
    for (String spec : SPECS) {
      SetvarAction a = SetvarAction.parse(spec, new Location("test", 1));
      plain.add(a);
      prepared.add(new PreparedSetvar(a));
    }
    // Transactions of up to four writes each, the memo shared by all of them.
    for (int start = 0; start < sources.size(); start += 4) {
      RequestState expected = state();
      RequestState actual = state();
      VariableStore store = throughView ? new EvaluatorRequestStore(actual) : actual;
      for (int i = start; i < Math.min(sources.size(), start + 4); i++) {
        int which = specs.get(i % specs.size());
        for (RequestState s : List.of(expected, actual)) {
          s.collection("tx").orElseThrow().set("0", sources.get(i));
          s.collection("tx").orElseThrow().set("1", Integer.toString(i));
        }
        plain.get(which).apply(expected);
        prepared.get(which).apply(store);
      }
      assertThat(tx(actual)).isEqualTo(tx(expected));
    }
  }

  /** More sources than the table holds, twice over: every set fills, entries are displaced. */
  @org.junit.jupiter.api.Test
  void displacedEntriesLeaveWhatThePlainOnesLeave() {
    SetvarAction a = SetvarAction.parse(SPECS.get(0), new Location("test", 1));
    PreparedSetvar prepared = new PreparedSetvar(a);
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 4 * StringMemo.SIZE; i++) {
        RequestState expected = state();
        RequestState actual = state();
        for (RequestState s : List.of(expected, actual)) {
          s.collection("tx").orElseThrow().set("0", "Name-" + i);
        }
        a.apply(expected);
        prepared.apply(actual);
        assertThat(tx(actual)).isEqualTo(tx(expected));
      }
    }
  }

  @Provide
  Arbitrary<List<Integer>> specIndexes() {
    return Arbitraries.integers().between(0, SPECS.size() - 1).list().ofMinSize(1).ofMaxSize(8);
  }

  private static RequestState state() {
    ManualClock clock = new ManualClock();
    return new RequestState("t", PersistentCollections.inMemory(clock), clock, clock);
  }

  private static List<String> tx(RequestState s) {
    List<Target> out = new ArrayList<>();
    s.collect("TX", Optional.empty(), Optional.empty(), out);
    List<String> seen = new ArrayList<>();
    for (Target t : out) {
      seen.add(t.name() + "|" + t.key() + "=" + t.value());
    }
    return seen;
  }
}

package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.regex.LiteralIndex;
import dev.tdeveloper.security.waf.regex.WafPattern;
import dev.tdeveloper.security.waf.seclang.Location;
import dev.tdeveloper.security.waf.transform.Transformations;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The transaction's {@link ValueCache} answers exactly what the plain path answers: each
 * transformation prefix is the chain's functions applied one by one (also when a transformation of
 * the raw value is shared through its head node by chains that reach it at different positions),
 * and the literals of a value (kept per row and instance, shared with the input when a
 * transformation left it unchanged or only changed its case) are exactly a fresh scan of that
 * value, whatever order rules ask in and whichever chains share prefixes.
 */
class ValueCachePropertyTest {
  private static final Location HERE = new Location("test", 1);
  private static final List<List<String>> CHAINS =
      List.of(
          List.of("none"),
          List.of("lowercase"),
          List.of("urlDecodeUni"),
          List.of("urlDecodeUni", "lowercase"),
          List.of("urlDecodeUni", "lowercase", "removeWhitespace"),
          List.of("lowercase", "urlDecodeUni"),
          List.of("cmdLine"),
          List.of("none", "removeNulls", "lowercase"),
          List.of("urlDecodeUni", "htmlEntityDecode", "lowercase"),
          List.of("uppercase"),
          List.of("urlDecodeUni", "uppercase"),
          List.of("removeNulls", "urlDecodeUni"),
          List.of("cmdLine", "lowercase"),
          List.of("htmlEntityDecode", "urlDecodeUni", "lowercase"),
          List.of("none", "urlDecodeUni", "htmlEntityDecode"));
  private static final LiteralIndex INDEX =
      LiteralIndex.of(
          List.of(
              WafPattern.compile("(?i)union\\s+select"),
              WafPattern.compile("<script"),
              WafPattern.compile("(?i)ab+c"),
              WafPattern.compile("(?i)/etc/passwd"),
              WafPattern.compile("AND")));

  private record Ask(int chain, int value, int prefix) {}

  @Provide
  Arbitrary<List<String>> values() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "a",
            "B",
            "ABC",
            "abc",
            " ",
            "%41",
            "%20",
            "+",
            "%u0041",
            "UNION SELECT",
            "<ScRiPt",
            "&lt;",
            "\0",
            "/ETC/passwd",
            "%3Cscript",
            "&lt;script",
            "un ion",
            " sel ect",
            "and",
            "AND",
            "x",
            "é");
    return pieces.list().ofMaxSize(6).map(l -> String.join("", l)).list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<List<Ask>>> transactions() {
    return asks().list().ofMinSize(1).ofMaxSize(5);
  }

  @Provide
  Arbitrary<List<Ask>> asks() {
    return Combinators.combine(
            Arbitraries.integers().between(0, CHAINS.size() - 1),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 3))
        .as(Ask::new)
        .list()
        .ofMaxSize(40);
  }

  @Property(tries = 400)
  void answersAsTheFunctionsAndAFreshScan(
      @ForAll("values") List<String> values, @ForAll("asks") List<Ask> asks) {
    CompiledTransforms trie = new CompiledTransforms();
    CompiledTransforms.Chain[] chains = chains(trie);
    check(new ValueCache(trie.nodeCount(), INDEX), chains, values, asks);
  }

  /**
   * A cache reset after a transaction (the next transaction's memory) answers as a new one, keeps
   * nothing of the values before (whatever its table grew to) and finds equal values' rows.
   */
  @Property(tries = 200)
  void aResetCacheAnswersAsANewOneAndKeepsNothing(
      @ForAll("values") List<String> before,
      @ForAll("asks") List<Ask> beforeAsks,
      @ForAll @IntRange(min = 0, max = 700) int others,
      @ForAll("values") List<String> after,
      @ForAll("asks") List<Ask> afterAsks) {
    CompiledTransforms trie = new CompiledTransforms();
    CompiledTransforms.Chain[] chains = chains(trie);
    ValueCache cache = new ValueCache(trie.nodeCount(), INDEX);
    check(cache, chains, before, beforeAsks);
    for (int i = 0; i < others; i++) {
      ValueCache.Row row = cache.row("v" + i);
      cache.transform(row, chains[1], "v" + i, 1);
      assertThat(cache.row(new String("v" + i))).isSameAs(row);
    }
    cache.reset();
    assertThat(cache.size()).isZero();
    for (int node = 0; node < trie.nodeCount(); node++) {
      for (String v : before) {
        assertThat(cache.cached(node, v)).isNull();
      }
      for (int i = 0; i < others; i++) {
        assertThat(cache.cached(node, "v" + i)).isNull();
      }
    }
    check(cache, chains, after, afterAsks);
  }

  /**
   * Transactions that start values from their tenant's {@link ValueMemo} (and publish to it) answer
   * as the plain path, whatever the memo kept, displaced or cut to its budget: several transactions
   * on one memo, each on a cache reset by the one before or on a cache of its own.
   */
  @Property(tries = 300)
  void aCacheOnAMemoAnswersAsThePlainPath(
      @ForAll("values") List<String> values,
      @ForAll("transactions") List<List<Ask>> transactions,
      @ForAll @IntRange(min = 8, max = 64) int entries,
      @ForAll @IntRange(min = 1, max = 40) int longest,
      @ForAll boolean fresh) {
    CompiledTransforms trie = new CompiledTransforms();
    CompiledTransforms.Chain[] chains = chains(trie);
    ValueMemo memo = new ValueMemo(entries, longest);
    ValueCache cache = new ValueCache(trie.nodeCount(), INDEX);
    for (List<Ask> asks : transactions) {
      if (fresh) {
        cache = new ValueCache(trie.nodeCount(), INDEX);
      }
      cache.use(memo);
      check(cache, chains, values, asks);
      cache.reset();
    }
    assertThat(memo.size()).isLessThanOrEqualTo(memo.capacity());
  }

  /** A value met in an earlier transaction of the tenant starts from its entry: no new scan. */
  @Property(tries = 100)
  void aRepeatedValueStartsFromItsEntry(
      @ForAll("values") List<String> values, @ForAll("asks") List<Ask> asks) {
    CompiledTransforms trie = new CompiledTransforms();
    CompiledTransforms.Chain[] chains = chains(trie);
    ValueMemo memo = new ValueMemo(64, 1000);
    ValueCache cache = new ValueCache(trie.nodeCount(), INDEX);
    cache.use(memo);
    String raw = values.get(0);
    cache.literals(cache.row(raw), chains[0], 0, raw);
    cache.reset();
    cache.use(memo);
    ValueCache.Row row = cache.row(new String(raw));
    assertThat(row.rawLiterals).isSameAs(memo.get(raw, raw.hashCode()).rawLiterals).isNotNull();
    check(cache, chains, values, asks);
  }

  private static CompiledTransforms.Chain[] chains(CompiledTransforms trie) {
    CompiledTransforms.Chain[] chains = new CompiledTransforms.Chain[CHAINS.size()];
    for (int i = 0; i < chains.length; i++) {
      chains[i] = trie.chain(CHAINS.get(i), HERE);
    }
    return chains;
  }

  private static void check(
      ValueCache cache, CompiledTransforms.Chain[] chains, List<String> values, List<Ask> asks) {
    for (Ask ask : asks) {
      // Copies, as the request's variables give equal values in different instances.
      String raw = new String(values.get(ask.value() % values.size()));
      CompiledTransforms.Chain chain = chains[ask.chain()];
      int n = Math.min(ask.prefix(), chain.length());
      ValueCache.Row row = cache.row(raw);
      assertThat(row.raw).isEqualTo(raw);
      String value = cache.transform(row, chain, raw, n);
      assertThat(value).isEqualTo(plain(chain, raw, n));
      assertThat(cache.literals(row, chain, n, value)).containsExactly(INDEX.scan(value));
      assertThat(cache.literals(null, chain, n, value)).containsExactly(INDEX.scan(value));
    }
  }

  private static String plain(CompiledTransforms.Chain chain, String raw, int n) {
    String v = raw;
    for (int i = 0; i < n; i++) {
      v = Transformations.byName(chain.names().get(i)).orElseThrow().apply(v);
    }
    return v;
  }
}

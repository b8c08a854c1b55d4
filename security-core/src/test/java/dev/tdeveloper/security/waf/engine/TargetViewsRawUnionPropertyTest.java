package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.regex.LiteralIndex;
import dev.tdeveloper.security.waf.regex.WafPattern;
import dev.tdeveloper.security.waf.seclang.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link TargetViews#rawUnion} answers the union of a selection's raw literals for a view exactly
 * when every target's row keeps its value through the view's chain, or keeps it up to ASCII case
 * under an index that folds case, and null otherwise: over values with and without the chars
 * transformations act on, chains of one to three transformations, several views of one selection in
 * turn, a folding and a case-sensitive index. A change that decides this on the targets' chars
 * taken together (tried in the fourteenth session) must pass it too.
 */
class TargetViewsRawUnionPropertyTest {
  private static final Location HERE = new Location("test", 1);
  private static final CompiledRule.Variable ARGS =
      new CompiledRule.Variable("ARGS", Optional.empty(), Optional.empty(), false);
  private static final LiteralIndex FOLDING =
      LiteralIndex.of(
          List.of(WafPattern.compile("(?i)union\\s+select"), WafPattern.compile("(?i)<script")));
  private static final LiteralIndex CASED =
      LiteralIndex.of(List.of(WafPattern.compile("UNION"), WafPattern.compile("<script")));
  private static final List<String> PIECES =
      List.of(
          "a", "Z", "union", "SELECT", " ", "\t", "%27", "+", "&lt;", "\\x3c", "/*", "./", "\"",
          ";", "<script", "\u00e9", "\0", "\u20ac");
  private static final List<String> NAMES =
      List.of(
          "lowercase",
          "uppercase",
          "urlDecodeUni",
          "htmlEntityDecode",
          "cmdLine",
          "compressWhitespace",
          "removeNulls",
          "jsDecode",
          "replaceComments",
          "normalizePath",
          "utf8toUnicode");

  @Provide
  Arbitrary<List<String>> values() {
    return Arbitraries.of(PIECES)
        .list()
        .ofMaxSize(4)
        .map(l -> String.join("", l))
        .list()
        .ofMinSize(0)
        .ofMaxSize(6);
  }

  @Provide
  Arbitrary<List<List<String>>> chains() {
    return Arbitraries.of(NAMES).list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(4);
  }

  @Property(tries = 1500)
  void answersAsEachTargetsRowWould(
      @ForAll("values") List<String> values,
      @ForAll("chains") List<List<String>> names,
      @ForAll boolean folding) {
    LiteralIndex index = folding ? FOLDING : CASED;
    Target[] source = new Target[values.size()];
    for (int i = 0; i < source.length; i++) {
      source[i] = new Target("ARGS:k" + i, "k" + i, values.get(i));
    }
    CompiledTransforms trie = new CompiledTransforms();
    List<CompiledTransforms.Chain> chains = new ArrayList<>();
    for (List<String> chain : names) {
      chains.add(trie.chain(chain, HERE));
    }
    ValueCache cache = new ValueCache(trie.nodeCount(), index);
    ValueCache expectedCache = new ValueCache(trie.nodeCount(), index);
    TargetViews views = new TargetViews(1, chains.size());
    Target[] selected = views.select(0, source, ARGS, List.of());
    for (int v = 0; v < chains.size(); v++) {
      CompiledTransforms.Chain chain = chains.get(v);
      int n = 1 + Math.floorMod(v * 7 + values.size(), chain.length());
      views.view(v, selected);
      int[] got = views.rawUnion(0, v, chain, n, cache);
      assertThat(got)
          .as("%s over %s, %d of %s", folding ? "folding" : "cased", values, n, names.get(v))
          .isEqualTo(expected(selected, chain, n, expectedCache, index));
    }
  }

  /** The union as the definition asks for it, target by target. */
  private static int[] expected(
      Target[] targets,
      CompiledTransforms.Chain chain,
      int n,
      ValueCache cache,
      LiteralIndex index) {
    if (targets.length == 0) {
      return null;
    }
    int[][] sets = new int[targets.length][];
    for (int i = 0; i < targets.length; i++) {
      ValueCache.Row row = cache.row(targets[i].value());
      if (!row.keeps(chain, n) && !(index.foldsAsciiCase() && row.keepsUpToCase(chain, n))) {
        return null;
      }
      sets[i] = index.scan(targets[i].value());
    }
    return TargetViews.union(sets);
  }
}

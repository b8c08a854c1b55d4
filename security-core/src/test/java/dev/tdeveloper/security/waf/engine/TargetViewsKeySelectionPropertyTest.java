package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.regex.WafPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A plain-key selection of {@link TargetViews} picks the same targets, in the same order, as
 * scanning every target with {@link Selection} and then removing the exclusions: over keys in
 * random case, keys that only Unicode case folding equates with ASCII ones (the Kelvin sign, dotted
 * and dotless i: an index by ASCII-folded key must leave them to a scan, as the seventeenth
 * session's {@code KeyIndex} did), several selections of one array, arrays in turn and resets
 * between them. It guards any per-key index of the selections.
 */
class TargetViewsKeySelectionPropertyTest {
  private static final List<String> STEMS =
      List.of(
          "user-agent",
          "host",
          "x_filename",
          "x.filename",
          "k",
          "i",
          "\u212a",
          "\u0131",
          "\u0130",
          "",
          "ab",
          "ba",
          "Aa",
          "BB");
  private static final List<String> PATTERNS = List.of("^user", "name$", "^k", "i$");

  @Provide
  Arbitrary<String> key() {
    return Arbitraries.of(STEMS)
        .flatMap(
            s ->
                Arbitraries.integers()
                    .between(0, (1 << Math.min(s.length(), 10)) - 1)
                    .map(bits -> cased(s, bits)));
  }

  @Provide
  Arbitrary<List<List<String>>> arrays() {
    return key().list().ofMaxSize(12).list().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<String>> selectors() {
    return key().list().ofMinSize(1).ofMaxSize(5);
  }

  @Provide
  Arbitrary<List<CtlTargetRemoval>> exclusions() {
    Arbitrary<CtlTargetRemoval> byKey =
        key().map(k -> new CtlTargetRemoval("ARGS", Optional.of(k), Optional.empty()));
    Arbitrary<CtlTargetRemoval> byPattern =
        Arbitraries.of(PATTERNS)
            .map(
                p ->
                    new CtlTargetRemoval(
                        "ARGS", Optional.empty(), Optional.of(WafPattern.compile("(?i)" + p))));
    Arbitrary<CtlTargetRemoval> other =
        key().map(k -> new CtlTargetRemoval("ARGS_NAMES", Optional.of(k), Optional.empty()));
    return Arbitraries.oneOf(byKey, byPattern, other).list().ofMaxSize(3);
  }

  @Property(tries = 1000)
  void selectsByKeyAsTheScanDoes(
      @ForAll("arrays") List<List<String>> arrays,
      @ForAll("selectors") List<String> selectors,
      @ForAll("exclusions") List<CtlTargetRemoval> exclusions,
      @ForAll boolean withPattern,
      @ForAll boolean resets) {
    TargetViews views = new TargetViews(selectors.size(), 1);
    Optional<WafPattern> pattern =
        withPattern ? Optional.of(WafPattern.compile("(?i)^[a-k]")) : Optional.empty();
    for (int a = 0; a < arrays.size(); a++) {
      Target[] source = targets(arrays.get(a), a);
      for (int s = 0; s < selectors.size(); s++) {
        CompiledRule.Variable v =
            new CompiledRule.Variable("ARGS", Optional.of(selectors.get(s)), pattern, false);
        Target[] picked = views.select(s, source, v, exclusions);
        assertThat(picked)
            .as("selector %s over %s", selectors.get(s), arrays.get(a))
            .containsExactlyElementsOf(reference(source, v, exclusions));
        if (picked.length == source.length) {
          assertThat(picked).isSameAs(source);
        }
      }
      if (resets) {
        views.reset();
      }
    }
  }

  private static String cased(String s, int bits) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(i < 10 && (bits & (1 << i)) != 0 ? Character.toUpperCase(c) : c);
    }
    return b.toString();
  }

  private static Target[] targets(List<String> keys, int version) {
    Target[] out = new Target[keys.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new Target("ARGS:" + keys.get(i), keys.get(i), "v" + version + "." + i);
    }
    return out;
  }

  private static List<Target> reference(
      Target[] source, CompiledRule.Variable v, List<CtlTargetRemoval> exclusions) {
    List<Target> collected = new ArrayList<>();
    Selection.select(source, v.key(), v.keyPattern(), collected);
    List<Target> kept = new ArrayList<>();
    for (Target t : collected) {
      boolean removed = false;
      for (CtlTargetRemoval x : exclusions) {
        removed |= x.removes("ARGS", t);
      }
      if (!removed) {
        kept.add(t);
      }
    }
    return kept;
  }
}

package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.regex.WafPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A shared selection of {@link TargetViews} picks the same targets, in the same order, as selecting
 * from the collection and then removing the rule's exclusions one target at a time (the simple
 * per-rule path it replaces), and it is made again when the variable's targets change.
 */
class TargetViewsPropertyTest {
  private static final List<String> KEYS = List.of("id", "ID", "pw", "__utma", "__utmz", "name");
  private static final List<String> PATTERNS = List.of("^pw", "__utm", "^i", "e$");

  private record Spec(int key, int pattern, int kind) {}

  @Provide
  Arbitrary<List<String>> keys() {
    return Arbitraries.of(KEYS).list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<Spec> spec() {
    return Combinators.combine(
            Arbitraries.integers().between(0, KEYS.size() - 1),
            Arbitraries.integers().between(0, PATTERNS.size() - 1),
            Arbitraries.integers().between(0, 3))
        .as(Spec::new);
  }

  @Provide
  Arbitrary<List<Spec>> exclusions() {
    return spec().list().ofMaxSize(3);
  }

  @Property(tries = 300)
  void selectsAsCollectingThenExcluding(
      @ForAll("keys") List<String> keys,
      @ForAll("spec") Spec selector,
      @ForAll("exclusions") List<Spec> excluded) {
    Target[] source = targets(keys, "v");
    CompiledRule.Variable v =
        new CompiledRule.Variable(
            "ARGS", key(selector, 1), pattern(selector, 2), selector.kind() == 3);
    List<CtlTargetRemoval> exclusions = new ArrayList<>();
    for (Spec e : excluded) {
      String collection = e.kind() == 3 ? "ARGS_NAMES" : "ARGS";
      exclusions.add(new CtlTargetRemoval(collection, key(e, 1), pattern(e, 2)));
    }
    TargetViews views = new TargetViews(1, 1);
    Target[] first = views.select(0, source, v, exclusions);
    assertThat(first).containsExactlyElementsOf(reference(source, v, exclusions));
    assertThat(views.select(0, source, v, exclusions)).isSameAs(first);
    Target[] changed = targets(keys, "w");
    assertThat(views.select(0, changed, v, exclusions))
        .containsExactlyElementsOf(reference(changed, v, exclusions));
  }

  private static Optional<String> key(Spec s, int kind) {
    return s.kind() == kind ? Optional.of(KEYS.get(s.key())) : Optional.empty();
  }

  private static Optional<WafPattern> pattern(Spec s, int kind) {
    return s.kind() == kind
        ? Optional.of(WafPattern.compile("(?i)" + PATTERNS.get(s.pattern())))
        : Optional.empty();
  }

  private static Target[] targets(List<String> keys, String value) {
    Target[] out = new Target[keys.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new Target("ARGS:" + keys.get(i), keys.get(i), value + i);
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

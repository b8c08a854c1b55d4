package dev.tdeveloper.security.waf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.waf.replay.ReplayRequest;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The full CRS 3.3.4 answers the same with the per-tenant memo of per-value work as without it:
 * matches, scores, interruptions and mode, over random corpus requests under random tenant
 * policies, each request given a query argument and a header drawn from pieces transformations act
 * on, and each run twice on the memo (a miss, then a hit), with the default bounds and with a memo
 * so small that entries are displaced, cut to their budget and tenants' memos given up.
 */
class WafValueMemoPropertyTest {
  private static Waf none;
  private static Waf memo;
  private static Waf tiny;
  private static List<ReplayRequest> requests;

  @BeforeContainer
  static void load() throws URISyntaxException {
    none = build(WafBuilder::noValueMemo);
    memo = build(b -> b);
    tiny = build(b -> b.valueMemo(2, 16, 48));
    requests = PolicyPlanPropertyTest.corpus();
  }

  private static Waf build(java.util.function.UnaryOperator<WafBuilder> memo)
      throws URISyntaxException {
    Path restSetup =
        Path.of(PolicyPlanPropertyTest.class.getResource("corpus/rest-api-setup.conf").toURI());
    return memo.apply(Waf.builder())
        .ruleFile(restSetup)
        .crs(CrsInstall.crsDir(), CrsInstall.setupDir())
        .build();
  }

  @Provide
  Arbitrary<String> values() {
    return new WafPredictionPropertyTest().values();
  }

  @Provide
  Arbitrary<Integer> indexes() {
    return Arbitraries.integers().between(0, requests.size() - 1);
  }

  @Provide
  Arbitrary<WafPolicy> policies() {
    return PolicyPlanPropertyTest.policies();
  }

  @Property(tries = 200, seed = "12")
  void theMemoChangesNoOutcome(
      @ForAll("policies") WafPolicy policy,
      @ForAll("indexes") int index,
      @ForAll("values") String arg,
      @ForAll("values") String header,
      @ForAll boolean response) {
    ReplayRequest r = WafPredictionPropertyTest.with(requests.get(index), arg, header);
    PolicyPlanPropertyTest.Outcome expected = PolicyPlanPropertyTest.run(none, r, policy, response);
    for (Waf waf : List.of(memo, memo, tiny, tiny)) {
      assertThat(PolicyPlanPropertyTest.run(waf, r, policy, response))
          .as("%s under %s", r, policy)
          .isEqualTo(expected);
    }
  }

  @Example
  void eachTenantHasAMemoOfItsOwn() {
    WafPolicy t = WafPolicy.defaults("t");
    assertThat(memo.valueMemo(t)).containsSame(memo.valueMemo(t.withParanoiaLevel(3)).get());
    assertThat(memo.valueMemo(t).get()).isNotSameAs(memo.valueMemo(WafPolicy.defaults("u")).get());
    assertThat(none.valueMemo(t)).isEmpty();
    assertThat(memo.unfolded().valueMemo(t)).isEmpty();
  }

  @Example
  void badBoundsAreRejectedByName() {
    assertThatThrownBy(() -> Waf.builder().valueMemo(0, 512, 256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenants: 0");
    assertThatThrownBy(() -> Waf.builder().valueMemo(1, 7, 256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entriesPerTenant: 7");
    assertThatThrownBy(() -> Waf.builder().valueMemo(1, 8, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longestValue: 0");
    assertThatThrownBy(() -> Waf.builder().noValueMemo().valueMemo(1, 8, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("valueMemo: already set");
  }
}

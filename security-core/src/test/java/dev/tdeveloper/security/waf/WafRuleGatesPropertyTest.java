package dev.tdeveloper.security.waf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.replay.ReplayRequest;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The full CRS 3.3.4 answers the same with rule gates (a rule whose first link's literal formula
 * rejects every literal its variables' targets hold passed over unevaluated) as with every rule it
 * reaches evaluated ({@link Waf#ungated}): matches, scores, interruptions and mode, over random
 * corpus requests under random tenant policies, each also given a query argument and a header made
 * of pieces that hold (or not) literals CRS's rules look for, and some sent as an XML body instead
 * (so that {@code XML:/*}, which most gated rules read, has targets).
 */
class WafRuleGatesPropertyTest {
  private static final List<String> PIECES =
      List.of(
          "a",
          "Notes",
          " ",
          "%27",
          "UNION",
          "select",
          " from ",
          "<script>",
          "alert(1)",
          "onerror=",
          "'",
          "--",
          "/etc/passwd",
          "../",
          "cat ",
          "eval(",
          "$_GET",
          "<?php",
          "javascript:",
          "${jndi:");

  private static Waf gated;
  private static Waf ungated;
  private static List<ReplayRequest> requests;

  @BeforeContainer
  static void load() throws URISyntaxException {
    gated = PolicyPlanPropertyTest.crs();
    ungated = gated.ungated();
    requests = PolicyPlanPropertyTest.corpus();
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.of(PIECES).list().ofMaxSize(4).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<Integer> indexes() {
    return Arbitraries.integers().between(0, requests.size() - 1);
  }

  @Provide
  Arbitrary<WafPolicy> policies() {
    return PolicyPlanPropertyTest.policies();
  }

  @Property(tries = 200, seed = "15")
  void gatedAndUngatedRulesAnswerTheSame(
      @ForAll("policies") WafPolicy policy,
      @ForAll("indexes") int index,
      @ForAll("values") String arg,
      @ForAll("values") String header,
      @ForAll("values") String xml,
      @ForAll boolean asXml,
      @ForAll boolean response) {
    ReplayRequest r = WafPredictionPropertyTest.with(requests.get(index), arg, header);
    if (asXml) {
      r = xmlBody(r, xml);
    }
    assertThat(PolicyPlanPropertyTest.run(gated, r, policy, response))
        .as("%s under %s", r, policy)
        .isEqualTo(PolicyPlanPropertyTest.run(ungated, r, policy, response));
  }

  /** The request as a POST of an XML document holding the text. */
  private static ReplayRequest xmlBody(ReplayRequest r, String text) {
    List<ReplayRequest.Header> headers = new ArrayList<>();
    for (ReplayRequest.Header h : r.headers()) {
      if (!h.name().equalsIgnoreCase("Content-Type")
          && !h.name().equalsIgnoreCase("Content-Length")) {
        headers.add(h);
      }
    }
    String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    String body = "<note><title>" + escaped + "</title><tag>a</tag></note>";
    headers.add(new ReplayRequest.Header("Content-Type", "application/xml"));
    headers.add(new ReplayRequest.Header("Content-Length", Integer.toString(body.length())));
    return new ReplayRequest(
        r.line(), r.id(), "POST", r.uri(), r.version(), headers, body, r.remoteAddr());
  }
}

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
 * The full CRS 3.3.4 answers the same on the fast path (transformation chains a value holds no
 * trigger char of answered with the value, views of such values judged by their selection's raw
 * literals, policy plans) as on the plain path ({@link Waf#unfolded}): matches, scores,
 * interruptions and mode, over random corpus requests under random tenant policies, each request
 * also given a query argument and a header whose values are drawn from pieces that hold (or not)
 * the chars transformations act on: encodings, entities, escapes, comments, paths, case, spaces.
 */
class WafPredictionPropertyTest {
  private static final List<String> PIECES =
      List.of(
          "a",
          "Notes",
          "x1",
          " ",
          "  ",
          "\t",
          "%27",
          "%u0027",
          "+",
          "&lt;",
          "&#x3c;",
          "\\x3c",
          "\\",
          "/*",
          "*/",
          "/etc/./passwd",
          "..\\win",
          ".",
          "/",
          "UNION",
          "select",
          "<script>",
          "'",
          "\"",
          ";",
          ",",
          "^",
          "\0",
          "é",
          "alert(1)",
          "cat /etc/passwd",
          "eval(",
          "$_GET");

  private static Waf fast;
  private static Waf plain;
  private static List<ReplayRequest> requests;

  @BeforeContainer
  static void load() throws URISyntaxException {
    fast = PolicyPlanPropertyTest.crs();
    plain = fast.unfolded();
    requests = PolicyPlanPropertyTest.corpus();
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.of(PIECES).list().ofMaxSize(5).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<Integer> indexes() {
    return Arbitraries.integers().between(0, requests.size() - 1);
  }

  @Property(tries = 250, seed = "11")
  void fastAndPlainPathsAnswerTheSame(
      @ForAll("policies") WafPolicy policy,
      @ForAll("indexes") int index,
      @ForAll("values") String arg,
      @ForAll("values") String header,
      @ForAll boolean response) {
    ReplayRequest r = with(requests.get(index), arg, header);
    assertThat(PolicyPlanPropertyTest.run(fast, r, policy, response))
        .as("%s under %s", r, policy)
        .isEqualTo(PolicyPlanPropertyTest.run(plain, r, policy, response));
  }

  @Provide
  Arbitrary<WafPolicy> policies() {
    return PolicyPlanPropertyTest.policies();
  }

  /** The request with one more query argument and one more header, both as given (raw bytes). */
  static ReplayRequest with(ReplayRequest r, String arg, String header) {
    String uri = r.uri() + (r.uri().contains("?") ? "&" : "?") + "q=" + arg.replace("&", "%26");
    List<ReplayRequest.Header> headers = new ArrayList<>(r.headers());
    headers.add(new ReplayRequest.Header("X-Note", header.replace("\0", "")));
    return new ReplayRequest(
        r.line(), r.id(), r.method(), uri, r.version(), headers, r.body(), r.remoteAddr());
  }
}

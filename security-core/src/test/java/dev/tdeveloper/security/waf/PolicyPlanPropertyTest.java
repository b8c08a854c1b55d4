package dev.tdeveloper.security.waf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.security.waf.replay.ReplayReader;
import dev.tdeveloper.security.waf.replay.ReplayRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The full CRS 3.3.4 with policy plans (policy-constant rules replayed) and without (every rule
 * evaluated) gives the same matches, scores, interruptions and mode on random corpus requests under
 * random tenant policies: paranoia levels, thresholds, modes, removed rules (setup, paranoia skips
 * and detection rules alike), namespaces (which share plans) and with or without the response
 * phases. And since the CRS reads no response header, feeding them or not changes nothing.
 */
class PolicyPlanPropertyTest {
  /** Setup, initialization, paranoia-skip, detection and blocking rules a policy may remove. */
  private static final List<Long> REMOVABLE =
      List.of(
          900990L, 901100L, 901200L, 901400L, 901500L, 911011L, 911100L, 920011L, 920273L, 920280L,
          920350L, 920420L, 930100L, 932100L, 941100L, 942100L, 942011L, 949060L, 949110L, 980130L);

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Waf folded;
  private static Waf unfolded;
  private static List<ReplayRequest> requests;

  @BeforeContainer
  static void load() throws URISyntaxException {
    folded = crs();
    unfolded = folded.unfolded();
    requests = corpus();
  }

  /** The full CRS 3.3.4 behind the corpus's REST API setup. */
  static Waf crs() throws URISyntaxException {
    Path restSetup = resource("corpus/rest-api-setup.conf");
    return Waf.builder()
        .ruleFile(restSetup)
        .crs(CrsInstall.crsDir(), CrsInstall.setupDir())
        .build();
  }

  /** The attack and benign corpus requests, without the paranoia level each expects. */
  static List<ReplayRequest> corpus() throws URISyntaxException {
    List<ReplayRequest> requests = new ArrayList<>();
    for (String name : List.of("corpus/attacks.jsonl", "corpus/benign.jsonl")) {
      try {
        List<String> lines = Files.readAllLines(resource(name), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          if (!ReplayReader.isBlank(lines.get(i))) {
            // The corpus adds the paranoia level it expects a detection from ("pl").
            ObjectNode o = (ObjectNode) JSON.readTree(lines.get(i));
            o.remove("pl");
            requests.add(ReplayReader.parse(i + 1, JSON.writeValueAsString(o)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return requests;
  }

  private static Path resource(String name) throws URISyntaxException {
    URL url = PolicyPlanPropertyTest.class.getResource(name);
    assertThat(url).as(name).isNotNull();
    return Path.of(url.toURI());
  }

  @Provide
  static Arbitrary<WafPolicy> policies() {
    return Combinators.combine(
            Arbitraries.<Optional<EngineMode>>of(
                Optional.empty(), Optional.of(EngineMode.DETECTION_ONLY)),
            Arbitraries.integers().between(1, 4),
            Arbitraries.of(OptionalInt.empty(), OptionalInt.of(1), OptionalInt.of(3)),
            Arbitraries.of(REMOVABLE).set().ofMaxSize(3),
            Arbitraries.of("t", "u", "v"))
        .as(
            (mode, pl, inbound, removed, namespace) ->
                new WafPolicy(
                    namespace,
                    mode,
                    OptionalInt.of(pl),
                    inbound,
                    OptionalInt.empty(),
                    removed,
                    java.util.Map.of()));
  }

  @Provide
  Arbitrary<Integer> indexes() {
    return Arbitraries.integers().between(0, requests.size() - 1);
  }

  /** What a transaction decided, everything a caller can see of it. */
  record Outcome(
      List<WafMatch> matches,
      long inbound,
      long outbound,
      Optional<Interruption> interruption,
      Optional<Interruption> detected,
      EngineMode mode) {}

  static Outcome run(Waf waf, ReplayRequest r, WafPolicy policy, boolean response) {
    return run(waf, r, policy, response, true);
  }

  private static Outcome run(
      Waf waf, ReplayRequest r, WafPolicy policy, boolean response, boolean headers) {
    WafTransaction tx = request(waf, r, policy);
    if (response && tx.interruption().isEmpty()) {
      if (headers) {
        tx.addResponseHeader("Content-Type", "application/json");
        tx.addResponseHeader("Set-Cookie", "id=1' OR '1'='1; Path=/");
        tx.addResponseHeader("X-Debug", "<script>alert(1)</script> /etc/passwd");
      }
      tx.processResponseHeaders(200, "HTTP/1.1");
      tx.appendResponseBody("{\"ok\":true}".getBytes(StandardCharsets.ISO_8859_1));
      tx.processResponseBody();
    }
    tx.processLogging();
    return new Outcome(
        tx.matches(),
        tx.inboundAnomalyScore(),
        tx.outboundAnomalyScore(),
        tx.interruption(),
        tx.detectedInterruption(),
        tx.mode());
  }

  /** A transaction through the request phases (1 and 2 unless 1 interrupted), not logged. */
  static WafTransaction request(Waf waf, ReplayRequest r, WafPolicy policy) {
    WafTransaction tx = waf.newTransaction(policy);
    tx.processConnection("203.0.113.7", 51234, "10.0.0.5", 443);
    tx.processUri(r.method(), r.uri(), r.version());
    for (ReplayRequest.Header h : r.headers()) {
      tx.addRequestHeader(h.name(), h.value());
    }
    tx.processRequestHeaders();
    if (tx.interruption().isEmpty()) {
      if (!r.body().isEmpty()) {
        tx.appendRequestBody(r.body().getBytes(StandardCharsets.ISO_8859_1));
      }
      tx.processRequestBody();
    }
    return tx;
  }

  @Property(tries = 300, seed = "12")
  void plansChangeNoOutcome(
      @ForAll("policies") WafPolicy policy,
      @ForAll("indexes") int index,
      @ForAll boolean response) {
    ReplayRequest r = requests.get(index);
    assertThat(run(folded, r, policy, response))
        .as("%s under %s", r.id().orElse("line " + r.line()), policy)
        .isEqualTo(run(unfolded, r, policy, response));
  }

  /** The fast path of connectors: CRS reads no response header, so feeding them is skippable. */
  @Property(tries = 100, seed = "12")
  void responseHeadersChangeNoOutcomeOfTheCrs(
      @ForAll("policies") WafPolicy policy, @ForAll("indexes") int index) {
    assertThat(folded.readsResponseHeaders()).isFalse();
    ReplayRequest r = requests.get(index);
    assertThat(run(folded, r, policy, true, false))
        .as("%s under %s", r.id().orElse("line " + r.line()), policy)
        .isEqualTo(run(folded, r, policy, true, true));
  }

  @Property(tries = 20, seed = "12")
  void everyPolicyGetsAPlan(@ForAll("policies") WafPolicy policy) {
    assertThat(folded.plan(policy).orElseThrow().segmentCount()).isGreaterThan(10);
  }
}

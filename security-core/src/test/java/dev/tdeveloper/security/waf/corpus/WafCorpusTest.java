package dev.tdeveloper.security.waf.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.Waf;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our corpus through the full CRS 3.3.4 at paranoia levels 1 to 4, via the public {@link Waf} API.
 * Writes {@code target/waf-corpus-report.md} and holds the rates to floors measured on this engine.
 *
 * <p>The CRS is loaded with one setup choice of a REST API ({@code rest-api-setup.conf}: PUT, PATCH
 * and DELETE allowed); everything else is Debian's {@code crs-setup.conf}.
 */
class WafCorpusTest {

  /**
   * Detection floor at PL1, in percent. By construction 335 of the 351 attacks (95.4 %) carry a
   * CRITICAL PL1 expectation, so they block alone if the engine is faithful; the floor leaves a
   * margin of about five points. Not yet measured: the engine on main could not load the full CRS
   * when this was written (REQUEST-920 line 1147, rule 920600's regex); re-measure then.
   */
  static final double PL1_DETECTION_FLOOR = 90;

  /**
   * False-positive ceiling at PL1, in percent (6 of 310 requests). Not yet measured, see above; CRS
   * aims for no false positives at PL1 on ordinary traffic.
   */
  static final double PL1_FALSE_POSITIVE_CEILING = 2;

  /**
   * Attack ids whose expected rule does not match at their level, with the reason. Each entry must
   * still be a miss (the test fails when a gap closes, so the list stays true).
   */
  static final Map<String, String> KNOWN_GAPS = Map.of();

  static final List<CorpusReplay.Outcome> attacks = new ArrayList<>();
  static final List<CorpusReplay.Outcome> benign = new ArrayList<>();

  @BeforeAll
  static void replayCorpus() throws IOException, URISyntaxException {
    Path crs = Path.of(System.getProperty("tdeveloper.crs.dir", "/usr/share/modsecurity-crs"));
    Path setup = Path.of(System.getProperty("tdeveloper.crs.setup", "/etc/modsecurity/crs"));
    if (!Files.isDirectory(crs.resolve("rules"))
        || !Files.isRegularFile(setup.resolve("crs-setup.conf"))) {
      throw new IllegalStateException(
          "OWASP CRS 3.3.4 not found in "
              + crs
              + " / "
              + setup
              + ": apt-get install modsecurity-crs");
    }
    Path restSetup = Path.of(WafCorpusTest.class.getResource("rest-api-setup.conf").toURI());
    Waf waf = Waf.builder().ruleFile(restSetup).crs(crs, setup).build();
    List<CorpusRequest> attackRequests = CorpusFiles.load(CorpusFiles.ATTACKS);
    List<CorpusRequest> benignRequests = CorpusFiles.load(CorpusFiles.BENIGN);
    for (int pl = 1; pl <= 4; pl++) {
      for (CorpusRequest r : attackRequests) {
        attacks.add(CorpusReplay.run(waf, r, pl));
      }
      for (CorpusRequest r : benignRequests) {
        benign.add(CorpusReplay.run(waf, r, pl));
      }
    }
    Path report = Path.of("target", "waf-corpus-report.md");
    Files.createDirectories(report.getParent());
    Files.writeString(report, CorpusReport.markdown(attacks, benign));
  }

  @Test
  void detectionAtParanoiaLevel1StaysAboveTheMeasuredFloor() {
    assertThat(CorpusReport.rate(attacks, 1, CorpusReplay.Outcome::blocked))
        .isGreaterThanOrEqualTo(PL1_DETECTION_FLOOR);
  }

  @Test
  void falsePositivesAtParanoiaLevel1StayBelowTheMeasuredCeiling() {
    assertThat(CorpusReport.rate(benign, 1, CorpusReplay.Outcome::blocked))
        .isLessThanOrEqualTo(PL1_FALSE_POSITIVE_CEILING);
  }

  @Test
  void aHigherParanoiaLevelNeverUnblocksARequest() {
    for (List<CorpusReplay.Outcome> all : List.of(attacks, benign)) {
      int n = all.size() / 4;
      for (int i = 0; i < n; i++) {
        for (int pl = 1; pl < 4; pl++) {
          CorpusReplay.Outcome lower = all.get((pl - 1) * n + i);
          CorpusReplay.Outcome higher = all.get(pl * n + i);
          assertThat(higher.score())
              .as("%s score at PL%d vs PL%d", lower.request().id(), pl + 1, pl)
              .isGreaterThanOrEqualTo(lower.score());
        }
      }
    }
  }

  @Test
  void everyAttackMatchesItsExpectedRulesAtItsParanoiaLevelExceptKnownGaps() {
    Map<String, String> misses = new TreeMap<>();
    for (CorpusReplay.Outcome o : attacks) {
      if (o.pl() != o.request().pl()) {
        continue;
      }
      List<String> missing = o.request().expect().stream().filter(e -> !o.matched(e)).toList();
      if (!missing.isEmpty()) {
        misses.put(o.request().id(), "missing " + missing + ", matched " + o.ruleIds());
      }
    }
    assertThat(misses.keySet()).as("misses: %s", misses).isEqualTo(KNOWN_GAPS.keySet());
  }

  @Test
  void noCorpusRequestCausesAnEngineFault() {
    List<String> faults = new ArrayList<>();
    for (List<CorpusReplay.Outcome> all : List.of(attacks, benign)) {
      for (CorpusReplay.Outcome o : all) {
        if (!o.faults().isEmpty()) {
          faults.add(o.request().id() + " PL" + o.pl() + " " + o.faults());
        }
      }
    }
    assertThat(faults).isEmpty();
  }
}

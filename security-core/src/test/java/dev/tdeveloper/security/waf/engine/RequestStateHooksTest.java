package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.regex.WafPattern;
import dev.tdeveloper.security.waf.seclang.SecLangNames;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The evaluator's side of {@link RequestState}: matches, rules, collections, time. */
class RequestStateHooksTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-08T07:05:09Z"));
  private final PersistentCollections store = PersistentCollections.inMemory(clock);
  private final RequestState state = new RequestState("tenant-a", store, clock, clock);

  private List<Target> collect(String variable, Optional<String> key) {
    List<Target> out = new ArrayList<>();
    state.collect(variable, key, Optional.empty(), out);
    return out;
  }

  private String single(String variable) {
    return collect(variable, Optional.empty()).get(0).value();
  }

  @Test
  void matchedVariablesFollowTheEvaluator() {
    assertThat(single("MATCHED_VAR")).isEmpty();
    state.matched().add(new Target("ARGS:id", "id", "1"));
    state.matched().add(new Target("REQUEST_HEADERS:User-Agent", "User-Agent", "sqlmap"));
    assertThat(single("MATCHED_VAR")).isEqualTo("sqlmap");
    assertThat(single("MATCHED_VAR_NAME")).isEqualTo("REQUEST_HEADERS:User-Agent");
    assertThat(collect("MATCHED_VARS", Optional.empty()))
        .containsExactly(
            new Target("MATCHED_VARS:ARGS:id", "ARGS:id", "1"),
            new Target(
                "MATCHED_VARS:REQUEST_HEADERS:User-Agent", "REQUEST_HEADERS:User-Agent", "sqlmap"));
    assertThat(collect("MATCHED_VARS_NAMES", Optional.of("args:ID")))
        .containsExactly(new Target("MATCHED_VARS_NAMES:ARGS:id", "ARGS:id", "ARGS:id"));
    assertThat(state.matched().all()).hasSize(2);
    state.matched().clear();
    assertThat(collect("MATCHED_VARS", Optional.empty())).isEmpty();
    assertThat(single("MATCHED_VAR_NAME")).isEmpty();
  }

  @Test
  void ruleCollectionHoldsMetadataAndMatchTimeValues() {
    state.rule().enter(Map.of("id", "920100", "severity", "2"));
    state.rule().put("MSG", "Invalid HTTP Request Line");
    assertThat(collect("RULE", Optional.of("id")))
        .containsExactly(new Target("RULE:id", "id", "920100"));
    assertThat(collect("RULE", Optional.of("msg")))
        .extracting(Target::value)
        .containsExactly("Invalid HTTP Request Line");
    state.rule().enter(Map.of("id", "920110"));
    assertThat(collect("RULE", Optional.empty()))
        .containsExactly(new Target("RULE:id", "id", "920110"));
  }

  @Test
  void highestSeverityKeepsTheLowestNumber() {
    assertThat(single("HIGHEST_SEVERITY")).isEqualTo("255");
    state.raiseSeverity(4);
    state.raiseSeverity(2);
    state.raiseSeverity(5);
    assertThat(single("HIGHEST_SEVERITY")).isEqualTo("2");
    assertThat(state.highestSeverity()).isEqualTo(2);
  }

  @Test
  void txIsNamedWithLowerCaseKeysAndSelectable() {
    MutableCollection tx = state.collection("TX").orElseThrow();
    tx.set("Anomaly_Score", "5");
    tx.set("header_name_x-a", "/x-a/");
    assertThat(collect("TX", Optional.of("ANOMALY_SCORE")))
        .containsExactly(new Target("TX:anomaly_score", "anomaly_score", "5"));
    List<Target> out = new ArrayList<>();
    state.collect("TX", Optional.empty(), Optional.of(WafPattern.compile("^header_name_")), out);
    assertThat(out).extracting(Target::name).containsExactly("TX:header_name_x-a");
    tx.remove("anomaly_score");
    assertThat(collect("TX", Optional.of("anomaly_score"))).isEmpty();
  }

  @Test
  void persistentCollectionsExistOnlyAfterInitcolAndStayInTheTenant() {
    assertThat(state.collection("IP")).isEmpty();
    assertThat(collect("IP", Optional.empty())).isEmpty();
    state.initcol("ip", "203.0.113.7_abc");
    state.collection("IP").orElseThrow().set("reput_block_flag", "1");
    assertThat(collect("IP", Optional.of("reput_block_flag")))
        .containsExactly(new Target("IP:reput_block_flag", "reput_block_flag", "1"));

    RequestState next = new RequestState("tenant-a", store, clock, clock);
    next.initcol("IP", "203.0.113.7_abc");
    assertThat(next.expand("%{ip.reput_block_flag}")).isEqualTo("1");

    RequestState otherTenant = new RequestState("tenant-b", store, clock, clock);
    otherTenant.initcol("IP", "203.0.113.7_abc");
    assertThat(otherTenant.expand("%{ip.reput_block_flag}")).isEmpty();
  }

  @Test
  void envHoldsOnlySetenvValuesAndGeoOnlyLookups() {
    assertThat(collect("ENV", Optional.of("PATH"))).isEmpty();
    state.collection("ENV").orElseThrow().set("waf_flag", "on");
    state.setGeo("COUNTRY_CODE", "NL");
    assertThat(collect("ENV", Optional.empty()))
        .containsExactly(new Target("ENV:waf_flag", "waf_flag", "on"));
    assertThat(collect("GEO", Optional.of("country_code")))
        .extracting(Target::value)
        .containsExactly("NL");
  }

  @Test
  void timeVariablesUseTheInjectedWallClockInUtc() {
    assertThat(single("TIME")).isEqualTo("07:05:09");
    assertThat(single("TIME_HOUR")).isEqualTo("07");
    assertThat(single("TIME_MIN")).isEqualTo("05");
    assertThat(single("TIME_SEC")).isEqualTo("09");
    assertThat(single("TIME_DAY")).isEqualTo("08");
    assertThat(single("TIME_MON")).isEqualTo("2");
    assertThat(single("TIME_YEAR")).isEqualTo("2026");
    assertThat(single("TIME_WDAY")).isEqualTo("0");
    assertThat(single("TIME_EPOCH"))
        .isEqualTo(Long.toString(Instant.parse("2026-03-08T07:05:09Z").getEpochSecond()));
  }

  @Test
  void durationCountsMillisecondsOnTheTicker() {
    assertThat(single("DURATION")).isEqualTo("0");
    clock.advance(Duration.ofMillis(1500));
    assertThat(single("DURATION")).isEqualTo("1500");
  }

  @Test
  void uniqueIdIsStablePerTransactionAndDistinctAcrossThem() {
    String id = single("UNIQUE_ID");
    assertThat(single("UNIQUE_ID")).isEqualTo(id).isEqualTo(state.uniqueId());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(new RequestState("t", store, clock, clock).uniqueId());
    }
    assertThat(ids).hasSize(10_000).doesNotContain(id);
  }

  @Test
  void callerSuppliedUniqueIdWins() {
    state.setUniqueId("req-42");
    assertThat(single("UNIQUE_ID")).isEqualTo("req-42");
  }

  @Test
  void everySingleVariableOfTheVocabularyYieldsExactlyOneTarget() {
    for (String variable : SecLangNames.VARIABLES) {
      assertThat(collect(variable, Optional.empty()))
          .as(variable)
          .hasSize(1)
          .allSatisfy(t -> assertThat(t.name()).isEqualTo(variable));
    }
  }

  @Test
  void everyCollectionOfTheVocabularyCanBeCollected() {
    state.setRequestLine("GET", "/?a=1", "HTTP/1.1");
    state.addRequestHeader("Cookie", "c=1");
    for (String collection : SecLangNames.COLLECTIONS) {
      List<Target> out = collect(collection, Optional.empty());
      assertThat(out)
          .as(collection)
          .allSatisfy(t -> assertThat(t.name()).startsWith(collection + ":"));
    }
  }

  @Property(tries = 300)
  void arbitraryRequestDataNeverThrows(
      @ForAll String uri, @ForAll String cookie, @ForAll String header, @ForAll String macro) {
    RequestState s = new RequestState("t", store, clock, clock);
    s.setRequestLine("GET", uri, "HTTP/1.1");
    s.addRequestHeader("Cookie", cookie);
    s.addRequestHeader(header, header);
    s.addRequestHeader("Authorization", "Basic " + header);
    s.expand(macro);
    for (String variable : SecLangNames.VARIABLES) {
      s.collect(variable, Optional.empty(), Optional.empty(), new ArrayList<>());
    }
    for (String collection : SecLangNames.COLLECTIONS) {
      s.collect(collection, Optional.of(header), Optional.empty(), new ArrayList<>());
    }
  }
}

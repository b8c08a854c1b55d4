package dev.tdeveloper.security.waf.crs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.CrsInstall;
import dev.tdeveloper.security.waf.Waf;
import dev.tdeveloper.security.waf.WafMatch;
import dev.tdeveloper.security.waf.WafTransaction;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole CRS 3.3.4 at PL1 through the public API: attacks denied by 949110, benign passes. */
class CrsEndToEndTest {
  static Waf waf;

  @BeforeAll
  static void load() {
    waf = Waf.builder().crs(CrsInstall.crsDir(), CrsInstall.setupDir()).build();
  }

  static WafTransaction get(String uri) {
    WafTransaction tx = waf.newTransaction();
    tx.processConnection("203.0.113.9", 40000, "10.0.0.1", 8080);
    tx.processUri("GET", uri, "HTTP/1.1");
    tx.addRequestHeader("Host", "api.example.com");
    tx.addRequestHeader("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/126.0");
    tx.addRequestHeader("Accept", "application/json");
    tx.processRequestHeaders();
    tx.processRequestBody();
    tx.processLogging();
    return tx;
  }

  static List<Long> ids(WafTransaction tx) {
    return tx.matches().stream().map(WafMatch::ruleId).toList();
  }

  @Test
  void anSqlInjectionIsDeniedByTheAnomalyScore() {
    WafTransaction tx = get("/notes?id=1%27%20or%20%271%27%3D%271");
    System.out.println(
        "sqli: " + ids(tx) + " score " + tx.inboundAnomalyScore() + " " + tx.matches());
    assertThat(tx.interruption()).isPresent();
    assertThat(tx.interruption().get().ruleId()).isEqualTo(949110);
    assertThat(ids(tx)).anyMatch(id -> id / 1000 == 942);
  }

  @Test
  void aBenignGetPasses() {
    WafTransaction tx = get("/notes?page=2&size=20&sort=created&q=hello%20world&lang=en");
    System.out.println(
        "benign: " + ids(tx) + " score " + tx.inboundAnomalyScore() + " " + tx.matches());
    assertThat(tx.interruption()).isEmpty();
    assertThat(tx.inboundAnomalyScore()).isZero();
  }
}

package dev.tdeveloper.security.waf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.waf.engine.ValueMemo;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAF gives tenants their memos of per-value work without ever taking one from a tenant for
 * another: requests naming made-up tenants cannot displace a tenant's memo, and only a tenant's own
 * idleness ends it.
 */
class WafValueMemoTenantsTest {
  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();

  private Waf waf(int tenants, Predicate<String> namespaces) throws IOException {
    Path file = dir.resolve("rules.conf");
    Files.writeString(
        file,
        "SecRuleEngine On\nSecRule ARGS \"@rx attack\" \"id:100,phase:1,deny,status:403\"\n",
        StandardCharsets.ISO_8859_1);
    return Waf.builder()
        .ruleFile(file)
        .config(WafConfig.defaults().withClocks(clock, clock))
        .valueMemo(tenants, 64, 64)
        .valueMemoNamespaces(namespaces)
        .build();
  }

  private static Optional<ValueMemo> memo(Waf waf, String tenant) {
    return waf.valueMemo(WafPolicy.defaults(tenant));
  }

  @Test
  void requestsNamingManyUnknownTenantsNeverTakeATenantsMemo() throws IOException {
    Waf waf = waf(4, ns -> true);
    ValueMemo alice = memo(waf, "alice").orElseThrow();
    for (int i = 0; i < 1_000; i++) {
      memo(waf, "made-up-" + i);
    }
    assertThat(memo(waf, "alice")).containsSame(alice);
    assertThat(waf.valueMemoTenants()).isEqualTo(4);
    assertThat(memo(waf, "bob")).isEmpty(); // full: bob works without one, alice keeps hers
  }

  @Test
  void namespacesTheTestRefusesGetNoMemo() throws IOException {
    Waf waf = waf(4, ns -> ns.startsWith("known-"));
    for (int i = 0; i < 100; i++) {
      assertThat(memo(waf, "made-up-" + i)).isEmpty();
    }
    assertThat(memo(waf, "known-a")).isPresent();
    assertThat(memo(waf, "known-b")).isPresent();
    assertThat(waf.valueMemoTenants()).isEqualTo(2);
  }

  @Test
  void onlyATenantsOwnIdlenessEndsItsMemo() throws IOException {
    Waf waf = waf(2, ns -> true);
    ValueMemo alice = memo(waf, "alice").orElseThrow();
    memo(waf, "bob").orElseThrow();
    for (int minute = 0; minute < 30; minute++) {
      clock.advance(Duration.ofMinutes(1));
      assertThat(memo(waf, "alice")).containsSame(alice); // alice stays busy
    }
    assertThat(waf.valueMemoTenants()).isEqualTo(1); // bob idled out
    assertThat(memo(waf, "carol")).isPresent(); // and left his place
    assertThat(memo(waf, "alice")).containsSame(alice);
  }

  @Test
  void aMemoUsedBetweenRecordedUsesLivesAsLongAsItIsUsedThenIdlesOut() throws IOException {
    Waf waf = waf(2, ns -> true);
    ValueMemo alice = memo(waf, "alice").orElseThrow();
    for (int use = 0; use < 15 * 60 * 4; use++) { // 15 minutes of uses 250 ms apart
      clock.advance(Duration.ofMillis(250));
      assertThat(memo(waf, "alice")).containsSame(alice);
    }
    assertThat(waf.valueMemoTenants()).isEqualTo(1);
    clock.advance(Waf.MEMO_IDLE.minus(Waf.MEMO_TOUCH).minusMillis(1));
    assertThat(waf.valueMemoTenants()).isEqualTo(1); // idle, but not long enough
    clock.advance(Waf.MEMO_TOUCH.plusMillis(1));
    assertThat(waf.valueMemoTenants()).isZero(); // idle for MEMO_IDLE since its last use
    assertThat(memo(waf, "alice").orElseThrow()).isNotSameAs(alice);
  }

  @Test
  void aMissingNamespaceTestIsRefusedByName() {
    assertThatThrownBy(() -> Waf.builder().valueMemoNamespaces(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("namespaces");
    assertThatThrownBy(
            () -> Waf.builder().valueMemoNamespaces(ns -> true).valueMemoNamespaces(ns -> true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("valueMemoNamespaces");
  }
}

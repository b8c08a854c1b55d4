package dev.tdeveloper.observability.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantCardinalityGuardTest {
  private final ManualClock clock = new ManualClock();

  private TenantCardinalityGuard guard(int top) {
    return TenantCardinalityGuard.builder()
        .topTenants(top)
        .rerankInterval(Duration.ofMinutes(1))
        .clock(clock)
        .build();
  }

  private static TenantId t(String id) {
    return TenantId.of(id);
  }

  @Test
  void smallDeploymentKeepsEveryTenantsOwnTagWithoutWaitingForARerank() {
    TenantCardinalityGuard guard = guard(3);
    assertThat(guard.tag(t("acme"))).isEqualTo("acme");
    assertThat(guard.tag(t("globex"))).isEqualTo("globex");
    assertThat(guard.tag(t("initech"))).isEqualTo("initech");
    assertThat(guard.tag(t("umbrella"))).isEqualTo(TenantCardinalityGuard.OTHER);
    assertThat(guard.maxTagValues()).isEqualTo(4);
  }

  @Test
  void oneMillionDistinctTenantsNeverMakeMoreThanNPlusOneTagValues() {
    int top = 50;
    TenantCardinalityGuard guard = guard(top);
    Set<String> seen = new HashSet<>();
    List<TenantId> heavy = new ArrayList<>();
    for (int h = 0; h < 5; h++) {
      heavy.add(t("heavy-" + h));
    }
    for (int i = 0; i < 1_000_000; i++) {
      seen.add(guard.tag(t("tenant-" + i)));
      seen.add(guard.tag(heavy.get(i % heavy.size())));
      if (i % 100_000 == 99_999) {
        clock.advance(Duration.ofMinutes(1));
        seen.add(guard.tag(heavy.get(0)));
        assertThat(seen).hasSizeLessThanOrEqualTo(top + 1);
        seen.clear();
        seen.addAll(guard.taggedTenants().stream().map(TenantId::value).toList());
        seen.add(TenantCardinalityGuard.OTHER);
      }
      assertThat(guard.taggedTenants().size()).isLessThanOrEqualTo(top);
    }
    assertThat(seen).hasSizeLessThanOrEqualTo(top + 1);
    assertThat(guard.taggedTenants()).containsAll(heavy);
  }

  @Test
  void heavyHittersTakeTheTagsAtTheRerankAndColdTenantsAreDemoted() {
    TenantCardinalityGuard guard = guard(2);
    guard.tag(t("early-a"));
    guard.tag(t("early-b"));
    for (int i = 0; i < 100; i++) {
      assertThat(guard.tag(t("hot-1"))).isEqualTo(TenantCardinalityGuard.OTHER);
      guard.tag(t("hot-2"));
    }
    assertThat(guard.hasOwnTag(t("early-a"))).as("keeps its tag until the re-rank").isTrue();
    clock.advance(Duration.ofMinutes(1));
    assertThat(guard.tag(t("hot-1"))).isEqualTo("hot-1");
    assertThat(guard.taggedTenants()).containsExactlyInAnyOrder(t("hot-1"), t("hot-2"));
    assertThat(guard.currentTag(t("early-a"))).isEqualTo(TenantCardinalityGuard.OTHER);
  }

  @Test
  void countsHalveAtEachRerankSoOldTrafficFadesAway() {
    TenantCardinalityGuard guard = guard(1);
    guard.tag(t("acme"), 1000);
    guard.rerank();
    assertThat(guard.estimatedTraffic(t("acme"))).isEqualTo(500);
    clock.advance(Duration.ofMinutes(3));
    guard.tag(t("globex"), 1);
    assertThat(guard.estimatedTraffic(t("acme"))).isEqualTo(62);
  }

  @Test
  void tiesAtARerankFavourTheTenantAlreadyTagged() {
    TenantCardinalityGuard guard = guard(1);
    guard.tag(t("zeta"), 10);
    guard.tag(t("alpha"), 10);
    guard.rerank();
    assertThat(guard.taggedTenants()).containsExactly(t("zeta"));
  }

  @Test
  void aTenantNamedOtherNeverGetsATagOfItsOwn() {
    TenantCardinalityGuard guard = guard(5);
    assertThat(guard.tag(t("other"), 1000)).isEqualTo(TenantCardinalityGuard.OTHER);
    guard.rerank();
    assertThat(guard.hasOwnTag(t("other"))).isFalse();
  }

  @Test
  void listenersSeePromotionsAndDemotionsAndAThrowingOneBreaksNothing() {
    TenantCardinalityGuard guard = guard(1);
    List<TagChange> changes = new ArrayList<>();
    guard.addListener(
        c -> {
          throw new IllegalStateException("boom");
        });
    guard.addListener(changes::add);
    assertThat(guard.tag(t("acme"))).isEqualTo("acme");
    guard.tag(t("globex"), 50);
    guard.rerank();
    assertThat(changes).hasSize(2);
    assertThat(changes.get(0).promoted()).containsExactly(t("acme"));
    assertThat(changes.get(1).promoted()).containsExactly(t("globex"));
    assertThat(changes.get(1).demoted()).containsExactly(t("acme"));
  }

  @Test
  void badSettingsAndArgumentsAreRejectedByName() {
    assertThatThrownBy(() -> TenantCardinalityGuard.builder().topTenants(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("topTenants: 0");
    assertThatThrownBy(() -> TenantCardinalityGuard.builder().topTenants(5).topTenants(6))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("topTenants");
    assertThatThrownBy(() -> TenantCardinalityGuard.builder().rerankInterval(Duration.ofMillis(10)))
        .hasMessageContaining("rerankInterval: PT0.01S");
    assertThatThrownBy(
            () -> TenantCardinalityGuard.builder().topTenants(10).trackedTenants(5).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("trackedTenants: 5");
    TenantCardinalityGuard guard = guard(2);
    assertThatThrownBy(() -> guard.tag(t("acme"), 0)).hasMessageContaining("weight: 0");
    assertThat(guard.taggedTenants()).isEmpty();
  }
}

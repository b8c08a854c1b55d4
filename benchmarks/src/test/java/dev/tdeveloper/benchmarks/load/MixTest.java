package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MixTest {
  private final Roster roster = Roster.standard();

  @Test
  void rosterHasHundredTenantsAcrossThreePlansAndBothResolutions() {
    assertThat(roster.tenants()).hasSize(100);
    assertThat(roster.tenants().stream().filter(t -> t.plan().equals("enterprise"))).hasSize(20);
    assertThat(roster.tenants().stream().filter(t -> t.plan().equals("pro"))).hasSize(30);
    assertThat(roster.tenants().stream().filter(t -> t.plan().equals("free"))).hasSize(50);
    assertThat(roster.tenants().stream().filter(LoadTenant::bySubdomain)).hasSize(50);
    assertThat(roster.tenants().stream().filter(t -> t.role() == LoadTenant.Role.FLOOD))
        .singleElement()
        .extracting(LoadTenant::plan)
        .isEqualTo("free");
  }

  @Test
  void normalTenantsStayUnderTheirLimitsWhileOthersGoOver() {
    double[] rates = roster.ratesAt(10_000);
    for (int i = 0; i < rates.length; i++) {
      LoadTenant t = roster.tenants().get(i);
      if (t.role() == LoadTenant.Role.NORMAL) {
        assertThat(rates[i]).as(t.id()).isLessThan(t.rateLimit());
      } else {
        assertThat(rates[i]).as(t.id()).isGreaterThan(t.rateLimit());
      }
    }
  }

  @Test
  void drawsTheMixInItsProportions() {
    Mix mix = new Mix(roster, 10_000, 1);
    Map<RequestKind, Integer> kinds = new EnumMap<>(RequestKind.class);
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      kinds.merge(mix.next().kind(), 1, Integer::sum);
    }
    assertThat(kinds.get(RequestKind.ATTACK) / (double) n).isCloseTo(0.03, within(0.003));
    assertThat(kinds.get(RequestKind.FLOOD) / (double) n).isCloseTo(0.10, within(0.005));
    double normal =
        kinds.get(RequestKind.READ) + kinds.get(RequestKind.WRITE) + kinds.get(RequestKind.USAGE);
    assertThat(kinds.get(RequestKind.READ) / normal).isCloseTo(0.80, within(0.01));
    assertThat(kinds.get(RequestKind.WRITE) / normal).isCloseTo(0.15, within(0.01));
    assertThat(kinds.get(RequestKind.USAGE) / normal).isCloseTo(0.05, within(0.01));
  }

  @Test
  void sameSeedGivesSameSequence() {
    Mix a = new Mix(roster, 500, 9);
    Mix b = new Mix(roster, 500, 9);
    for (int i = 0; i < 1000; i++) {
      assertThat(a.next()).isEqualTo(b.next());
    }
  }

  @Test
  void refusesRateTooLowForTheNormalTenants() {
    assertThatThrownBy(() -> roster.ratesAt(40))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 40.0 requests/s")
        .hasMessageContaining("allowed: more than");
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}

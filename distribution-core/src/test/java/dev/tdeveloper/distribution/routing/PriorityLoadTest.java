package dev.tdeveloper.distribution.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The examples of Envoy's "Priority levels" page (arch_overview/upstream/load_balancing/priority),
 * health given as the share of healthy endpoints out of 100.
 */
class PriorityLoadTest {
  private static int[] loads(int... healthyPercent) {
    int[] health = new int[healthyPercent.length];
    for (int i = 0; i < health.length; i++) {
      health[i] = PriorityLoad.health(healthyPercent[i], 100);
    }
    return PriorityLoad.loads(health);
  }

  @Test
  void healthIsOverprovisionedByOnePointFourAndCapped() {
    assertThat(PriorityLoad.health(80, 100)).isEqualTo(100);
    assertThat(PriorityLoad.health(72, 100)).isEqualTo(100);
    assertThat(PriorityLoad.health(71, 100)).isEqualTo(99);
    assertThat(PriorityLoad.health(1, 2)).isEqualTo(70);
    assertThat(PriorityLoad.health(0, 4)).isZero();
    assertThat(PriorityLoad.health(0, 0)).isZero();
  }

  @Test
  void twoLevelsWithP1FullyHealthy() {
    assertThat(loads(100, 100)).containsExactly(100, 0);
    assertThat(loads(72, 100)).containsExactly(100, 0);
    assertThat(loads(71, 100)).containsExactly(99, 1);
    assertThat(loads(50, 100)).containsExactly(70, 30);
    assertThat(loads(25, 100)).containsExactly(35, 65);
    assertThat(loads(0, 100)).containsExactly(0, 100);
  }

  @Test
  void twoDegradedLevelsAreNormalized() {
    assertThat(loads(72, 72)).containsExactly(100, 0);
    assertThat(loads(71, 71)).containsExactly(99, 1);
    assertThat(loads(50, 50)).containsExactly(70, 30);
    assertThat(loads(25, 100)).containsExactly(35, 65);
    assertThat(loads(25, 25)).containsExactly(50, 50);
    // "health {20, 30} (normalized total health 50) is normalized to a priority load of {40%, 60%}"
    assertThat(PriorityLoad.loads(new int[] {20, 30})).containsExactly(40, 60);
  }

  @Test
  void threeLevels() {
    assertThat(loads(100, 100, 100)).containsExactly(100, 0, 0);
    assertThat(loads(72, 72, 100)).containsExactly(100, 0, 0);
    assertThat(loads(71, 71, 100)).containsExactly(99, 1, 0);
    assertThat(loads(50, 50, 100)).containsExactly(70, 30, 0);
    assertThat(loads(25, 100, 100)).containsExactly(35, 65, 0);
    assertThat(loads(25, 25, 100)).containsExactly(35, 35, 30);
  }

  @Test
  void roundingRemainderGoesToTheFirstHealthyLevelAsEnvoysDistributeLoadDoes() {
    // Envoy's table rounds the 25% / 25% / 20% row to 36 / 36 / 28; its code (distributeLoad)
    // floors 35 * 100 / 98 = 35 and 28 * 100 / 98 = 28 and gives the remaining 2 to the first
    // level with any health: 37 / 35 / 28. We follow the code.
    assertThat(loads(25, 25, 20)).containsExactly(37, 35, 28);
    // 35 * 100 / 63 = 55 and 28 * 100 / 63 = 44; the remaining 1 goes to P1, the first with health.
    assertThat(loads(0, 25, 20)).containsExactly(0, 56, 44);
  }

  @Test
  void everyLevelAtZeroLeavesTheDecisionToTheCaller() {
    assertThat(loads(0, 0)).containsExactly(0, 0);
  }
}

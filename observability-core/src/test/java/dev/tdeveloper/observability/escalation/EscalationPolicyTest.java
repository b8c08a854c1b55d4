package dev.tdeveloper.observability.escalation;

import static dev.tdeveloper.observability.escalation.EscalationTarget.schedule;
import static dev.tdeveloper.observability.escalation.EscalationTarget.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EscalationPolicyTest {
  @Test
  void buildsLevelsInOrderWithRepeats() {
    EscalationPolicy policy =
        EscalationPolicy.builder("platform")
            .level(10, user("alice"), schedule("primary"))
            .level(30, user("bob"))
            .repeats(2)
            .build();
    assertThat(policy.levels()).hasSize(2);
    assertThat(policy.level(0).delay()).isEqualTo(Duration.ofMinutes(10));
    assertThat(policy.repeats()).isEqualTo(2);
    assertThat(policy.scheduleNames()).containsExactly("primary");
  }

  @Test
  void rejectsBadPoliciesNamingTheField() {
    assertThatThrownBy(() -> EscalationPolicy.builder("empty").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'empty' has 0 levels; allowed: 1 to 20");
    assertThatThrownBy(() -> EscalationPolicy.builder("p").level(5, user("a")).repeats(10).build())
        .hasMessageContaining("repeats 10 is out of range; allowed: 0 to 9");
    assertThatThrownBy(() -> EscalationPolicy.builder("p").level(0, user("a")))
        .hasMessageContaining("delayMinutes 0 is out of range; allowed: 1 to 1440");
    assertThatThrownBy(() -> EscalationPolicy.builder("p").level(5))
        .hasMessageContaining("0 targets; allowed: 1 to 10");
    assertThatThrownBy(() -> EscalationPolicy.builder("p").level(5, user("a"), user("a")))
        .hasMessageContaining("names a target twice");
    assertThatThrownBy(() -> EscalationPolicy.builder("bad name").level(5, user("a")).build())
        .hasMessageContaining("policy name 'bad name' is invalid");
    assertThatThrownBy(() -> user("no spaces"))
        .hasMessageContaining("user name 'no spaces' is invalid");
    assertThatThrownBy(() -> EscalationPolicy.builder("p").repeats(1).repeats(2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("repeats was already set");
  }
}

package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.waf.seclang.SecLangNames;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A compiled rule knows each variable's {@link DerivedVariables#number} from load time; the state
 * must answer that number as it answers the name: the same targets, or none for a variable never
 * derived ({@link DerivedVariables#NEVER} skips the name lookup).
 */
class DerivedVariablesTest {
  @Test
  void theNumberOfEveryVariableGivesWhatItsNameGives() {
    ManualClock clock = new ManualClock();
    RequestState s = new RequestState("t", PersistentCollections.inMemory(clock), clock, clock);
    s.setRequestLine("GET", "/a?b=c", "HTTP/1.1");
    s.addRequestHeader("Cookie", "k=v");
    Set<String> names = new TreeSet<>(SecLangNames.VARIABLES);
    names.addAll(SecLangNames.COLLECTIONS);
    names.add("TIME_HOUR");
    int never = 0;
    for (String name : names) {
      int number = DerivedVariables.number(name);
      Target[] byName = s.stableTargets(name);
      assertThat(s.stableTargets(number, name)).as(name).isEqualTo(byName);
      if (number == DerivedVariables.NEVER) {
        never++;
        assertThat(byName).as(name).isNull();
      } else {
        assertThat(number).as(name).isEqualTo(DerivedVariables.id(name));
      }
    }
    assertThat(never).isGreaterThan(10);
    assertThat(DerivedVariables.number("ARGS")).isEqualTo(DerivedVariables.id("ARGS"));
    assertThat(DerivedVariables.number("TX")).isEqualTo(DerivedVariables.NEVER);
  }
}

package dev.tdeveloper.observability.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.observability.Labels;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Routes with many children find the candidates through an index on a label the children constrain
 * literally; these properties check the routes reached are exactly those of trying every child in
 * order, as Alertmanager does.
 */
class RouteIndexTest {
  private static final String[] MATCHERS = {
    "team=\"a\"",
    "team=\"b\"",
    "team=~\"a|c\"",
    "team=~\"b|\"",
    "team!=\"a\"",
    "team=~\"a.*\"",
    "env=\"prod\"",
    "env!=\"prod\"",
    "team=\"\""
  };
  private static final String[] TEAMS = {"a", "b", "c", "ab", null};

  @Property(tries = 300)
  void indexedMatchingReachesTheSameRoutesAsTryingEveryChild(
      @ForAll @Size(min = 8, max = 24) List<@IntRange(min = 0, max = 8) Integer> firstMatchers,
      @ForAll @Size(min = 24, max = 24) List<@IntRange(min = 0, max = 9) Integer> secondMatchers,
      @ForAll @Size(min = 24, max = 24) List<Boolean> continues,
      @ForAll @IntRange(min = 0, max = 4) int team,
      @ForAll boolean prod) {
    RouteBuilder root = Route.builder().receiver("root");
    for (int i = 0; i < firstMatchers.size(); i++) {
      RouteBuilder child =
          Route.builder()
              .receiver("r" + i)
              .matcher(MATCHERS[firstMatchers.get(i)])
              .continueMatching(continues.get(i));
      if (secondMatchers.get(i) < MATCHERS.length) {
        child.matcher(MATCHERS[secondMatchers.get(i)]);
      }
      root.child(child);
    }
    Route route = root.build();
    Labels labels = Labels.of("alertname", "X", "severity", "info");
    if (TEAMS[team] != null) {
      labels = labels.with("team", TEAMS[team]);
    }
    if (prod) {
      labels = labels.with("env", "prod");
    }
    assertThat(route.match(labels)).isEqualTo(bruteForce(route, labels));
  }

  private static List<Route> bruteForce(Route route, Labels labels) {
    List<Route> out = new ArrayList<>();
    bruteForce(route, labels, out);
    return out;
  }

  private static boolean bruteForce(Route route, Labels labels, List<Route> out) {
    if (!Matcher.all(route.matchers(), labels)) {
      return false;
    }
    boolean childMatched = false;
    for (Route child : route.children()) {
      if (bruteForce(child, labels, out)) {
        childMatched = true;
        if (!child.continueMatching()) {
          break;
        }
      }
    }
    if (!childMatched) {
      out.add(route);
    }
    return true;
  }
}

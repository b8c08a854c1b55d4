package dev.tdeveloper.observability.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds a {@link Route} tree; each setting may be given once, and what a route leaves unset it
 * inherits from its parent (the root from Alertmanager's defaults). Null arguments throw {@link
 * NullPointerException}; bad values {@link IllegalArgumentException} naming the setting, the value
 * and what is allowed; a setting given twice or an invalid root {@link IllegalStateException}.
 *
 * <p>Not thread-safe; the built tree is immutable.
 */
public final class RouteBuilder {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final List<Matcher> matchers = new ArrayList<>();
  private final List<RouteBuilder> children = new ArrayList<>();
  private String receiver;
  private Set<String> groupBy;
  private Duration groupWait;
  private Duration groupInterval;
  private Duration repeatInterval;
  private Boolean continueMatching;

  RouteBuilder() {}

  /** Adds a matcher an alert must satisfy to enter this route (not allowed on the root). */
  public RouteBuilder matcher(Matcher matcher) {
    matchers.add(Objects.requireNonNull(matcher, "matcher"));
    return this;
  }

  /**
   * Adds a matcher in Alertmanager's string form, such as {@code severity=~"critical|error"}.
   *
   * @throws IllegalArgumentException if the text is not a valid matcher
   */
  public RouteBuilder matcher(String matcher) {
    return matcher(Matcher.parse(Objects.requireNonNull(matcher, "matcher")));
  }

  /** Sets the receiver (required on the root, inherited otherwise). */
  public RouteBuilder receiver(String receiver) {
    Objects.requireNonNull(receiver, "receiver");
    if (receiver.isBlank()) {
      throw new IllegalArgumentException("route receiver: must not be blank");
    }
    this.receiver = once(this.receiver, receiver, "receiver");
    return this;
  }

  /**
   * Sets the labels to group by; {@code "..."} alone groups by all labels.
   *
   * @throws IllegalArgumentException if a name is not a label name, or {@code ...} is mixed with
   *     names
   */
  public RouteBuilder groupBy(String... labels) {
    Set<String> names = new LinkedHashSet<>();
    for (String label : labels) {
      Objects.requireNonNull(label, "group_by label");
      if (!label.equals(Route.GROUP_BY_ALL) && !NAME.matcher(label).matches()) {
        throw new IllegalArgumentException(
            "route group_by: invalid label name '" + label + "' (allowed: label names or '...')");
      }
      names.add(label);
    }
    if (names.contains(Route.GROUP_BY_ALL) && names.size() > 1) {
      throw new IllegalArgumentException(
          "route group_by: '...' groups by all labels and cannot be combined with " + names);
    }
    this.groupBy = once(this.groupBy, Set.copyOf(names), "group_by");
    return this;
  }

  /** Sets group_wait, zero or more (default {@link Route#DEFAULT_GROUP_WAIT}). */
  public RouteBuilder groupWait(Duration groupWait) {
    Objects.requireNonNull(groupWait, "groupWait");
    if (groupWait.isNegative()) {
      throw new IllegalArgumentException(
          "route group_wait: " + groupWait + " is negative; allowed: zero or more");
    }
    this.groupWait = once(this.groupWait, groupWait, "group_wait");
    return this;
  }

  /** Sets group_interval, more than zero (default {@link Route#DEFAULT_GROUP_INTERVAL}). */
  public RouteBuilder groupInterval(Duration groupInterval) {
    this.groupInterval =
        once(this.groupInterval, positive(groupInterval, "group_interval"), "group_interval");
    return this;
  }

  /** Sets repeat_interval, more than zero (default {@link Route#DEFAULT_REPEAT_INTERVAL}). */
  public RouteBuilder repeatInterval(Duration repeatInterval) {
    this.repeatInterval =
        once(this.repeatInterval, positive(repeatInterval, "repeat_interval"), "repeat_interval");
    return this;
  }

  /** Sets {@code continue}: after matching, also try the following siblings (default false). */
  public RouteBuilder continueMatching(boolean continueMatching) {
    this.continueMatching = once(this.continueMatching, continueMatching, "continue");
    return this;
  }

  /** Adds a child route, tried after the children added before it. */
  public RouteBuilder child(RouteBuilder child) {
    Objects.requireNonNull(child, "child");
    if (child == this) {
      throw new IllegalArgumentException("route: a route cannot be its own child");
    }
    children.add(child);
    return this;
  }

  /**
   * Builds this route as the root of a tree.
   *
   * @throws IllegalStateException if the root has no receiver, has matchers or sets {@code
   *     continue}
   */
  public Route build() {
    if (receiver == null) {
      throw new IllegalStateException("root route: a receiver is required");
    }
    if (!matchers.isEmpty()) {
      throw new IllegalStateException(
          "root route: must not have matchers (it matches every alert), has "
              + Matcher.format(matchers));
    }
    if (Boolean.TRUE.equals(continueMatching)) {
      throw new IllegalStateException("root route: cannot set continue");
    }
    Route defaults =
        new Route(
            "",
            List.of(),
            receiver,
            Set.of(),
            false,
            Route.DEFAULT_GROUP_WAIT,
            Route.DEFAULT_GROUP_INTERVAL,
            Route.DEFAULT_REPEAT_INTERVAL,
            false,
            List.of());
    return build(defaults, "{}", 0);
  }

  private Route build(Route parent, String key, int depth) {
    if (depth > 64) {
      throw new IllegalStateException("route tree: deeper than 64 levels (a cycle?)");
    }
    Set<String> names = groupBy != null ? groupBy : groupByOf(parent);
    List<Route> builtChildren = new ArrayList<>(children.size());
    Route self =
        new Route(
            key,
            matchers,
            receiver != null ? receiver : parent.receiver(),
            names.contains(Route.GROUP_BY_ALL) ? Set.of() : names,
            names.contains(Route.GROUP_BY_ALL),
            groupWait != null ? groupWait : parent.groupWait(),
            groupInterval != null ? groupInterval : parent.groupInterval(),
            repeatInterval != null ? repeatInterval : parent.repeatInterval(),
            Boolean.TRUE.equals(continueMatching),
            List.of());
    Map<String, Integer> seen = new HashMap<>();
    for (RouteBuilder child : children) {
      String childKey = key + "/" + Matcher.format(child.matchers);
      int n = seen.merge(childKey, 1, Integer::sum);
      builtChildren.add(child.build(self, n == 1 ? childKey : childKey + "#" + n, depth + 1));
    }
    return new Route(
        key,
        self.matchers(),
        self.receiver(),
        self.groupBy(),
        self.groupByAll(),
        self.groupWait(),
        self.groupInterval(),
        self.repeatInterval(),
        self.continueMatching(),
        builtChildren);
  }

  private static Set<String> groupByOf(Route parent) {
    return parent.groupByAll() ? Set.of(Route.GROUP_BY_ALL) : parent.groupBy();
  }

  private static Duration positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(
          "route " + what + ": " + d + " is not positive; allowed: more than zero");
    }
    return d;
  }

  private static <T> T once(T current, T value, String what) {
    if (current != null) {
      throw new IllegalStateException("route " + what + ": already set to " + current);
    }
    return value;
  }
}

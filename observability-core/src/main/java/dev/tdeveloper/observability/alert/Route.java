package dev.tdeveloper.observability.alert;

import dev.tdeveloper.observability.Labels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A node of the routing tree, as in Alertmanager's {@code route}: an alert enters at the root
 * (which matches everything) and descends into the first child whose matchers all match,
 * recursively; with {@code continue} set on a matching child it also tries the following siblings.
 * The deepest matching routes receive the alert; if no child matches, the node itself does. Alerts
 * at one route are grouped by the {@code group_by} labels ({@code ...} groups by all labels).
 *
 * <p>Settings a child leaves unset are inherited from its parent, and the root's defaults are
 * Alertmanager's: group_wait {@value #DEFAULT_GROUP_WAIT_SECONDS} s, group_interval 5 min,
 * repeat_interval 4 h, no grouping labels. Build with {@link #builder()}. Immutable and
 * thread-safe.
 */
public final class Route {
  /** Alertmanager's default group_wait in seconds: {@value}. */
  public static final long DEFAULT_GROUP_WAIT_SECONDS = 30;

  /** Alertmanager's default group_wait. */
  public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(DEFAULT_GROUP_WAIT_SECONDS);

  /** Alertmanager's default group_interval. */
  public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);

  /** Alertmanager's default repeat_interval. */
  public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

  /** The {@code group_by} entry that groups by all labels: {@value}. */
  public static final String GROUP_BY_ALL = "...";

  private final String key;
  private final List<Matcher> matchers;
  private final String receiver;
  private final SortedSet<String> groupBy;
  private final boolean groupByAll;
  private final Duration groupWait;
  private final Duration groupInterval;
  private final Duration repeatInterval;
  private final boolean continueMatching;
  private final List<Route> children;
  private final ChildIndex index;

  Route(
      String key,
      List<Matcher> matchers,
      String receiver,
      Set<String> groupBy,
      boolean groupByAll,
      Duration groupWait,
      Duration groupInterval,
      Duration repeatInterval,
      boolean continueMatching,
      List<Route> children) {
    this.key = key;
    this.matchers = List.copyOf(matchers);
    this.receiver = receiver;
    this.groupBy = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(groupBy));
    this.groupByAll = groupByAll;
    this.groupWait = groupWait;
    this.groupInterval = groupInterval;
    this.repeatInterval = repeatInterval;
    this.continueMatching = continueMatching;
    this.children = List.copyOf(children);
    this.index = ChildIndex.of(this.children);
  }

  /** Returns a builder for a route (the root when built directly). */
  public static RouteBuilder builder() {
    return new RouteBuilder();
  }

  /**
   * Returns the routes that receive an alert with {@code labels}: the deepest matching nodes, in
   * tree order, or empty if this route's own matchers do not match.
   */
  public List<Route> match(Labels labels) {
    List<Route> out = new ArrayList<>(1);
    matchInto(labels, out);
    return out;
  }

  private boolean matchInto(Labels labels, List<Route> out) {
    if (!Matcher.all(matchers, labels)) {
      return false;
    }
    boolean childMatched = false;
    for (int i : index.candidates(labels)) { // the others cannot match
      Route child = children.get(i);
      if (child.matchInto(labels, out)) {
        childMatched = true;
        if (!child.continueMatching) {
          break;
        }
      }
    }
    if (!childMatched) {
      out.add(this);
    }
    return true;
  }

  /**
   * Returns the labels an alert is grouped by at this route: those named in {@code group_by}, or
   * all of them for {@code ...}.
   */
  public Labels groupLabels(Labels labels) {
    return groupByAll ? labels : labels.select(groupBy);
  }

  /**
   * Returns the route's stable key: the matchers on the path from the root, such as {@code
   * {}/{tenant="acme"}}, with a sibling index appended only when two siblings share matchers. Group
   * keys start with it, so persisted notification state survives a restart.
   */
  public String key() {
    return key;
  }

  /** Returns the matchers an alert must satisfy to enter this route. */
  public List<Matcher> matchers() {
    return matchers;
  }

  /** Returns the receiver notified for groups at this route. */
  public String receiver() {
    return receiver;
  }

  /** Returns the group_by label names (empty when grouping by all, see {@link #groupByAll()}). */
  public SortedSet<String> groupBy() {
    return groupBy;
  }

  /** Returns whether this route groups by all labels ({@code group_by: ['...']}). */
  public boolean groupByAll() {
    return groupByAll;
  }

  /** Returns how long a new group waits before its first notification. */
  public Duration groupWait() {
    return groupWait;
  }

  /** Returns how long to wait before notifying about changes to a notified group. */
  public Duration groupInterval() {
    return groupInterval;
  }

  /** Returns how long to wait before re-sending an unchanged firing group. */
  public Duration repeatInterval() {
    return repeatInterval;
  }

  /** Returns whether matching continues with the next siblings after this route matched. */
  public boolean continueMatching() {
    return continueMatching;
  }

  /** Returns the child routes, in matching order. */
  public List<Route> children() {
    return children;
  }

  /** Returns every route of the tree, this one first, depth-first. */
  public List<Route> flatten() {
    List<Route> out = new ArrayList<>();
    flattenInto(out);
    return out;
  }

  private void flattenInto(List<Route> out) {
    out.add(this);
    children.forEach(c -> c.flattenInto(out));
  }

  @Override
  public String toString() {
    return "Route[" + key + " -> " + receiver + "]";
  }
}

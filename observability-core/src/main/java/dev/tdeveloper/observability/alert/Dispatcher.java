package dev.tdeveloper.observability.alert;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.observability.notify.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The router's mutable state and Alertmanager's rules over it: the alerts by fingerprint, the
 * aggregation groups, the firing sources of each inhibition rule, the silences and the notification
 * log. Not thread-safe: the {@link AlertRouter} guards it with one lock.
 */
final class Dispatcher {
  private final Route root;
  private final List<InhibitRule> rules;
  private final List<Map<Long, StoredAlert>> sources;
  private final Duration resolveTimeout;
  private final FingerprintMap<StoredAlert> alerts = new FingerprintMap<>();
  private final Map<String, AggregationGroup> groups = new LinkedHashMap<>();
  final Map<String, Silence> silences = new LinkedHashMap<>();
  final Map<NotificationLogEntry.Key, NotificationLogEntry> log = new HashMap<>();

  private static final Comparator<StoredAlert> ORDER =
      Comparator.comparing((StoredAlert a) -> a.alert().startsAt())
          .thenComparing(StoredAlert::sortKey);

  private static final Comparator<AggregationGroup> CREATION_ORDER =
      Comparator.comparingLong(g -> g.seq);

  /**
   * The groups by next flush time (and creation), so a flush touches only the groups due; an entry
   * whose group was dropped or rescheduled since is stale and skipped.
   */
  private final PriorityQueue<Scheduled> schedule =
      new PriorityQueue<>(
          Comparator.comparing(Scheduled::at).thenComparingLong(s -> s.group().seq));

  private long groupsCreated;

  /** A group's flush time as scheduled. */
  private record Scheduled(Instant at, AggregationGroup group) {}

  /** A notification due, with the log entry to record once it is sent. */
  record Due(Notification notification, NotificationLogEntry entry) {}

  Dispatcher(Route root, List<InhibitRule> rules, Duration resolveTimeout) {
    this.root = root;
    this.rules = List.copyOf(rules);
    this.sources = new ArrayList<>(rules.size());
    rules.forEach(r -> sources.add(new HashMap<>()));
    this.resolveTimeout = resolveTimeout;
  }

  /** Ingests an alert: deduplicated by fingerprint, merged, routed into its groups. */
  void receive(Alert alert, Instant now) {
    long fp = alert.fingerprint();
    StoredAlert stored = alerts.get(fp);
    boolean route;
    if (stored == null) {
      stored = new StoredAlert(alert, now, resolveTimeout);
      alerts.put(fp, stored);
      for (int i = 0; i < rules.size(); i++) {
        if (rules.get(i).matchesSource(alert.labels())) {
          sources.get(i).put(fp, stored);
        }
      }
      route = true;
    } else {
      // a resolved alert may have left some of its groups already: route again to rejoin them
      route = stored.resolvedAt(now) || stored.routes() != stored.groupCount();
      if (stored.isNewOccurrence(alert, now)) {
        stored.replace(alert, now, resolveTimeout);
      } else {
        stored.merge(alert, now, resolveTimeout);
      }
    }
    if (route) {
      StoredAlert.Routing routing = stored.routing();
      if (routing == null) {
        routing = routing(alert.labels());
        stored.routedTo(routing);
      }
      List<Route> routes = routing.routes();
      for (int i = 0; i < routes.size(); i++) {
        String key = routing.groupKeys().get(i);
        AggregationGroup group = groups.get(key);
        if (group == null) {
          group =
              new AggregationGroup(
                  key, routes.get(i), routing.groupLabels().get(i), now, groupsCreated++);
          groups.put(key, group);
          schedule(group);
        }
        Instant nextFlush = group.nextFlush;
        group.add(stored, now);
        if (group.nextFlush != nextFlush) {
          schedule(group); // brought forward; the earlier entry goes stale
        }
      }
    }
  }

  /** Matches the labels against the tree and derives the group of each route they reach. */
  private StoredAlert.Routing routing(Labels labels) {
    List<Route> routes = root.match(labels);
    List<Labels> groupLabels = new ArrayList<>(routes.size());
    List<String> groupKeys = new ArrayList<>(routes.size());
    for (Route r : routes) {
      Labels g = groupLabels(r, labels);
      groupLabels.add(g);
      groupKeys.add(AggregationGroup.keyOf(r, g));
    }
    return new StoredAlert.Routing(
        List.copyOf(routes), List.copyOf(groupLabels), List.copyOf(groupKeys));
  }

  /**
   * The group labels: the route's group_by labels, plus the tenant so a group never mixes tenants.
   */
  static Labels groupLabels(Route route, Labels labels) {
    Labels selected = route.groupLabels(labels);
    Optional<String> tenant = labels.get(Alert.TENANT);
    return tenant.isPresent() && selected.get(Alert.TENANT).isEmpty()
        ? selected.with(Alert.TENANT, tenant.get())
        : selected;
  }

  /**
   * Flushes every group whose time has come: decides per Alertmanager's rules what to notify,
   * updates the in-memory log, drops resolved alerts and empty groups.
   */
  List<Due> flush(Instant now) {
    List<AggregationGroup> dueGroups = new ArrayList<>();
    while (!schedule.isEmpty() && !schedule.peek().at().isAfter(now)) {
      Scheduled s = schedule.poll();
      AggregationGroup group = s.group();
      if (groups.get(group.key) == group && group.nextFlush.equals(s.at()) && !group.due) {
        group.due = true; // else a stale entry: the group was dropped or rescheduled
        dueGroups.add(group);
      }
    }
    dueGroups.sort(CREATION_ORDER);
    List<Due> due = new ArrayList<>();
    for (AggregationGroup group : dueGroups) {
      group.due = false;
      group.nextFlush = now.plus(group.route.groupInterval());
      group.hasFlushed = true;
      flush(group, now).ifPresent(due::add);
      Iterator<StoredAlert> alertsOfGroup = group.alerts.values().iterator();
      while (alertsOfGroup.hasNext()) {
        StoredAlert a = alertsOfGroup.next();
        if (a.resolvedAt(now)) {
          alertsOfGroup.remove();
          if (a.leftGroup()) {
            forget(a);
          }
        }
      }
      if (group.alerts.isEmpty()) {
        groups.remove(group.key);
      } else {
        schedule(group);
      }
    }
    return due;
  }

  private void schedule(AggregationGroup group) {
    schedule.add(new Scheduled(group.nextFlush, group));
  }

  private Optional<Due> flush(AggregationGroup group, Instant now) {
    List<StoredAlert> firing = new ArrayList<>();
    List<StoredAlert> resolved = new ArrayList<>();
    for (StoredAlert a : group.alerts.values()) {
      if (!silencedBy(a.alert().labels(), now).isEmpty() || !inhibitedBy(a, now).isEmpty()) {
        continue;
      }
      (a.resolvedAt(now) ? resolved : firing).add(a);
    }
    if (firing.isEmpty() && resolved.isEmpty()) {
      return Optional.empty(); // everything muted: Alertmanager's pipeline stops here
    }
    Set<Long> firingFps = fingerprints(firing);
    Set<Long> resolvedFps = fingerprints(resolved);
    String receiver = group.route.receiver();
    NotificationLogEntry.Key logKey = new NotificationLogEntry.Key(group.key, receiver);
    if (!group.needsUpdate(Optional.ofNullable(log.get(logKey)), firingFps, resolvedFps, now)) {
      return Optional.empty();
    }
    firing.sort(ORDER);
    resolved.sort(ORDER);
    List<Alert> sent = new ArrayList<>(firing.size() + resolved.size());
    firing.forEach(a -> sent.add(a.viewAt(now)));
    resolved.forEach(a -> sent.add(a.viewAt(now)));
    Notification notification =
        Notifications.of(group.key, receiver, group.groupLabels, sent, firing.size(), now);
    NotificationLogEntry entry =
        new NotificationLogEntry(group.key, receiver, now, firingFps, resolvedFps);
    log.put(logKey, entry);
    return Optional.of(new Due(notification, entry));
  }

  /** Returns the ids of the active silences muting {@code labels}. */
  List<String> silencedBy(Labels labels, Instant now) {
    List<String> out = List.of();
    for (Silence s : silences.values()) {
      if (s.mutes(labels, now)) {
        if (out.isEmpty()) {
          out = new ArrayList<>(2);
        }
        out.add(s.id());
      }
    }
    return out;
  }

  /** Returns the fingerprints of the firing alerts inhibiting {@code target}. */
  List<String> inhibitedBy(StoredAlert target, Instant now) {
    List<String> out = List.of();
    Labels labels = target.alert().labels();
    for (int i = 0; i < rules.size(); i++) {
      InhibitRule rule = rules.get(i);
      if (!rule.matchesTarget(labels)) {
        continue;
      }
      for (StoredAlert source : sources.get(i).values()) {
        if (!source.resolvedAt(now) && rule.inhibits(source.alert().labels(), labels)) {
          if (out.isEmpty()) {
            out = new ArrayList<>(2);
          }
          out.add(source.alert().labels().fingerprintHex());
        }
      }
    }
    return out;
  }

  private void forget(StoredAlert a) {
    alerts.remove(a.fingerprint());
    sources.forEach(s -> s.remove(a.fingerprint()));
  }

  /** Returns the status of every alert held, sorted by labels. */
  List<AlertStatus> statuses(Instant now) {
    List<AlertStatus> out = new ArrayList<>(alerts.size());
    for (StoredAlert a : alerts.values()) {
      List<String> silenced = silencedBy(a.alert().labels(), now);
      List<String> inhibited = inhibitedBy(a, now);
      Set<String> receivers = new java.util.LinkedHashSet<>();
      StoredAlert.Routing routing = a.routing();
      (routing != null ? routing.routes() : root.match(a.alert().labels()))
          .forEach(r -> receivers.add(r.receiver()));
      AlertStatus.State state =
          silenced.isEmpty() && inhibited.isEmpty()
              ? AlertStatus.State.ACTIVE
              : AlertStatus.State.SUPPRESSED;
      out.add(new AlertStatus(a.viewAt(now), state, silenced, inhibited, List.copyOf(receivers)));
    }
    out.sort(Comparator.comparing(s -> s.alert().labels().toString()));
    return out;
  }

  /** Returns every group, in creation order. */
  List<AlertGroupStatus> groups(Instant now) {
    List<AlertGroupStatus> out = new ArrayList<>(groups.size());
    for (AggregationGroup g : groups.values()) {
      List<Alert> list = new ArrayList<>(g.alerts.size());
      g.alerts.values().forEach(a -> list.add(a.viewAt(now)));
      out.add(new AlertGroupStatus(g.key, g.route.receiver(), g.groupLabels, list, g.nextFlush));
    }
    return out;
  }

  /** Drops log entries notified before {@code cutoff} and silences that ended before it. */
  void prune(Instant cutoff) {
    log.values().removeIf(e -> e.at().isBefore(cutoff));
    silences.values().removeIf(s -> s.endsAt().isBefore(cutoff));
  }

  private static Set<Long> fingerprints(List<StoredAlert> list) {
    Set<Long> out = new HashSet<>();
    list.forEach(a -> out.add(a.fingerprint()));
    return out;
  }
}

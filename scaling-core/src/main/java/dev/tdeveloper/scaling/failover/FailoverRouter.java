package dev.tdeveloper.scaling.failover;

import dev.tdeveloper.tenancy.internal.Listeners;
import dev.tdeveloper.tenancy.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Routes to the preferred available endpoint among an ordered list (primary, secondary, ...).
 *
 * <ul>
 *   <li><b>Available</b>: the last health check ({@link #recordCheck}) said healthy and the
 *       endpoint is not ejected. Failover to the best available endpoint is immediate.
 *   <li><b>Failback</b> to a recovered higher-priority endpoint waits for hysteresis: {@code
 *       failbackChecks} consecutive healthy checks and {@code failbackDelay} since it came back
 *       (both; set either to zero to skip it). With passive outcomes only, set checks to zero.
 *   <li><b>Outlier ejection</b>, as Envoy: {@code consecutiveFailures} (5) failures in a row
 *       ({@link #recordFailure}) eject the endpoint for {@code baseEjection} (30 s) times the
 *       number of times it was ejected, at most {@code maxEjection} (300 s). As in Envoy, that
 *       count drops by one for each {@code baseEjection} the endpoint stays in the pool after it
 *       returns. At most {@code maxEjectionPercent} (10%) of the endpoints are ejected at once,
 *       rounded down but at least one (Envoy's rule); a failure beyond it keeps counting and ejects
 *       once room frees.
 *   <li><b>Panic</b>: when no endpoint is available, calls go to the least-bad one: an endpoint
 *       only failing health checks (not ejected) by priority, else the one whose ejection ends
 *       first.
 * </ul>
 *
 * <p>Time comes from the injected {@link Ticker}. Thread-safe: every method holds one lock, and
 * events are delivered after it is released.
 */
public final class FailoverRouter<E> {
  private final List<Node<E>> nodes;
  private final Ticker ticker;
  private final int failureThreshold;
  private final long baseNanos;
  private final long maxNanos;
  private final int maxEjected;
  private final int failbackChecks;
  private final long failbackNanos;
  private final Listeners<FailoverEvent<E>> listeners;
  private Node<E> current;
  private boolean panic;

  /** One endpoint's mutable state, guarded by the router's lock. */
  private static final class Node<E> {
    final E endpoint;
    final int priority;
    boolean healthy = true;
    boolean everDown;
    int consecutiveFailures;
    int ejections;
    long ejectedUntil;
    boolean ejected;
    long returnedAt;
    long upSince;
    int checksSinceUp;

    Node(E endpoint, int priority) {
      this.endpoint = endpoint;
      this.priority = priority;
    }
  }

  FailoverRouter(FailoverRouterBuilder<E> b) {
    List<Node<E>> sorted = new ArrayList<>();
    b.endpoints.forEach((endpoint, priority) -> sorted.add(new Node<>(endpoint, priority)));
    sorted.sort(Comparator.comparingInt(n -> n.priority)); // stable: ties keep declaration order
    this.nodes = List.copyOf(sorted);
    this.ticker = b.ticker;
    this.failureThreshold = b.consecutiveFailures;
    this.baseNanos = b.baseEjection.toNanos();
    this.maxNanos = b.maxEjection.toNanos();
    this.maxEjected = Math.max(1, nodes.size() * b.maxEjectionPercent / 100);
    this.failbackChecks = b.failbackChecks;
    this.failbackNanos = b.failbackDelay.toNanos();
    this.listeners = Listeners.of(b.listeners);
  }

  /** Starts a router; add endpoints in any order with their priorities. */
  public static <E> FailoverRouterBuilder<E> builder() {
    return new FailoverRouterBuilder<>();
  }

  /** Returns where to send the next call. */
  public Selection<E> route() {
    List<FailoverEvent<E>> events = new ArrayList<>(0);
    Selection<E> selection;
    synchronized (this) {
      long now = ticker.read();
      returnExpired(now, events);
      Node<E> best = null;
      for (Node<E> node : nodes) {
        if (available(node)) {
          best = node;
          break;
        }
      }
      if (best == null) {
        Node<E> leastBad = leastBad();
        if (!panic) {
          events.add(new FailoverEvent.PanicEntered<>(leastBad.endpoint));
        }
        panic = true;
        current = leastBad;
      } else if (current == null) {
        current = best;
      } else if (panic || !available(current)) {
        if (best != current) {
          events.add(new FailoverEvent.FailedOver<>(current.endpoint, best.endpoint));
        }
        current = best;
        panic = false;
      } else if (best != current && stable(best, now)) {
        events.add(new FailoverEvent.FailedBack<>(current.endpoint, best.endpoint));
        current = best;
      }
      selection = new Selection<>(current.endpoint, panic);
    }
    events.forEach(listeners::publish);
    return selection;
  }

  /** Records an external health check result for {@code endpoint}. */
  public void recordCheck(E endpoint, boolean healthy) {
    synchronized (this) {
      Node<E> node = node(endpoint);
      if (!healthy) {
        node.healthy = false;
        node.everDown = true;
        node.checksSinceUp = 0;
      } else if (!node.healthy) {
        node.healthy = true;
        node.upSince = ticker.read();
        node.checksSinceUp = 1;
      } else {
        node.checksSinceUp++;
      }
    }
  }

  /** Records a successful call to {@code endpoint}: its consecutive failures restart at zero. */
  public synchronized void recordSuccess(E endpoint) {
    node(endpoint).consecutiveFailures = 0;
  }

  /** Records a failed call to {@code endpoint}; may eject it (see the class comment). */
  public void recordFailure(E endpoint) {
    FailoverEvent<E> event = null;
    synchronized (this) {
      long now = ticker.read();
      Node<E> node = node(endpoint);
      if (node.ejected && now - node.ejectedUntil < 0) {
        return;
      }
      node.consecutiveFailures++;
      if (node.consecutiveFailures >= failureThreshold && ejectedCount(now) < maxEjected) {
        if (node.ejections > 0 && baseNanos > 0) {
          long decay = (now - node.returnedAt) / baseNanos;
          node.ejections = (int) Math.max(0, node.ejections - decay);
        }
        node.ejections++;
        long duration = Math.min(maxNanos, baseNanos * node.ejections);
        node.ejected = true;
        node.ejectedUntil = now + duration;
        node.consecutiveFailures = 0;
        node.everDown = true;
        node.checksSinceUp = 0;
        event = new FailoverEvent.Ejected<>(endpoint, node.ejections, Duration.ofNanos(duration));
      }
    }
    if (event != null) {
      listeners.publish(event);
    }
  }

  /** Returns every endpoint's state, preferred first. */
  public synchronized List<EndpointStatus<E>> status() {
    long now = ticker.read();
    List<EndpointStatus<E>> status = new ArrayList<>(nodes.size());
    for (Node<E> n : nodes) {
      boolean ejected = n.ejected && now - n.ejectedUntil < 0;
      status.add(
          new EndpointStatus<>(
              n.endpoint, n.priority, n.healthy, ejected, n.ejections, n.consecutiveFailures));
    }
    return List.copyOf(status);
  }

  private void returnExpired(long now, List<FailoverEvent<E>> events) {
    for (Node<E> node : nodes) {
      if (node.ejected && now - node.ejectedUntil >= 0) {
        node.ejected = false;
        node.returnedAt = now;
        node.upSince = now;
        node.checksSinceUp = 0;
        events.add(new FailoverEvent.Returned<>(node.endpoint));
      }
    }
  }

  private int ejectedCount(long now) {
    int count = 0;
    for (Node<E> node : nodes) {
      if (node.ejected && now - node.ejectedUntil < 0) {
        count++;
      }
    }
    return count;
  }

  private static boolean available(Node<?> node) {
    return node.healthy && !node.ejected;
  }

  private boolean stable(Node<E> node, long now) {
    return !node.everDown
        || (node.checksSinceUp >= failbackChecks && now - node.upSince >= failbackNanos);
  }

  private Node<E> leastBad() {
    Node<E> earliest = null;
    for (Node<E> node : nodes) {
      if (!node.ejected) {
        return node;
      }
      if (earliest == null || node.ejectedUntil - earliest.ejectedUntil < 0) {
        earliest = node;
      }
    }
    return earliest;
  }

  private Node<E> node(E endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    for (Node<E> node : nodes) {
      if (node.endpoint.equals(endpoint)) {
        return node;
      }
    }
    throw new IllegalArgumentException("endpoint " + endpoint + " is not one of this router's");
  }
}

package dev.tdeveloper.distribution.health;

import dev.tdeveloper.distribution.health.RegionHealthEvent.RegionFlapSuppressed;
import dev.tdeveloper.distribution.health.RegionStatus.OperatorOverride;
import dev.tdeveloper.distribution.health.RegionStatus.State;
import dev.tdeveloper.distribution.region.RegionId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One region's health state machine for {@link RegionHealth}: each vantage point's debounced view,
 * the share rule, and the moves between healthy, unhealthy and recovering. Fields other than {@code
 * healthy} are guarded by the monitor's lock.
 */
final class RegionTracker {
  final RegionId id;
  final Map<String, Vantage> vantages = new HashMap<>();
  volatile boolean healthy = true;
  State state = State.HEALTHY;
  OperatorOverride override = OperatorOverride.NONE;
  Instant episodeStart;
  Instant firstRecoveryAt;
  Instant recoveringSince;
  Instant downSince;

  /** When {@link #advance} last ran: deadlines at or before it have been applied already. */
  long advancedAtMillis = Long.MIN_VALUE;

  RegionTracker(RegionId id) {
    this.id = id;
  }

  /** One vantage point's view of one region. */
  static final class Vantage {
    boolean view = true;
    int streak;
    Instant last;
  }

  /**
   * Applies a result to its vantage point's view (flipping after {@code failureThreshold}
   * consecutive results saying otherwise) and notes episode and recovery starts.
   *
   * @return false if the result is older than the vantage point's last one, and so ignored
   */
  boolean observe(HealthCheckResult result, int failureThreshold) {
    Vantage vantage = vantages.computeIfAbsent(result.vantagePoint(), v -> new Vantage());
    if (vantage.last != null && result.time().isBefore(vantage.last)) {
      return false;
    }
    vantage.last = result.time();
    if (result.healthy() == vantage.view) {
      vantage.streak = 0;
    } else if (++vantage.streak >= failureThreshold) {
      vantage.view = result.healthy();
      vantage.streak = 0;
    }
    if (state == State.HEALTHY) {
      if (!result.healthy() && episodeStart == null) {
        episodeStart = result.time();
      }
    } else if (result.healthy() && firstRecoveryAt == null) {
      firstRecoveryAt = result.time();
    }
    return true;
  }

  /**
   * Moves the region's state by the checks; returns since when the move that may follow was under
   * way (the episode's first failure, or the recovery's first healthy result).
   */
  Instant advance(
      Instant now,
      double healthyShare,
      long staleMillis,
      long holdMillis,
      List<RegionHealthEvent> events) {
    advancedAtMillis = now.toEpochMilli();
    int[] counts = count(now, staleMillis);
    Boolean raw = counts[1] == 0 ? null : counts[0] > healthyShare * counts[1];
    Instant moveFrom = now;
    if (raw != null) {
      switch (state) {
        case HEALTHY -> {
          if (!raw) {
            state = State.UNHEALTHY;
            firstRecoveryAt = null;
            moveFrom = episodeStart == null ? now : episodeStart;
          } else if (clean()) {
            episodeStart = null;
          }
        }
        case UNHEALTHY -> {
          if (raw) {
            state = State.RECOVERING;
            recoveringSince = now;
          }
        }
        case RECOVERING -> {
          if (!raw) {
            state = State.UNHEALTHY;
            if (override == OperatorOverride.NONE) {
              events.add(new RegionFlapSuppressed(id, recoveringSince, now));
            }
            recoveringSince = null;
            firstRecoveryAt = null;
          }
        }
      }
      if (state == State.RECOVERING
          && now.toEpochMilli() - recoveringSince.toEpochMilli() >= holdMillis) {
        state = State.HEALTHY;
        moveFrom = firstRecoveryAt == null ? recoveringSince : firstRecoveryAt;
        episodeStart = null;
        recoveringSince = null;
      }
    }
    return moveFrom;
  }

  /** Returns {healthy, counted} vantage points, counting those reported within staleMillis. */
  int[] count(Instant now, long staleMillis) {
    int healthyViews = 0;
    int counted = 0;
    long nowMillis = now.toEpochMilli();
    for (Vantage v : vantages.values()) {
      if (nowMillis - v.last.toEpochMilli() <= staleMillis) {
        counted++;
        if (v.view) {
          healthyViews++;
        }
      }
    }
    return new int[] {healthyViews, counted};
  }

  /**
   * Returns the earliest time after the last {@link #advance} at which this region's status may
   * change without a new result, or {@link Long#MAX_VALUE}. A hold that ended or a vantage point
   * that went stale at or before that advance was applied by it, and time alone changes nothing
   * more until a new result arrives; counting such a deadline would keep it due forever and make
   * every {@link RegionHealth#version()} caller re-evaluate under the monitor's lock.
   */
  long nextDeadline(long holdMillis, long staleMillis) {
    long next = Long.MAX_VALUE;
    if (state == State.RECOVERING) {
      next = later(next, recoveringSince.toEpochMilli() + holdMillis);
    }
    for (Vantage v : vantages.values()) {
      next = later(next, v.last.toEpochMilli() + staleMillis + 1);
    }
    return next;
  }

  private long later(long next, long deadline) {
    return deadline > advancedAtMillis ? Math.min(next, deadline) : next;
  }

  private boolean clean() {
    for (Vantage v : vantages.values()) {
      if (!v.view || v.streak > 0) {
        return false;
      }
    }
    return true;
  }
}

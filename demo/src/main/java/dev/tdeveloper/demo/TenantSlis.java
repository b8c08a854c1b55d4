package dev.tdeveloper.demo;

import dev.tdeveloper.observability.slo.SeriesLimitException;
import dev.tdeveloper.observability.slo.SliKind;
import dev.tdeveloper.observability.slo.SliRecorder;
import dev.tdeveloper.observability.slo.SliSeries;
import dev.tdeveloper.observability.slo.Slo;
import dev.tdeveloper.tenancy.TenantId;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each tenant's SLI series for its plan's SLOs, looked up in the recorder once per tenant and plan
 * rather than once per SLO and request: a request then costs one map lookup and one record per SLO.
 * A tenant whose plan changes is resolved again; a tenant that got no series for some SLO (the
 * recorder's cap) is not kept, so each of its requests tries again and logs, as before. The demo
 * never removes a series from the recorder (a caller that did would have to drop the tenant here
 * too). Thread-safe.
 */
final class TenantSlis {
  private static final Logger LOG = LoggerFactory.getLogger(TenantSlis.class);

  private final SliRecorder recorder;
  private final Function<String, List<Slo>> slosFor;
  private final ConcurrentHashMap<TenantId, Resolved> byTenant = new ConcurrentHashMap<>();

  /** A tenant's series for {@code plan}'s SLOs, in the plan's order, and which measure latency. */
  private record Resolved(String plan, SliSeries[] series, boolean[] latency) {}

  TenantSlis(SliRecorder recorder, Function<String, List<Slo>> slosFor) {
    this.recorder = recorder;
    this.slosFor = slosFor;
  }

  /**
   * Counts one request of {@code tenant} on {@code plan}: good for availability unless it answered
   * 5xx, good for latency when it answered within the SLO's threshold.
   */
  void record(TenantId tenant, String plan, int status, long latencyNanos) {
    Resolved resolved = byTenant.get(tenant);
    if (resolved == null || !resolved.plan().equals(plan)) {
      resolved = resolve(tenant, plan);
      if (resolved == null) {
        recordUncached(tenant, plan, status, latencyNanos);
        return;
      }
    }
    SliSeries[] series = resolved.series();
    for (int i = 0; i < series.length; i++) {
      if (resolved.latency()[i]) {
        series[i].recordLatencyNanos(latencyNanos);
      } else {
        series[i].record(status < 500);
      }
    }
  }

  /** Records through the recorder SLO by SLO, logging each SLO the tenant has no series for. */
  private void recordUncached(TenantId tenant, String plan, int status, long latencyNanos) {
    for (Slo slo : slosFor.apply(plan)) {
      try {
        if (slo.sli() == SliKind.LATENCY) {
          recorder.series(slo, tenant).recordLatencyNanos(latencyNanos);
        } else {
          recorder.series(slo, tenant).record(status < 500);
        }
      } catch (SeriesLimitException e) {
        LOG.warn("SLI of tenant {} not recorded: {}", tenant, e.getMessage());
      }
    }
  }

  /**
   * Finds the series and keeps them, or returns null, having recorded nothing, when some SLO has no
   * series for the tenant: the caller then records through {@link #recordUncached}.
   */
  private Resolved resolve(TenantId tenant, String plan) {
    List<Slo> slos = slosFor.apply(plan);
    SliSeries[] series = new SliSeries[slos.size()];
    boolean[] latency = new boolean[slos.size()];
    for (int i = 0; i < series.length; i++) {
      try {
        series[i] = recorder.series(slos.get(i), tenant);
      } catch (SeriesLimitException e) {
        return null;
      }
      latency[i] = slos.get(i).sli() == SliKind.LATENCY;
    }
    Resolved resolved = new Resolved(plan, series, latency);
    byTenant.put(tenant, resolved);
    return resolved;
  }
}

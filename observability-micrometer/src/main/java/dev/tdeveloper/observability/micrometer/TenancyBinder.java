package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.cache.TenantCacheEvent;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.event.QuotaEvent;
import dev.tdeveloper.tenancy.event.QuotaExhaustedEvent;
import dev.tdeveloper.tenancy.event.QuotaThresholdEvent;
import dev.tdeveloper.tenancy.provision.ProvisioningEvent;
import dev.tdeveloper.tenancy.usage.UsageMeterEvent;
import io.micrometer.core.instrument.Counter;
import java.util.Locale;
import java.util.Optional;

/** Meters for tenancy-core's quota, tenant cache and usage events. */
final class TenancyBinder {
  private final TenantMeters meters;

  TenancyBinder(TenantMeters meters) {
    this.meters = meters;
  }

  /** {@code tdeveloper.quota.exhausted} counts through a family: one lookup per refusal. */
  EventListener<QuotaEvent> quota() {
    CounterFamily exhausted =
        meters.family("tdeveloper.quota.exhausted", "Consumptions refused by quota", "resource");
    return meters.safe("quota", event -> onQuota(event, exhausted));
  }

  EventListener<TenantCacheEvent> tenantCache() {
    return meters.safe("tenant cache", this::onCache);
  }

  EventListener<UsageMeterEvent> usage() {
    return meters.safe("usage", this::onUsage);
  }

  EventListener<ProvisioningEvent> provisioning() {
    return meters.safe("provisioning", this::onProvisioning);
  }

  private void onProvisioning(ProvisioningEvent event) {
    String operation = event.operation().name().toLowerCase(Locale.ROOT);
    Optional<TenantId> tenant = Optional.of(event.tenantId());
    String outcome = null;
    if (event instanceof ProvisioningEvent.SagaStarted) {
      outcome = "started";
    } else if (event instanceof ProvisioningEvent.SagaResumed) {
      outcome = "resumed";
    } else if (event instanceof ProvisioningEvent.SagaCompleted) {
      outcome = "completed";
    } else if (event instanceof ProvisioningEvent.SagaFailed e) {
      outcome = e.compensatedFully() ? "failed" : "failed_uncompensated";
    } else if (event instanceof ProvisioningEvent.StepFailed e) {
      stepFailed(operation, e.step(), "step", tenant);
    } else if (event instanceof ProvisioningEvent.StepCompensationFailed e) {
      stepFailed(operation, e.step(), "compensation", tenant);
    }
    if (outcome != null) {
      meters
          .counter(
              "tdeveloper.provisioning.sagas",
              "Tenant lifecycle sagas by outcome",
              tenant,
              "operation",
              operation,
              "outcome",
              outcome)
          .increment();
    }
  }

  private void stepFailed(String operation, String step, String phase, Optional<TenantId> tenant) {
    meters
        .counter(
            "tdeveloper.provisioning.step.failures",
            "Tenant lifecycle steps (or their compensations) that failed",
            tenant,
            "operation",
            operation,
            "step",
            step,
            "phase",
            phase)
        .increment();
  }

  private void onQuota(QuotaEvent event, CounterFamily exhausted) {
    if (event instanceof QuotaThresholdEvent e) {
      count(
              "tdeveloper.quota.threshold",
              "Quota thresholds crossed",
              e.tenant(),
              "resource",
              e.resource(),
              "percent",
              Integer.toString(e.percent()))
          .increment();
    } else if (event instanceof QuotaExhaustedEvent e) {
      exhausted.counter(Optional.of(e.tenant()), e.resource()).increment();
    }
  }

  private void onCache(TenantCacheEvent event) {
    if (event instanceof TenantCacheEvent.Created e) {
      count("tdeveloper.tenant.cache.created", "Tenant caches created", e.tenant()).increment();
    } else if (event instanceof TenantCacheEvent.Dropped e) {
      String reason = e.reason().name().toLowerCase(Locale.ROOT);
      count(
              "tdeveloper.tenant.cache.dropped",
              "Tenant caches dropped",
              e.tenant(),
              "reason",
              reason)
          .increment();
      count(
              "tdeveloper.tenant.cache.dropped.entries",
              "Entries of dropped tenant caches",
              e.tenant(),
              "reason",
              reason)
          .increment(e.estimatedEntries());
    }
  }

  private void onUsage(UsageMeterEvent event) {
    if (event instanceof UsageMeterEvent.WindowClosed e) {
      var window = e.aggregate();
      count(
              "tdeveloper.usage",
              "Metered usage in closed windows",
              window.tenant(),
              "meter",
              window.meter())
          .increment(window.value());
      count(
              "tdeveloper.usage.events",
              "Usage events in closed windows",
              window.tenant(),
              "meter",
              window.meter())
          .increment(window.eventCount());
    } else if (event instanceof UsageMeterEvent.DuplicateIgnored e) {
      rejected(e.tenant(), e.meter(), "duplicate");
    } else if (event instanceof UsageMeterEvent.LateEventRefused e) {
      rejected(e.tenant(), e.meter(), "late");
    }
  }

  private void rejected(TenantId tenant, String meter, String reason) {
    count(
            "tdeveloper.usage.rejected",
            "Usage events rejected",
            tenant,
            "meter",
            meter,
            "reason",
            reason)
        .increment();
  }

  private Counter count(String name, String description, TenantId tenant, String... tags) {
    return meters.meter(
        Optional.of(tenant),
        tag ->
            Counter.builder(name)
                .description(description)
                .tags(tags)
                .tag(TdeveloperMetrics.TENANT_TAG, tag)
                .register(meters.registry));
  }
}

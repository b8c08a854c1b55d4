package dev.tdeveloper.observability.micrometer;

import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.budget.BudgetAlert;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.event.EventListener;
import io.micrometer.core.instrument.Counter;
import java.util.Optional;

/** Meters for cost-core's budget alerts; loaded only when used. */
final class CostBinder {
  private final TenantMeters meters;

  CostBinder(TenantMeters meters) {
    this.meters = meters;
  }

  EventListener<Object> budget() {
    return meters.safe(
        "budget",
        event -> {
          if (event instanceof BudgetAlert alert) {
            CostScope scope = alert.budget().scope();
            Optional<TenantId> tenant =
                scope.kind() == CostScope.Kind.TENANT && TenantId.isValid(scope.id())
                    ? Optional.of(TenantId.of(scope.id()))
                    : Optional.empty();
            String state = alert instanceof BudgetAlert.Raised ? "raised" : "cleared";
            meters
                .meter(
                    tenant,
                    tag ->
                        Counter.builder("tdeveloper.cost.budget.alerts")
                            .description("Budget alerts raised and cleared")
                            .tags("budget", alert.budget().name(), "state", state)
                            .tag(TdeveloperMetrics.TENANT_TAG, tag)
                            .register(meters.registry))
                .increment();
          }
        });
  }
}

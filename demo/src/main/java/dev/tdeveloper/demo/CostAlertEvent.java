package dev.tdeveloper.demo;

import dev.tdeveloper.cost.anomaly.AnomalyEvent;
import dev.tdeveloper.cost.anomaly.CostAnomaly;
import dev.tdeveloper.cost.budget.BudgetAlert;
import dev.tdeveloper.cost.budget.NotificationStatus;
import dev.tdeveloper.tenancy.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * What the audit log records of the demo's cost alerts, mapped by compliance-core's {@code
 * AuditMappers.anyRecord}: actions {@code cost.alert.budget.raised}, {@code
 * cost.alert.budget.cleared}, {@code cost.alert.anomaly.opened} and {@code
 * cost.alert.anomaly.closed}, by actor {@code system}, with the tenant, on the budget or the
 * service, the figures as details. Immutable and thread-safe.
 */
public sealed interface CostAlertEvent {
  /**
   * A budget notification went from OK to ALARM.
   *
   * @param tenant the tenant whose budget it is
   * @param resource the budget's name
   * @param notification the notification, e.g. {@code ACTUAL > 80%}
   * @param compared the cost compared (actual to date or forecast)
   * @param threshold the threshold as money
   * @param window the budget period
   * @param at when it was evaluated
   */
  record BudgetRaised(
      TenantId tenant,
      String resource,
      String notification,
      String compared,
      String threshold,
      String window,
      Instant at)
      implements CostAlertEvent {}

  /**
   * A budget notification went from ALARM back to OK.
   *
   * @param tenant the tenant whose budget it is
   * @param resource the budget's name
   * @param notification the notification
   * @param compared the cost compared
   * @param threshold the threshold as money
   * @param window the budget period
   * @param at when it was evaluated
   */
  record BudgetCleared(
      TenantId tenant,
      String resource,
      String notification,
      String compared,
      String threshold,
      String window,
      Instant at)
      implements CostAlertEvent {}

  /**
   * A cost anomaly was opened.
   *
   * @param tenant the tenant whose cost it is
   * @param resource the service, {@code *} for the tenant's total
   * @param start the first anomalous day
   * @param expected the expected spend
   * @param actual the actual spend
   * @param impact actual minus expected
   * @param at when it was detected
   */
  record AnomalyOpened(
      TenantId tenant,
      String resource,
      String start,
      String expected,
      String actual,
      String impact,
      Instant at)
      implements CostAlertEvent {}

  /**
   * A cost anomaly was closed.
   *
   * @param tenant the tenant whose cost it is
   * @param resource the service, {@code *} for the tenant's total
   * @param start the first anomalous day
   * @param reason why it closed
   * @param impact its total impact
   * @param at when it closed
   */
  record AnomalyClosed(
      TenantId tenant, String resource, String start, String reason, String impact, Instant at)
      implements CostAlertEvent {}

  /** The audit record of a budget alert. */
  static CostAlertEvent of(BudgetAlert alert) {
    TenantId tenant = TenantId.of(alert.budget().scope().id());
    NotificationStatus n = alert.notification();
    String window = alert.status().window().toString();
    Instant at = alert.status().evaluatedAt();
    return alert instanceof BudgetAlert.Raised
        ? new BudgetRaised(
            tenant,
            alert.budget().name(),
            n.notification().toString(),
            n.compared().toString(),
            n.threshold().toString(),
            window,
            at)
        : new BudgetCleared(
            tenant,
            alert.budget().name(),
            n.notification().toString(),
            n.compared().toString(),
            n.threshold().toString(),
            window,
            at);
  }

  /** The audit record of an anomaly opened or closed; empty for updates and suppressions. */
  static Optional<CostAlertEvent> of(AnomalyEvent event) {
    if (event instanceof dev.tdeveloper.cost.anomaly.AnomalyOpened opened) {
      CostAnomaly a = opened.anomaly();
      return Optional.of(
          new AnomalyOpened(
              TenantId.of(a.scope().id()),
              a.service(),
              a.start().toString(),
              a.expected().toString(),
              a.actual().toString(),
              a.impact().toString(),
              opened.at()));
    }
    if (event instanceof dev.tdeveloper.cost.anomaly.AnomalyClosed closed) {
      CostAnomaly a = closed.anomaly();
      return Optional.of(
          new AnomalyClosed(
              TenantId.of(a.scope().id()),
              a.service(),
              a.start().toString(),
              closed.reason().name(),
              a.impact().toString(),
              closed.at()));
    }
    return Optional.empty();
  }
}

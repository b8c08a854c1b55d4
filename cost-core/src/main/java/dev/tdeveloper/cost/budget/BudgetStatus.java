package dev.tdeveloper.cost.budget;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.cost.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A budget's evaluation, for the FinOps report: the current period, the cost so far, the forecast
 * with its intervals and each notification's state; {@link #toJson()} writes it. Immutable and
 * thread-safe.
 *
 * @param evaluatedAt when it was evaluated
 * @param budget the budget
 * @param window the current period
 * @param actual the cost recorded in the period so far, rounded to the minor unit
 * @param forecast the period-end forecast, or why there is none
 * @param notifications the notifications' states, in the budget's order
 */
public record BudgetStatus(
    Instant evaluatedAt,
    Budget budget,
    BudgetWindow window,
    Money actual,
    CostForecast forecast,
    List<NotificationStatus> notifications) {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Validates and copies. */
  public BudgetStatus {
    Objects.requireNonNull(evaluatedAt, "evaluatedAt");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(forecast, "forecast");
    notifications = List.copyOf(notifications);
  }

  /**
   * Whether any notification is in ALARM.
   *
   * @return true when at least one is
   */
  public boolean inAlarm() {
    return notifications.stream().anyMatch(n -> n.state() == NotificationState.ALARM);
  }

  /**
   * The status as a JSON object: amounts as decimal numbers at the minor unit, days and instants
   * ISO-8601, the period end exclusive, the forecast with {@code "available": false} and a reason
   * when there is none.
   *
   * @return the JSON text
   */
  public String toJson() {
    return toJsonNode().toString();
  }

  ObjectNode toJsonNode() {
    ObjectNode root = JSON.createObjectNode();
    root.put("budget", budget.name());
    ObjectNode scope = root.putObject("scope");
    scope.put("kind", budget.scope().kind().name());
    scope.put("id", budget.scope().id());
    root.put("service", budget.service().orElse("*"));
    root.put("period", budget.period().name());
    root.put("zone", budget.zone().getId());
    root.put("periodStart", window.start().toString());
    root.put("periodEnd", window.end().toString());
    root.put("currency", budget.amount().currency().getCurrencyCode());
    root.put("amount", budget.amount().amount());
    root.put("actual", actual.amount());
    ObjectNode f = root.putObject("forecast");
    if (forecast instanceof CostForecast.Available a) {
      f.put("available", true);
      f.put("total", a.total().amount());
      interval(f.putObject("interval80"), a.interval80());
      interval(f.putObject("interval95"), a.interval95());
      f.put("trendPerDay", a.trendPerDay().amount());
      f.put("trainingDays", a.trainingDays());
      f.put("remainingDays", a.remainingDays());
      f.put("weekly", a.weekly());
      f.put("explanation", a.explanation());
    } else if (forecast instanceof CostForecast.Unavailable u) {
      f.put("available", false);
      f.put("reason", u.reason());
    }
    ArrayNode list = root.putArray("notifications");
    for (NotificationStatus n : notifications) {
      ObjectNode o = list.addObject();
      o.put("type", n.notification().type().name());
      o.put("thresholdType", n.notification().thresholdType().name());
      o.put("threshold", n.notification().threshold());
      o.put("thresholdAmount", n.threshold().amount());
      o.put("compared", n.compared().amount());
      o.put("state", n.state().name());
    }
    root.put("evaluatedAt", evaluatedAt.toString());
    return root;
  }

  private static void interval(ObjectNode o, PredictionInterval interval) {
    o.put("lower", interval.lower().amount());
    o.put("upper", interval.upper().amount());
  }
}

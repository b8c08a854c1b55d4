package dev.tdeveloper.cost.budget;

import dev.tdeveloper.cost.allocation.CostScope;
import dev.tdeveloper.cost.money.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A cost budget, after AWS Budgets: an amount of money that one {@link CostScope} (a tenant or an
 * organisation) may spend per calendar month, quarter or year, on all its services or on one, with
 * up to {@value #MAX_NOTIFICATIONS} notifications. Periods follow the calendar of the budget's zone
 * (UTC unless set): it decides which day is "today" and so which period is current. Immutable and
 * thread-safe; build one with {@link #builder()}.
 *
 * @param name the budget's name, unique within a monitor
 * @param scope whose cost the budget limits
 * @param service the one service counted, or empty for all of the scope's services
 * @param amount the amount per period, above zero
 * @param period how long the amount lasts
 * @param zone the zone whose calendar delimits periods
 * @param notifications when the budget alarms, distinct
 */
public record Budget(
    String name,
    CostScope scope,
    Optional<String> service,
    Money amount,
    BudgetPeriod period,
    ZoneId zone,
    List<BudgetNotification> notifications) {
  /** The most notifications a budget may have, as in AWS Budgets: {@value}. */
  public static final int MAX_NOTIFICATIONS = 10;

  /** The longest budget name accepted: {@value} characters. */
  public static final int MAX_NAME_LENGTH = 128;

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException naming the field, the value and what is allowed
   */
  public Budget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(zone, "zone");
    notifications = List.copyOf(notifications);
    if (name.isBlank() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(c -> c < 0x20)) {
      throw new IllegalArgumentException(
          "name: '"
              + name
              + "'; allowed: 1 to "
              + MAX_NAME_LENGTH
              + " characters, not blank, no control characters");
    }
    service.ifPresent(
        s -> {
          if (s.isBlank() || s.equals("*")) {
            throw new IllegalArgumentException(
                "service of budget '"
                    + name
                    + "': '"
                    + s
                    + "'; allowed: a service name (leave it unset for all services)");
          }
        });
    if (amount.amount().signum() <= 0) {
      throw new IllegalArgumentException(
          "amount of budget '" + name + "': " + amount + "; allowed: > 0");
    }
    if (notifications.size() > MAX_NOTIFICATIONS) {
      throw new IllegalArgumentException(
          "notifications of budget '"
              + name
              + "': "
              + notifications.size()
              + "; allowed: at most "
              + MAX_NOTIFICATIONS);
    }
    Set<BudgetNotification> seen = new HashSet<>();
    for (BudgetNotification n : notifications) {
      if (!seen.add(n)) {
        throw new IllegalArgumentException(
            "notifications of budget '" + name + "': " + n + " twice; allowed: distinct ones");
      }
    }
  }

  /**
   * A builder; name, scope, amount and period are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The period that contains a day of this budget's calendar.
   *
   * @param instant an instant, placed in the budget's zone
   * @return the current period's window at that instant
   */
  public BudgetWindow windowAt(Instant instant) {
    return period.windowContaining(instant.atZone(zone).toLocalDate());
  }

  /** Builds a {@link Budget}; each setter may be called once. Not thread-safe. */
  public static final class Builder {
    private String name;
    private CostScope scope;
    private String service;
    private Money amount;
    private BudgetPeriod period;
    private ZoneId zone;
    private final List<BudgetNotification> notifications = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the name.
     *
     * @param name the name, unique within a monitor
     * @return this builder
     */
    public Builder name(String name) {
      this.name = once(this.name, Objects.requireNonNull(name, "name"), "name");
      return this;
    }

    /**
     * Sets whose cost is budgeted.
     *
     * @param scope a tenant or an organisation
     * @return this builder
     */
    public Builder scope(CostScope scope) {
      this.scope = once(this.scope, Objects.requireNonNull(scope, "scope"), "scope");
      return this;
    }

    /**
     * Restricts the budget to one service; by default all of the scope's services count.
     *
     * @param service the service's name
     * @return this builder
     */
    public Builder service(String service) {
      this.service = once(this.service, Objects.requireNonNull(service, "service"), "service");
      return this;
    }

    /**
     * Sets the amount per period.
     *
     * @param amount the amount, above zero
     * @return this builder
     */
    public Builder amount(Money amount) {
      this.amount = once(this.amount, Objects.requireNonNull(amount, "amount"), "amount");
      return this;
    }

    /**
     * Sets the period.
     *
     * @param period monthly, quarterly or annually
     * @return this builder
     */
    public Builder period(BudgetPeriod period) {
      this.period = once(this.period, Objects.requireNonNull(period, "period"), "period");
      return this;
    }

    /**
     * Sets the zone whose calendar delimits periods; UTC by default.
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = once(this.zone, Objects.requireNonNull(zone, "zone"), "zone");
      return this;
    }

    /**
     * Adds a notification.
     *
     * @param notification the notification
     * @return this builder
     */
    public Builder notification(BudgetNotification notification) {
      notifications.add(Objects.requireNonNull(notification, "notification"));
      return this;
    }

    /**
     * Builds the budget.
     *
     * @return the budget
     * @throws IllegalStateException naming a required field that is not set
     * @throws IllegalArgumentException naming the field, the value and what is allowed
     */
    public Budget build() {
      return new Budget(
          required(name, "name"),
          required(scope, "scope"),
          Optional.ofNullable(service),
          required(amount, "amount"),
          required(period, "period"),
          zone == null ? ZoneOffset.UTC : zone,
          notifications);
    }

    private static <T> T once(T current, T value, String field) {
      if (current != null) {
        throw new IllegalStateException(
            field + ": already set to " + current + "; allowed: set once");
      }
      return value;
    }

    private static <T> T required(T value, String field) {
      if (value == null) {
        throw new IllegalStateException(field + ": not set; allowed: set it before build()");
      }
      return value;
    }
  }
}

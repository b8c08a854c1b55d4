package dev.tdeveloper.observability.alert;

import java.util.List;
import java.util.Objects;

/**
 * The routing part of an {@code alerting.yaml} file, as {@link AlertRoutingConfigLoader} reads it:
 * the route tree, the inhibition rules and the receiver names. Receivers are only names here; the
 * application binds each to its notifiers in code, so secrets such as PagerDuty routing keys never
 * sit in the file. Immutable and thread-safe.
 *
 * @param source where the configuration came from (the file name), for messages
 * @param route the root of the routing tree
 * @param inhibitRules the inhibition rules, in file order
 * @param receivers the receiver names declared, in file order; every route names one of them
 */
public record AlertRoutingConfig(
    String source, Route route, List<InhibitRule> inhibitRules, List<String> receivers) {

  /** Validates and copies the lists. */
  public AlertRoutingConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(route, "route");
    inhibitRules = List.copyOf(inhibitRules);
    receivers = List.copyOf(receivers);
  }

  /**
   * Sets the route and adds the inhibition rules on {@code builder}; the caller adds a {@link
   * AlertRouterBuilder#receiver receiver} with its notifiers for every name in {@link #receivers()}
   * before building.
   *
   * @return {@code builder}
   * @throws IllegalStateException if the builder already has a route
   */
  public AlertRouterBuilder applyTo(AlertRouterBuilder builder) {
    Objects.requireNonNull(builder, "builder");
    builder.route(route);
    inhibitRules.forEach(builder::inhibitRule);
    return builder;
  }
}

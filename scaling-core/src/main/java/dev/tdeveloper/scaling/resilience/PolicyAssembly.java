package dev.tdeveloper.scaling.resilience;

import dev.failsafe.BulkheadFullException;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerBuilder;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.Fallback;
import dev.failsafe.Policy;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.failsafe.Timeout;
import dev.failsafe.event.CircuitBreakerStateChangedEvent;
import dev.failsafe.event.ExecutionAttemptedEvent;
import dev.failsafe.function.CheckedFunction;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Turns a {@link DependencyPolicy} into Failsafe policies, composed outermost first. */
final class PolicyAssembly {
  private PolicyAssembly() {}

  static ResilientCall assemble(
      DependencyPolicy policy, Optional<TenantId> tenant, Listeners<ResilienceEvent> listeners) {
    String name = policy.name();
    List<Policy<Object>> chain = new ArrayList<>();
    policy.fallback().ifPresent(fallback -> chain.add(fallback(fallback)));
    policy.retry().ifPresent(retry -> chain.add(retry(retry, name, tenant, listeners)));
    Optional<CircuitBreaker<Object>> breaker =
        policy
            .circuitBreaker()
            .map(
                settings ->
                    breaker(settings, policy.bulkhead().isPresent(), name, tenant, listeners));
    breaker.ifPresent(chain::add);
    policy
        .bulkhead()
        .ifPresent(
            settings -> {
              ResilienceEvent full =
                  new ResilienceEvent.BulkheadFull(name, tenant, settings.maxConcurrency());
              chain.add(new PermitBulkhead(settings, () -> listeners.publish(full)));
            });
    policy.timeout().ifPresent(limit -> chain.add(Timeout.builder(limit).withInterrupt().build()));
    FailsafeExecutor<Object> executor = chain.isEmpty() ? Failsafe.none() : Failsafe.with(chain);
    return new ResilientCall(name, tenant, executor, breaker);
  }

  private static Fallback<Object> fallback(Function<Throwable, ?> fallback) {
    CheckedFunction<ExecutionAttemptedEvent<? extends Object>, Object> answer =
        event -> fallback.apply(event.getLastException());
    return Fallback.of(answer);
  }

  private static RetryPolicy<Object> retry(
      RetrySettings settings,
      String name,
      Optional<TenantId> tenant,
      Listeners<ResilienceEvent> listeners) {
    RetryPolicyBuilder<Object> builder =
        RetryPolicy.builder()
            .withMaxAttempts(settings.maxAttempts())
            .handleIf((Throwable failure) -> settings.retryOn().test(failure));
    if (settings.multiplier() > 1) {
      builder.withBackoff(settings.initialDelay(), settings.maxDelay(), settings.multiplier());
    } else {
      builder.withDelay(settings.initialDelay());
    }
    if (settings.jitterFactor() > 0) {
      builder.withJitter(settings.jitterFactor());
    }
    if (!listeners.isEmpty()) {
      builder
          .onRetryScheduled(
              event ->
                  listeners.publish(
                      new ResilienceEvent.RetryScheduled(
                          name,
                          tenant,
                          event.getAttemptCount(),
                          event.getDelay(),
                          event.getLastException())))
          .onRetriesExceeded(
              event ->
                  listeners.publish(
                      new ResilienceEvent.RetriesExhausted(
                          name, tenant, event.getAttemptCount(), event.getException())));
    }
    return builder.build();
  }

  private static CircuitBreaker<Object> breaker(
      CircuitBreakerSettings settings,
      boolean withBulkhead,
      String name,
      Optional<TenantId> tenant,
      Listeners<ResilienceEvent> listeners) {
    CircuitBreakerBuilder<Object> builder =
        CircuitBreaker.builder()
            .withDelay(settings.delay())
            .withSuccessThreshold(settings.halfOpenTrials());
    if (withBulkhead) {
      // A full bulkhead is this process's own overload, not the dependency's failure. Only set
      // when there is a bulkhead: Failsafe evaluates a condition on every call, success or not.
      builder.handleIf((Throwable failure) -> !(failure instanceof BulkheadFullException));
    }
    if (settings.rateBased()) {
      builder.withFailureRateThreshold(
          settings.failureRatePercent(), settings.executions(), settings.window());
    } else {
      builder.withFailureThreshold(settings.failures(), settings.executions());
    }
    if (!listeners.isEmpty()) {
      builder
          .onOpen(event -> transition(listeners, name, tenant, event, BreakerState.OPEN))
          .onHalfOpen(event -> transition(listeners, name, tenant, event, BreakerState.HALF_OPEN))
          .onClose(event -> transition(listeners, name, tenant, event, BreakerState.CLOSED));
    }
    return builder.build();
  }

  private static void transition(
      Listeners<ResilienceEvent> listeners,
      String name,
      Optional<TenantId> tenant,
      CircuitBreakerStateChangedEvent event,
      BreakerState to) {
    listeners.publish(
        new ResilienceEvent.BreakerTransition(name, tenant, state(event.getPreviousState()), to));
  }

  static BreakerState state(CircuitBreaker.State state) {
    return switch (state) {
      case CLOSED -> BreakerState.CLOSED;
      case OPEN -> BreakerState.OPEN;
      case HALF_OPEN -> BreakerState.HALF_OPEN;
    };
  }
}

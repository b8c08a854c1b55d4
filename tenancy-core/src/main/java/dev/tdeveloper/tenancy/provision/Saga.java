package dev.tdeveloper.tenancy.provision;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.spi.SagaRecord;
import dev.tdeveloper.tenancy.spi.SagaState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The mutable progress of one saga while it runs; snapshots go to the journal. Not thread-safe. */
final class Saga {
  final String id;
  final LifecycleOperation operation;
  final TenantId tenantId;
  final List<String> steps;
  final Optional<String> reason;
  final Instant startedAt;
  final TreeMap<String, String> data;
  final List<String> compensationFailures;
  int completed;
  String activeStep;
  SagaState state;
  String failedStep;
  String failure;

  private Saga(SagaRecord from) {
    this.id = from.sagaId();
    this.operation = from.operation();
    this.tenantId = from.tenantId();
    this.steps = from.steps();
    this.reason = from.reason();
    this.startedAt = from.startedAt();
    this.data = new TreeMap<>(from.data());
    this.compensationFailures = new ArrayList<>(from.compensationFailures());
    this.completed = from.completed();
    this.activeStep = from.activeStep().orElse(null);
    this.state = from.state();
    this.failedStep = from.failedStep().orElse(null);
    this.failure = from.failure().orElse(null);
  }

  static Saga start(
      String id,
      LifecycleOperation operation,
      TenantId tenantId,
      List<String> steps,
      Optional<String> reason,
      Instant now) {
    return new Saga(
        new SagaRecord(
            id,
            operation,
            tenantId,
            steps,
            0,
            Optional.empty(),
            SagaState.RUNNING,
            new TreeMap<>(),
            reason,
            Optional.empty(),
            Optional.empty(),
            List.of(),
            now,
            now));
  }

  static Saga resume(SagaRecord record) {
    return new Saga(record);
  }

  /** Marks the saga failed at {@code step}; it now compensates the completed steps. */
  void fail(String step, Throwable cause) {
    activeStep = null;
    failedStep = step;
    failure = describe(cause);
    state = SagaState.COMPENSATING;
  }

  static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getName() + (message == null ? "" : ": " + message);
  }

  SagaRecord snapshot(Instant now) {
    return new SagaRecord(
        id,
        operation,
        tenantId,
        steps,
        completed,
        Optional.ofNullable(activeStep),
        state,
        data,
        reason,
        Optional.ofNullable(failedStep),
        Optional.ofNullable(failure),
        compensationFailures,
        startedAt,
        now.isBefore(startedAt) ? startedAt : now);
  }
}

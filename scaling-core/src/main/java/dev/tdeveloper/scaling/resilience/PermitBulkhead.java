package dev.tdeveloper.scaling.resilience;

import dev.failsafe.Bulkhead;
import dev.failsafe.BulkheadFullException;
import dev.failsafe.ExecutionContext;
import dev.failsafe.Policy;
import dev.failsafe.PolicyConfig;
import dev.failsafe.spi.ExecutionResult;
import dev.failsafe.spi.PolicyExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A Failsafe bulkhead policy whose permits cannot leak. Failsafe 3.3.2's own {@code Bulkhead} loses
 * a permit each time a caller gives up waiting (its timed-out waiter stays queued and later
 * receives a permit nobody releases: failsafe-lib/failsafe#393, fix proposed in #400), so after
 * {@code maxConcurrency} rejections it refuses every call for good. Until a release carries the
 * fix, this policy takes the permits from a fair {@link Semaphore} and otherwise behaves as
 * Failsafe's: same place in the composition, same {@link BulkheadFullException} (carrying a
 * Failsafe {@code Bulkhead} with the same configuration, for its {@code getConfig()}).
 */
final class PermitBulkhead implements Policy<Object> {
  private final Semaphore permits;
  private final long maxWaitNanos;
  private final Bulkhead<Object> described;
  private final Runnable onRejected;
  private final PolicyConfig<Object> config = new PolicyConfig<>() {};

  PermitBulkhead(BulkheadSettings settings, Runnable onRejected) {
    this.permits = new Semaphore(settings.maxConcurrency(), true);
    this.maxWaitNanos = settings.maxWait().toNanos();
    this.described =
        Bulkhead.builder(settings.maxConcurrency()).withMaxWaitTime(settings.maxWait()).build();
    this.onRejected = onRejected;
  }

  @Override
  public PolicyConfig<Object> getConfig() {
    return config;
  }

  @Override
  public PolicyExecutor<Object> toExecutor(int policyIndex) {
    return new PolicyExecutor<>(this, policyIndex) {
      @Override
      protected ExecutionResult<Object> preExecute() {
        try {
          boolean acquired =
              maxWaitNanos == 0
                  ? permits.tryAcquire()
                  : permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
          if (acquired) {
            return null;
          }
          onRejected.run();
          return ExecutionResult.exception(new BulkheadFullException(described));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return ExecutionResult.exception(e);
        }
      }

      @Override
      protected void onSuccess(ExecutionResult<Object> result) {
        permits.release();
      }

      @Override
      protected ExecutionResult<Object> onFailure(
          ExecutionContext<Object> context, ExecutionResult<Object> result) {
        permits.release();
        return result;
      }
    };
  }
}

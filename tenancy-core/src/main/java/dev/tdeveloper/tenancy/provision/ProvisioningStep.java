package dev.tdeveloper.tenancy.provision;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One step of a lifecycle saga (create the schema, issue an API key, send the welcome mail), with
 * the compensation that undoes it when a later step fails.
 *
 * <p><b>Both methods must be idempotent.</b> Progress is journaled before and after each step, so
 * after a crash {@link TenantProvisioner#resumeIncomplete()} runs again the step (or compensation)
 * that was in progress: it must cope with finding its work already done, or partly done. Store what
 * you create with {@link StepContext#put} so a re-run and the compensation can find it.
 *
 * <p>A step signals failure by throwing an exception. An {@link Error} is treated as a process
 * crash: it propagates and the journal is left as it is, for a later resume.
 *
 * <p>Implementations must be thread-safe if one provisioner runs sagas concurrently.
 */
public interface ProvisioningStep {
  /** Returns the step's name: not blank, at most 100 characters, unique within an operation. */
  String name();

  /**
   * Does the step's work for {@link StepContext#tenant()}.
   *
   * @throws RuntimeException to fail the saga; completed steps are then compensated
   */
  void apply(StepContext context);

  /**
   * Undoes what {@link #apply} did; called, newest step first, only for steps whose {@code apply}
   * completed.
   *
   * @throws RuntimeException if it cannot undo; the saga is then reported as not fully compensated
   */
  void compensate(StepContext context);

  /**
   * Returns a step from two functions.
   *
   * @param name the step's name
   * @param apply the work
   * @param compensate the undo
   */
  static ProvisioningStep of(
      String name, Consumer<StepContext> apply, Consumer<StepContext> compensate) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(apply, "apply");
    Objects.requireNonNull(compensate, "compensate");
    return new ProvisioningStep() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void apply(StepContext context) {
        apply.accept(context);
      }

      @Override
      public void compensate(StepContext context) {
        compensate.accept(context);
      }

      @Override
      public String toString() {
        return "ProvisioningStep[" + name + "]";
      }
    };
  }
}

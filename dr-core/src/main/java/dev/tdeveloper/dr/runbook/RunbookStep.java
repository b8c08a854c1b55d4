package dev.tdeveloper.dr.runbook;

import java.util.Objects;
import java.util.Optional;

/**
 * One step of a {@link DrRunbook}: a precondition that must hold before it runs, an action, a
 * verification that tells whether the action took effect, and an optional rollback. Because a run
 * that crashed mid-step re-runs the action when its verification fails, actions (and rollbacks)
 * must be idempotent, or at least safe to repeat once their verification says they did not take
 * effect. Immutable and thread-safe if its functions are.
 */
public final class RunbookStep {
  /** A precondition or verification: returns whether it holds. */
  @FunctionalInterface
  public interface Check {
    /**
     * Returns whether the condition holds; throwing counts as not holding.
     *
     * @throws Exception if the condition cannot be evaluated
     */
    boolean test(RunbookContext context) throws Exception;
  }

  /** An action or rollback. */
  @FunctionalInterface
  public interface Action {
    /**
     * Does the work; throwing counts as a failure of the step.
     *
     * @throws Exception if the work fails
     */
    void run(RunbookContext context) throws Exception;
  }

  private static final Check ALWAYS = context -> true;

  private final String name;
  private final String description;
  private final Check precondition;
  private final Action action;
  private final Check verification;
  private final Optional<Action> rollback;

  private RunbookStep(Builder b) {
    this.name = b.name;
    this.description = b.description == null ? b.name : b.description;
    this.precondition = b.precondition == null ? ALWAYS : b.precondition;
    this.action = b.action;
    this.verification = b.verification;
    this.rollback = Optional.ofNullable(b.rollback);
  }

  /**
   * Returns a builder of a step named {@code name}.
   *
   * @throws IllegalArgumentException if the name is blank, longer than 128 characters or holds
   *     control characters
   */
  public static Builder builder(String name) {
    return new Builder(RunbookNames.requireName("step name", name));
  }

  /** Returns the step's name, unique within its runbook. */
  public String name() {
    return name;
  }

  /** Returns what the step does, for the dry run and the log; the name unless given. */
  public String description() {
    return description;
  }

  /** Returns the precondition; one that always holds unless given. */
  public Check precondition() {
    return precondition;
  }

  /** Returns the action. */
  public Action action() {
    return action;
  }

  /** Returns the verification. */
  public Check verification() {
    return verification;
  }

  /** Returns the rollback, if the step has one. */
  public Optional<Action> rollback() {
    return rollback;
  }

  @Override
  public String toString() {
    return "RunbookStep[" + name + "]";
  }

  /**
   * Configures a {@link RunbookStep}; the action and verification are required. Not thread-safe.
   */
  public static final class Builder {
    private final String name;
    private String description;
    private Check precondition;
    private Action action;
    private Check verification;
    private Action rollback;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Sets what the step does, in a sentence, for the dry run.
     *
     * @throws IllegalArgumentException if blank or longer than 2000 characters
     */
    public Builder description(String description) {
      Objects.requireNonNull(description, "description");
      if (description.isBlank() || description.length() > RunbookNames.MAX_DETAIL) {
        throw new IllegalArgumentException(
            "description of step '" + name + "' must be 1 to 2000 characters and not blank");
      }
      this.description = description;
      return this;
    }

    /** Sets the precondition; without one the step always may run. */
    public Builder precondition(Check precondition) {
      this.precondition = Objects.requireNonNull(precondition, "precondition");
      return this;
    }

    /** Sets the action; required. */
    public Builder action(Action action) {
      this.action = Objects.requireNonNull(action, "action");
      return this;
    }

    /** Sets the verification; required. */
    public Builder verification(Check verification) {
      this.verification = Objects.requireNonNull(verification, "verification");
      return this;
    }

    /** Sets the rollback; without one a roll-back skips this step. */
    public Builder rollback(Action rollback) {
      this.rollback = Objects.requireNonNull(rollback, "rollback");
      return this;
    }

    /**
     * Builds the step.
     *
     * @throws IllegalStateException if the action or verification is missing
     */
    public RunbookStep build() {
      if (action == null || verification == null) {
        throw new IllegalStateException(
            "step '" + name + "' needs " + (action == null ? "an action" : "a verification"));
      }
      return new RunbookStep(this);
    }
  }
}

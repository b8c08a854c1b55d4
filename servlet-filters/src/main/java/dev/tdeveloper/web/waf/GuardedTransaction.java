package dev.tdeveloper.web.waf;

import dev.tdeveloper.security.waf.Interruption;
import dev.tdeveloper.security.waf.WafMatch;
import dev.tdeveloper.security.waf.WafTransaction;
import java.util.List;
import java.util.Optional;

/**
 * A {@link WafTransaction} whose every call is fenced: the first {@link RuntimeException} or {@link
 * StackOverflowError} the engine throws is kept, and from then on the transaction is inert (no call
 * reaches the engine, nothing interrupts), so the request goes on uninspected. The engine promises
 * not to throw; this is the filter's second fence, which makes the filter fail open. Not
 * thread-safe: one per request.
 */
final class GuardedTransaction {
  private final WafTransaction tx;
  private Throwable failure;

  private GuardedTransaction(WafTransaction tx, Throwable failure) {
    this.tx = tx;
    this.failure = failure;
  }

  /** Fences {@code tx}. */
  static GuardedTransaction of(WafTransaction tx) {
    return new GuardedTransaction(tx, null);
  }

  /** An inert transaction for a request whose transaction could not even be created. */
  static GuardedTransaction failed(Throwable failure) {
    return new GuardedTransaction(null, failure);
  }

  /** Returns the first engine failure, if any. */
  Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** Records a failure that happened outside the engine calls (for example a policy resolver). */
  void fail(Throwable t) {
    if (failure == null) {
      failure = t;
    }
  }

  /** Runs {@code step} against the engine unless it already failed. */
  void run(Step step) {
    if (failure != null) {
      return;
    }
    try {
      step.apply(tx);
    } catch (RuntimeException | StackOverflowError e) {
      failure = e;
    }
  }

  /** Returns the interruption in force; empty once the engine failed. */
  Optional<Interruption> interruption() {
    if (failure != null) {
      return Optional.empty();
    }
    try {
      return tx.interruption();
    } catch (RuntimeException e) {
      failure = e;
      return Optional.empty();
    }
  }

  /** Returns the interruption DetectionOnly did not carry out; empty once the engine failed. */
  Optional<Interruption> detected() {
    if (failure != null) {
      return Optional.empty();
    }
    try {
      return tx.detectedInterruption();
    } catch (RuntimeException e) {
      failure = e;
      return Optional.empty();
    }
  }

  /** Returns the matches so far (those recorded before a failure included). */
  List<WafMatch> matches() {
    if (tx == null) {
      return List.of();
    }
    try {
      return tx.matches();
    } catch (RuntimeException e) {
      fail(e);
      return List.of();
    }
  }

  /** One call into the engine. */
  @FunctionalInterface
  interface Step {
    void apply(WafTransaction tx);
  }
}

package dev.tdeveloper.security.secrets.rotation;

import dev.tdeveloper.security.spi.RotationTarget;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.internal.StoreSettings;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Configures a {@link SecretRotator}. Required: the store, the secret, the target, a {@link
 * #strategy} and a {@link #policy}. Defaults: a 32-character {@link SecretGenerator#randomPassword
 * random password}, an {@link RotationJournal#inMemory() in-memory journal}, the system clock, a
 * pending timeout of {@value #DEFAULT_PENDING_TIMEOUT_MINUTES} minutes. Each setting may be given
 * once (listeners any number of times).
 *
 * <p>Not thread-safe: configure on one thread.
 */
public final class SecretRotatorBuilder {
  /** Default pending timeout, in minutes: {@value}. */
  public static final long DEFAULT_PENDING_TIMEOUT_MINUTES = 15;

  final SecretStore store;
  final SecretName name;
  final RotationTarget target;
  RotationStrategy strategy;
  SecretRotationPolicy policy;
  SecretGenerator generator = SecretGenerator.randomPassword(32);
  RotationJournal journal;
  InstantSource clock = InstantSource.system();
  Duration pendingTimeout = Duration.ofMinutes(DEFAULT_PENDING_TIMEOUT_MINUTES);
  Consumer<String> hook = point -> {};
  final List<EventListener<? super SecretRotationEvent>> listeners = new ArrayList<>();
  private boolean generatorSet;
  private boolean clockSet;
  private boolean timeoutSet;

  SecretRotatorBuilder(SecretStore store, SecretName name, RotationTarget target) {
    this.store = Objects.requireNonNull(store, "store");
    this.name = Objects.requireNonNull(name, "name");
    this.target = Objects.requireNonNull(target, "target");
  }

  /**
   * Sets whose password each rotation changes.
   *
   * @throws IllegalStateException if already set
   */
  public SecretRotatorBuilder strategy(RotationStrategy strategy) {
    Objects.requireNonNull(strategy, "strategy");
    StoreSettings.requireUnset("strategy", this.strategy != null);
    this.strategy = strategy;
    return this;
  }

  /**
   * Sets when the secret is due for rotation ({@link SecretRotator#rotateIfDue()}).
   *
   * @throws IllegalStateException if already set
   */
  public SecretRotatorBuilder policy(SecretRotationPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    StoreSettings.requireUnset("policy", this.policy != null);
    this.policy = policy;
    return this;
  }

  /**
   * Sets how candidate passwords are made.
   *
   * @throws IllegalStateException if already set
   */
  public SecretRotatorBuilder generator(SecretGenerator generator) {
    Objects.requireNonNull(generator, "generator");
    StoreSettings.requireUnset("generator", generatorSet);
    this.generator = generator;
    generatorSet = true;
    return this;
  }

  /**
   * Sets where steps are recorded; the caller closes it. Use {@link RotationJournal#open} for
   * resumption after a crash.
   *
   * @throws IllegalStateException if already set
   */
  public SecretRotatorBuilder journal(RotationJournal journal) {
    Objects.requireNonNull(journal, "journal");
    StoreSettings.requireUnset("journal", this.journal != null);
    this.journal = journal;
    return this;
  }

  /**
   * Sets the wall clock of the policy, the pending timeout and events.
   *
   * @throws IllegalStateException if already set
   */
  public SecretRotatorBuilder clock(InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    StoreSettings.requireUnset("clock", clockSet);
    this.clock = clock;
    clockSet = true;
    return this;
  }

  /**
   * Sets how old a PENDING version that this rotator's journal does not know must be before the
   * rotator adopts and finishes it (it was left by a rotator that crashed with its journal, or
   * whose journal was in memory); a younger one means another rotation is in progress, and {@link
   * SecretRotator#rotate()} fails without touching it.
   *
   * @throws IllegalArgumentException if not positive
   * @throws IllegalStateException if already set
   */
  public SecretRotatorBuilder pendingTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("pendingTimeout must be positive, was " + timeout);
    }
    StoreSettings.requireUnset("pendingTimeout", timeoutSet);
    this.pendingTimeout = timeout;
    timeoutSet = true;
    return this;
  }

  /** Adds a listener of rotation events; a listener that throws is logged and skipped. */
  public SecretRotatorBuilder listener(EventListener<? super SecretRotationEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * For crash tests: told each point of a rotation ({@code started}, a step's name once it is
   * recorded, {@code version-put}, {@code current-moved}).
   */
  SecretRotatorBuilder hook(Consumer<String> hook) {
    this.hook = Objects.requireNonNull(hook, "hook");
    return this;
  }

  /**
   * Builds the rotator.
   *
   * @throws IllegalStateException if the strategy or the policy is missing
   */
  public SecretRotator build() {
    if (strategy == null) {
      throw new IllegalStateException("strategy is required: singleUser or alternatingUsers");
    }
    if (policy == null) {
      throw new IllegalStateException("policy is required, such as SecretRotationPolicy.maxAge");
    }
    if (journal == null) {
      journal = RotationJournal.inMemory();
    }
    return new SecretRotator(this);
  }
}

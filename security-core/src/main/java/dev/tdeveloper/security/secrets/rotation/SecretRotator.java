package dev.tdeveloper.security.secrets.rotation;

import dev.tdeveloper.security.spi.RotationTarget;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Rotates one secret's credential in a {@link RotationTarget} in four steps, as AWS Secrets Manager
 * does: <b>create</b> a candidate version labelled PENDING, <b>set</b> it in the target,
 * <b>test</b> that it logs in, <b>promote</b> it (PENDING becomes CURRENT, the old CURRENT becomes
 * PREVIOUS, the PENDING label goes). Each step is recorded in the {@link RotationJournal} before
 * the next begins, and each is idempotent against the store's state, so after a crash between any
 * two steps (or within one) the next {@link #rotate()} resumes with the same candidate: it never
 * creates a second pending version nor promotes twice.
 *
 * <p><b>Concurrency.</b> Label moves are compare-and-set: a rotator takes PENDING only when no
 * version holds it, and promotes only if CURRENT is still where it was, so of two rotators (in this
 * or other processes) at most one promotes; the other reports a failure. A PENDING version this
 * rotator's journal does not know is adopted once older than the pending timeout.
 *
 * <p><b>Failure.</b> If a step fails (the target refuses the password or the test does not log in,
 * the store fails), CURRENT is untouched, the PENDING label is removed, a {@link
 * SecretRotationEvent.Failed} event is published and {@link RotationResult.Failed} returned. With
 * the single-user strategy a failure after the target may have changed sets the CURRENT password
 * back (best effort, reported in the reason). Reasons, logs and events never hold a value.
 *
 * <p>Thread-safe: rotations of one rotator run one at a time.
 */
public final class SecretRotator {
  private final SecretStore store;
  private final SecretName name;
  private final SecretRotationPolicy policy;
  private final RotationJournal journal;
  private final InstantSource clock;
  private final Duration pendingTimeout;
  private final Consumer<String> hook;
  private final Listeners<SecretRotationEvent> listeners;
  private final RotationSteps steps;

  SecretRotator(SecretRotatorBuilder b) {
    this.store = b.store;
    this.name = b.name;
    this.policy = b.policy;
    this.journal = b.journal;
    this.clock = b.clock;
    this.pendingTimeout = b.pendingTimeout;
    this.hook = b.hook;
    this.listeners = Listeners.of(b.listeners);
    this.steps = new RotationSteps(b, listeners);
  }

  /** Returns a builder of a rotator of secret {@code name} of {@code store} in {@code target}. */
  public static SecretRotatorBuilder builder(
      SecretStore store, SecretName name, RotationTarget target) {
    return new SecretRotatorBuilder(store, name, target);
  }

  /** Returns the rotated secret. */
  public SecretName name() {
    return name;
  }

  /**
   * Rotates if the policy says the CURRENT version is due, or a rotation is unfinished (resuming
   * it); otherwise returns {@link RotationResult.NotDue}.
   */
  public synchronized RotationResult rotateIfDue() {
    Optional<SecretVersion> current = store.versionAt(name, SecretLabel.CURRENT);
    boolean unfinished =
        journal.unfinished(name).isPresent()
            || store.versionAt(name, SecretLabel.PENDING).isPresent();
    if (!unfinished && !policy.isDue(current, clock.instant())) {
      return new RotationResult.NotDue(policy.dueAt(current, clock.instant()));
    }
    return rotate();
  }

  /**
   * Rotates now, or resumes an unfinished rotation; see the class comment for failures.
   *
   * @throws dev.tdeveloper.security.spi.SecretStoreException if the journal or the store fails
   *     before the rotation starts (nothing has changed then)
   */
  public synchronized RotationResult rotate() {
    Optional<RotationJournal.Progress> progress = journal.unfinished(name);
    boolean resumed = progress.isPresent();
    if (progress.isEmpty()) {
      Optional<SecretVersion> pending = store.versionAt(name, SecretLabel.PENDING);
      if (pending.isPresent()) {
        SecretVersion foreign = pending.get();
        if (foreign.created().plus(pendingTimeout).isAfter(clock.instant())) {
          String reason =
              "version '"
                  + foreign.versionId()
                  + "' of "
                  + name
                  + " has held PENDING since "
                  + foreign.created()
                  + ": another rotation is in progress";
          return steps.failed(foreign.versionId(), RotationStep.CREATE_PENDING, reason);
        }
        journal.started(name, foreign.versionId());
        journal.stepDone(name, foreign.versionId(), RotationStep.CREATE_PENDING);
        progress = journal.unfinished(name);
        resumed = true;
      } else {
        journal.started(name, UUID.randomUUID().toString());
        progress = journal.unfinished(name);
      }
      hook.accept("started");
    }
    String versionId = progress.orElseThrow().versionId();
    listeners.publish(new SecretRotationEvent.Started(name, versionId, resumed, clock.instant()));
    return steps.run(versionId, progress.orElseThrow());
  }
}

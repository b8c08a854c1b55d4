package dev.tdeveloper.security.secrets.rotation;

import dev.tdeveloper.security.SecurityCoreException;
import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.security.spi.RotationTarget;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.tenancy.internal.Listeners;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries a {@link SecretRotator}'s rotation through its steps, from wherever its journal says it
 * stopped, to a result.
 */
final class RotationSteps {
  private static final Logger LOG = LoggerFactory.getLogger(SecretRotator.class);

  private final SecretStore store;
  private final SecretName name;
  private final RotationTarget target;
  private final RotationStrategy strategy;
  private final SecretGenerator generator;
  private final RotationJournal journal;
  private final InstantSource clock;
  private final Consumer<String> hook;
  private final Listeners<SecretRotationEvent> listeners;

  RotationSteps(SecretRotatorBuilder b, Listeners<SecretRotationEvent> listeners) {
    this.store = b.store;
    this.name = b.name;
    this.target = b.target;
    this.strategy = b.strategy;
    this.generator = b.generator;
    this.journal = b.journal;
    this.clock = b.clock;
    this.hook = b.hook;
    this.listeners = listeners;
  }

  /**
   * Runs rotation {@code versionId} on from {@code progress}; the caller holds the rotator's lock.
   */
  RotationResult run(String versionId, RotationJournal.Progress progress) {
    return new Run(versionId, progress).execute();
  }

  /** One rotation, from wherever its journal says it stopped. */
  private final class Run {
    private final String versionId;
    private final RotationJournal.Progress progress;
    private RotationStep step = RotationStep.CREATE_PENDING;
    private String user = "";

    Run(String versionId, RotationJournal.Progress progress) {
      this.versionId = versionId;
      this.progress = progress;
    }

    RotationResult execute() {
      Optional<SecretVersion> current = store.versionAt(name, SecretLabel.CURRENT);
      Credential candidate = null;
      try {
        if (!progress.done(step)) {
          createPending(current);
          done();
        }
        candidate = credentialOf(versionId);
        user = candidate.user();
        if (!progress.done(RotationStep.SET_IN_TARGET) && rotatesTheCurrentUser()) {
          return abandon("CURRENT moved to user " + user + " while this rotation was created");
        }
        step = RotationStep.SET_IN_TARGET;
        if (!progress.done(step)) {
          target.set(user, candidate.password());
          done();
        }
        step = RotationStep.TEST;
        if (!progress.done(step)) {
          if (!target.test(user, candidate.password())) {
            return abandon("the candidate does not log in to " + target.description());
          }
          done();
        }
        step = RotationStep.PROMOTE;
        Optional<String> previous = promote();
        journal.finished(name, versionId);
        hook.accept(RotationStep.PROMOTE.name());
        LOG.info("secret {} rotated: version {} of user {} is CURRENT", name, versionId, user);
        listeners.publish(
            new SecretRotationEvent.Promoted(name, versionId, previous, clock.instant()));
        return new RotationResult.Rotated(versionId, user);
      } catch (RuntimeException e) {
        return abandon(reason(e));
      } finally {
        if (candidate != null) {
          candidate.destroy();
        }
      }
    }

    private void createPending(Optional<SecretVersion> current) {
      boolean exists = store.versions(name).stream().anyMatch(v -> v.versionId().equals(versionId));
      if (!exists) {
        Optional<String> currentUser =
            strategy instanceof RotationStrategy.AlternatingUsers
                ? current.map(v -> userOf(v.versionId()))
                : Optional.empty();
        Secret password = generator.generate();
        Credential credential = new Credential(strategy.userToRotate(currentUser), password);
        Secret encoded = credential.encode();
        try {
          store.put(name, versionId, encoded);
        } finally {
          encoded.destroy();
          password.destroy();
        }
        hook.accept("version-put");
      }
      Optional<String> pending =
          store.versionAt(name, SecretLabel.PENDING).map(SecretVersion::versionId);
      if (!pending.equals(Optional.of(versionId))) {
        store.moveLabel(name, SecretLabel.PENDING, Optional.empty(), Optional.of(versionId));
      }
    }

    /** Whether an alternating rotation's candidate is now CURRENT's user (a rotator raced us). */
    private boolean rotatesTheCurrentUser() {
      if (!(strategy instanceof RotationStrategy.AlternatingUsers)) {
        return false;
      }
      Optional<SecretVersion> now = store.versionAt(name, SecretLabel.CURRENT);
      return now.isPresent()
          && !now.get().versionId().equals(versionId)
          && userOf(now.get().versionId()).equals(user);
    }

    private Optional<String> promote() {
      Optional<String> current =
          store.versionAt(name, SecretLabel.CURRENT).map(SecretVersion::versionId);
      Optional<String> previous;
      if (current.equals(Optional.of(versionId))) {
        previous = store.versionAt(name, SecretLabel.PREVIOUS).map(SecretVersion::versionId);
      } else {
        store.moveLabel(name, SecretLabel.CURRENT, current, Optional.of(versionId));
        previous = current;
        hook.accept("current-moved");
      }
      if (store
          .versionAt(name, SecretLabel.PENDING)
          .filter(v -> v.versionId().equals(versionId))
          .isPresent()) {
        store.moveLabel(name, SecretLabel.PENDING, Optional.of(versionId), Optional.empty());
      }
      return previous;
    }

    private void done() {
      journal.stepDone(name, versionId, step);
      hook.accept(step.name());
      listeners.publish(
          new SecretRotationEvent.StepDone(name, versionId, step, user, clock.instant()));
    }

    private RotationResult abandon(String why) {
      StringBuilder reason = new StringBuilder(why);
      if (strategy instanceof RotationStrategy.SingleUser single
          && (step == RotationStep.SET_IN_TARGET || step == RotationStep.TEST)) {
        reason.append(restore(single.user()));
      }
      try {
        if (store
            .versionAt(name, SecretLabel.PENDING)
            .filter(v -> v.versionId().equals(versionId))
            .isPresent()) {
          store.moveLabel(name, SecretLabel.PENDING, Optional.of(versionId), Optional.empty());
        }
      } catch (RuntimeException e) {
        reason.append("; the PENDING label could not be removed: ").append(reason(e));
      }
      try {
        journal.finished(name, versionId);
      } catch (RuntimeException e) {
        reason.append("; the journal could not record the end: ").append(reason(e));
      }
      return failed(versionId, step, reason.toString());
    }

    /** Sets the CURRENT password back in the target after a failed single-user rotation. */
    private String restore(String singleUser) {
      Credential credential = null;
      try {
        Optional<SecretVersion> current = store.versionAt(name, SecretLabel.CURRENT);
        if (current.isEmpty()) {
          return "";
        }
        credential = credentialOf(current.get().versionId());
        target.set(singleUser, credential.password());
        return "; the CURRENT password was set back in the target";
      } catch (RuntimeException e) {
        return "; setting the CURRENT password back failed too: " + reason(e);
      } finally {
        if (credential != null) {
          credential.destroy();
        }
      }
    }

    private String userOf(String version) {
      Credential credential = credentialOf(version);
      credential.destroy();
      return credential.user();
    }

    /** Reads a version as a credential; the failure names the version, never the value. */
    private Credential credentialOf(String version) {
      Secret stored = store.value(name, version).orElseThrow(this::vanished);
      try {
        return Credential.decode(stored);
      } catch (IllegalArgumentException e) {
        throw new SecurityCoreException(
            "version '" + version + "' of " + name + " does not hold a credential");
      } finally {
        stored.destroy();
      }
    }

    private IllegalStateException vanished() {
      return new IllegalStateException("a version of " + name + " vanished from the store");
    }
  }

  RotationResult failed(String versionId, RotationStep step, String reason) {
    LOG.warn("rotation of secret {} failed at {}: {}", name, step, reason);
    listeners.publish(
        new SecretRotationEvent.Failed(name, versionId, step, reason, clock.instant()));
    return new RotationResult.Failed(versionId, step, reason);
  }

  /** Describes a failure: the suite's own messages never carry values; others may, so not shown. */
  private static String reason(RuntimeException e) {
    return e instanceof SecurityCoreException
        ? e.getClass().getSimpleName() + ": " + e.getMessage()
        : e.getClass().getName();
  }
}

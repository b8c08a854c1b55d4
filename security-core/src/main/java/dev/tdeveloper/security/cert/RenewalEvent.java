package dev.tdeveloper.security.cert;

import dev.tdeveloper.security.tls.ServerKeyMaterial;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link CertificateRenewer} tells its listeners, on the renewing thread, after its
 * bookkeeping is done. Every attempt publishes {@link Started}, then {@link Succeeded} or {@link
 * Failed}; a failed renewal is retried with backoff and publishes {@code Failed} again each time,
 * until one succeeds. Immutable; no event carries a private key.
 */
public sealed interface RenewalEvent {
  /** Returns the key material file being renewed. */
  Path file();

  /** Why a renewal was attempted. */
  enum Trigger {
    /** The file does not exist yet. */
    MISSING,
    /** The file cannot be read, or its key does not match its certificate. */
    UNREADABLE,
    /** The renewal point of the current certificate (two thirds of its lifetime) has passed. */
    DUE,
    /** {@link CertificateRenewer#renewNow()} was called. */
    REQUESTED
  }

  /**
   * A renewal attempt began.
   *
   * @param file the key material file
   * @param trigger why
   * @param attempt 1 for the first attempt, counting failed attempts since the last success
   */
  record Started(Path file, Trigger trigger, int attempt) implements RenewalEvent {
    /** Checks the fields. */
    public Started {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(trigger, "trigger");
    }
  }

  /**
   * New key material is on disk and in use by the renewer: a TLS server reloads its context from
   * {@code material} now (for Jetty, {@code sslContextFactory.reload(f ->
   * f.setSslContext(material.sslContext(policy)))}).
   *
   * @param file the key material file, replaced
   * @param material the new key and chain
   * @param renewAt when the new certificate will be renewed
   */
  record Succeeded(Path file, ServerKeyMaterial material, Instant renewAt) implements RenewalEvent {
    /** Checks the fields. */
    public Succeeded {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(material, "material");
      Objects.requireNonNull(renewAt, "renewAt");
    }
  }

  /**
   * A renewal attempt failed; the file and the material in use are unchanged.
   *
   * @param file the key material file
   * @param trigger why the renewal was attempted
   * @param attempt the failed attempt's number since the last success
   * @param reason what went wrong (never a key or credential)
   * @param nextAttempt the earliest time of the next attempt (backoff)
   * @param currentNotAfter when the certificate still in use ends, if there is one
   */
  record Failed(
      Path file,
      Trigger trigger,
      int attempt,
      String reason,
      Instant nextAttempt,
      Optional<Instant> currentNotAfter)
      implements RenewalEvent {
    /** Checks the fields. */
    public Failed {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(trigger, "trigger");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(nextAttempt, "nextAttempt");
      Objects.requireNonNull(currentNotAfter, "currentNotAfter");
    }
  }
}

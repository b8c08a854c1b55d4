package dev.tdeveloper.security.spi;

import dev.tdeveloper.security.secrets.Secret;

/**
 * The system whose credential a {@code SecretRotator} rotates: a database whose users log in with
 * passwords (the PostgreSQL role target comes with the backends), a message broker, a partner API.
 * The rotator calls {@link #set} with the candidate of a rotation, then {@link #test} to prove the
 * candidate works against the real system, before promoting it.
 *
 * <p>With the <em>single-user</em> strategy every rotation sets the password of one user in place;
 * with <em>alternating users</em> the rotator names, for each version, which of two users it
 * belongs to (the one that is not CURRENT), so the current credential keeps working throughout. The
 * user is part of the stored credential, so consumers know whom to log in as.
 *
 * <p>Both methods may be called again with the same arguments after a crash, so they must be
 * idempotent. Implementations are thread-safe and never put a password in an exception message or a
 * log line.
 */
public interface RotationTarget {
  /** Returns what this target is, for events and messages (never a credential). */
  String description();

  /**
   * Makes {@code password} the password of {@code user} in the target system.
   *
   * @throws RuntimeException if the target refuses or cannot be reached; the rotation then fails at
   *     this step and CURRENT is untouched
   */
  void set(String user, Secret password);

  /**
   * Returns whether {@code user} can log in to the target system with {@code password} now.
   *
   * @throws RuntimeException if the target cannot be reached (counted as a failed test)
   */
  boolean test(String user, Secret password);
}

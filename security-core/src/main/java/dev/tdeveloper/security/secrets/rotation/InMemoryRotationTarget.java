package dev.tdeveloper.security.secrets.rotation;

import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.security.spi.RotationTarget;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link RotationTarget} that behaves like a database's user table, for tests and the demo: users
 * exist or not, each has a password (kept as a salted SHA-256 hash, as a database keeps a verifier,
 * never the password) or none yet, {@link #set} changes it (refusing an unknown user, as {@code
 * ALTER ROLE} does), and {@link #login} succeeds only with the user's current password.
 *
 * <p>Thread-safe.
 */
public final class InMemoryRotationTarget implements RotationTarget {
  private record Verifier(byte[] salt, byte[] hash) {}

  private final String description;
  private final Map<String, Verifier> passwords = new HashMap<>();
  private final Set<String> users = new TreeSet<>();
  private final Map<String, Integer> changes = new HashMap<>();
  private final SecureRandom random = new SecureRandom();

  private InMemoryRotationTarget(String description) {
    this.description = description;
  }

  /**
   * Returns a user table holding {@code users}, none with a password yet.
   *
   * @throws IllegalArgumentException if a user name is invalid
   */
  public static InMemoryRotationTarget withUsers(String... users) {
    InMemoryRotationTarget target = new InMemoryRotationTarget("in-memory user table");
    for (String user : users) {
      target.createUser(user);
    }
    return target;
  }

  /**
   * Adds {@code user}, without a password, if absent.
   *
   * @throws IllegalArgumentException if the user name is invalid
   */
  public synchronized void createUser(String user) {
    users.add(Credential.checkUser(user));
  }

  @Override
  public String description() {
    return description;
  }

  /**
   * Sets the password of {@code user}.
   *
   * @throws IllegalArgumentException if there is no such user (nothing changes)
   * @throws IllegalStateException if {@code password} was destroyed
   */
  @Override
  public synchronized void set(String user, Secret password) {
    Objects.requireNonNull(password, "password");
    if (!users.contains(Objects.requireNonNull(user, "user"))) {
      throw new IllegalArgumentException("no user '" + user + "' in the " + description);
    }
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    passwords.put(user, new Verifier(salt, hash(salt, password)));
    changes.merge(user, 1, Integer::sum);
  }

  /** Returns {@link #login}. */
  @Override
  public boolean test(String user, Secret password) {
    return login(user, password);
  }

  /** Returns whether {@code user} exists, has a password, and it is {@code password}. */
  public synchronized boolean login(String user, Secret password) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Verifier verifier = passwords.get(user);
    return verifier != null
        && MessageDigest.isEqual(verifier.hash(), hash(verifier.salt(), password));
  }

  /** Returns how many times the password of {@code user} was set. */
  public synchronized int passwordChanges(String user) {
    return changes.getOrDefault(Objects.requireNonNull(user, "user"), 0);
  }

  /** Returns the users, sorted. */
  public synchronized Set<String> users() {
    return Set.copyOf(users);
  }

  private static byte[] hash(byte[] salt, Secret password) {
    byte[] bytes = password.bytes();
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(salt);
      return digest.digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}

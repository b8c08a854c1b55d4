package dev.tdeveloper.security.secrets.rotation;

import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.tenancy.internal.Texts;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A user name and password, as a rotated secret stores them: the value of each version is the
 * user's name in UTF-8, a NUL byte, then the password's bytes. Keeping the user in the value lets
 * consumers of an alternating-users secret know whom to log in as, and lets a resumed rotation know
 * which user its candidate belongs to.
 *
 * <p>A user name is 1 to {@value #MAX_USER_LENGTH} characters of {@code A-Z a-z 0-9 _ . @ -}.
 * {@link #toString()} shows the user, never the password. Immutable apart from {@link #destroy()};
 * thread-safe.
 *
 * @param user the user name
 * @param password the password
 */
public record Credential(String user, Secret password) {
  /** The longest user name, in characters: {@value} (PostgreSQL's identifier limit). */
  public static final int MAX_USER_LENGTH = 63;

  /**
   * Validates the user name.
   *
   * @throws IllegalArgumentException if it breaks the rule above
   */
  public Credential {
    checkUser(user);
    Objects.requireNonNull(password, "password");
  }

  /**
   * Checks a user name.
   *
   * @return {@code user}
   * @throws IllegalArgumentException if it breaks the rule; the message quotes it
   */
  public static String checkUser(String user) {
    Objects.requireNonNull(user, "user");
    boolean valid = !user.isEmpty() && user.length() <= MAX_USER_LENGTH;
    for (int i = 0; valid && i < user.length(); i++) {
      char c = user.charAt(i);
      valid =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "_.@-".indexOf(c) >= 0;
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "invalid user name "
              + Texts.quote(user)
              + " (allowed: 1-"
              + MAX_USER_LENGTH
              + " characters of A-Z a-z 0-9 _ . @ -)");
    }
    return user;
  }

  /**
   * Returns the stored form of this credential (see the class comment).
   *
   * @throws IllegalStateException if the password was destroyed
   */
  public Secret encode() {
    byte[] name = user.getBytes(StandardCharsets.UTF_8);
    byte[] pass = password.bytes();
    byte[] out = new byte[name.length + 1 + pass.length];
    System.arraycopy(name, 0, out, 0, name.length);
    System.arraycopy(pass, 0, out, name.length + 1, pass.length);
    try {
      return Secret.of(out);
    } finally {
      Arrays.fill(pass, (byte) 0);
      Arrays.fill(out, (byte) 0);
    }
  }

  /**
   * Reads a credential from its stored form.
   *
   * @throws IllegalArgumentException if {@code stored} is not a credential (no user, no password or
   *     a bad user name); the message shows no part of the value
   */
  public static Credential decode(Secret stored) {
    byte[] bytes = Objects.requireNonNull(stored, "stored").bytes();
    try {
      int nul = -1;
      for (int i = 0; i < bytes.length && nul < 0; i++) {
        nul = bytes[i] == 0 ? i : -1;
      }
      if (nul <= 0 || nul == bytes.length - 1) {
        throw new IllegalArgumentException(
            "the secret is not a credential (user name, NUL, password)");
      }
      String user = new String(bytes, 0, nul, StandardCharsets.UTF_8);
      if (!isValidUser(user)) {
        throw new IllegalArgumentException("the secret's user name is not valid");
      }
      return new Credential(user, Secret.of(Arrays.copyOfRange(bytes, nul + 1, bytes.length)));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** Wipes the password. */
  public void destroy() {
    password.destroy();
  }

  /** Returns {@code Credential[user=<user>, password=redacted]}. */
  @Override
  public String toString() {
    return "Credential[user=" + user + ", password=redacted]";
  }

  private static boolean isValidUser(String user) {
    try {
      checkUser(user);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

package dev.tdeveloper.security.secrets.rotation;

import java.util.Objects;
import java.util.Optional;

/**
 * Which user a rotation changes. Immutable and thread-safe.
 *
 * <ul>
 *   <li>{@link SingleUser}: the one user's password is changed in place. Simple, but between the
 *       target accepting the new password and consumers reading it, the old one no longer works.
 *   <li>{@link AlternatingUsers}: two users with the same rights; each rotation changes the user
 *       that is <em>not</em> CURRENT, so the CURRENT credential keeps working throughout and the
 *       PREVIOUS one until the next rotation.
 * </ul>
 */
public sealed interface RotationStrategy {
  /**
   * Returns the user whose password the next rotation sets.
   *
   * @param currentUser the user of the CURRENT version, empty when there is none yet
   */
  String userToRotate(Optional<String> currentUser);

  /** Returns the single-user strategy for {@code user}. */
  static RotationStrategy singleUser(String user) {
    return new SingleUser(user);
  }

  /** Returns the alternating-users strategy for two distinct users; {@code first} goes first. */
  static RotationStrategy alternatingUsers(String first, String second) {
    return new AlternatingUsers(first, second);
  }

  /**
   * Rotates one user's password in place.
   *
   * @param user the user
   */
  record SingleUser(String user) implements RotationStrategy {
    /** Validates the user name. */
    public SingleUser {
      Credential.checkUser(user);
    }

    @Override
    public String userToRotate(Optional<String> currentUser) {
      Objects.requireNonNull(currentUser, "currentUser");
      return user;
    }
  }

  /**
   * Rotates whichever of two users is not CURRENT.
   *
   * @param first the user of the first rotation
   * @param second the other user
   */
  record AlternatingUsers(String first, String second) implements RotationStrategy {
    /**
     * Validates the user names.
     *
     * @throws IllegalArgumentException if one is invalid or they are equal
     */
    public AlternatingUsers {
      Credential.checkUser(first);
      Credential.checkUser(second);
      if (first.equals(second)) {
        throw new IllegalArgumentException(
            "alternating users must be two different users, got '" + first + "' twice");
      }
    }

    @Override
    public String userToRotate(Optional<String> currentUser) {
      return currentUser.filter(first::equals).isPresent() ? second : first;
    }
  }
}

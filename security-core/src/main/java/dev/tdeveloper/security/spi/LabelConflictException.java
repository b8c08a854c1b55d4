package dev.tdeveloper.security.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * A compare-and-set label move of a {@link SecretStore} failed: the label was not where the caller
 * expected it, because another writer (a concurrent rotator, say) moved it first. Nothing was
 * changed; read the versions again before deciding what to do.
 */
public class LabelConflictException extends SecretStoreException {
  private static final long serialVersionUID = 1L;

  private final transient SecretName secret;
  private final SecretLabel label;
  private final String expected;
  private final String actual;

  /**
   * Creates the exception.
   *
   * @param secret the secret
   * @param label the label that was to move
   * @param expected the version the caller expected to hold it (empty: none)
   * @param actual the version that holds it (empty: none)
   */
  public LabelConflictException(
      SecretName secret, SecretLabel label, Optional<String> expected, Optional<String> actual) {
    super(
        "label "
            + label
            + " of secret "
            + secret
            + " is on "
            + actual.map(v -> "version '" + v + "'").orElse("no version")
            + ", not on "
            + expected.map(v -> "version '" + v + "'").orElse("no version")
            + " as expected; another writer moved it");
    this.secret = Objects.requireNonNull(secret, "secret");
    this.label = label;
    this.expected = expected.orElse("");
    this.actual = actual.orElse("");
  }

  /** Returns the secret. */
  public SecretName secret() {
    return secret;
  }

  /** Returns the label that was to move. */
  public SecretLabel label() {
    return label;
  }

  /** Returns the version the caller expected to hold the label; empty for none. */
  public Optional<String> expected() {
    return expected.isEmpty() ? Optional.empty() : Optional.of(expected);
  }

  /** Returns the version that holds the label; empty for none. */
  public Optional<String> actual() {
    return actual.isEmpty() ? Optional.empty() : Optional.of(actual);
  }
}

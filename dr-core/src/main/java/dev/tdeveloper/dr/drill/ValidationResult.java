package dev.tdeveloper.dr.drill;

import java.util.Objects;

/**
 * What a {@link DrillValidation} concluded about restored data, with a message a person can read
 * (such as "notes journal opens and has 12 notes"). Immutable and thread-safe.
 *
 * @param ok whether the restored data is usable
 * @param message what was checked and found, 1 to 1000 characters
 */
public record ValidationResult(boolean ok, String message) {
  /** The longest message: {@value} characters. */
  public static final int MAX_MESSAGE = 1000;

  /**
   * Checks the message.
   *
   * @throws IllegalArgumentException if the message is blank or longer than {@value #MAX_MESSAGE}
   */
  public ValidationResult {
    Objects.requireNonNull(message, "message");
    if (message.isBlank() || message.length() > MAX_MESSAGE) {
      throw new IllegalArgumentException(
          "ValidationResult.message must be 1 to "
              + MAX_MESSAGE
              + " characters and not blank, was "
              + message.length()
              + " characters");
    }
  }

  /** Returns a passing result. */
  public static ValidationResult passed(String message) {
    return new ValidationResult(true, message);
  }

  /** Returns a failing result. */
  public static ValidationResult failed(String message) {
    return new ValidationResult(false, message);
  }
}

package dev.tdeveloper.demo.notes;

import java.time.Instant;
import java.util.Objects;

/**
 * A note of the demo's notes API.
 *
 * @param id the note's number, unique within its tenant only
 * @param text the note's text, 1 to {@value #MAX_TEXT} characters
 * @param createdAt when the note was created
 */
public record Note(long id, String text, Instant createdAt) {
  /** The longest text a note may hold, in characters. */
  public static final int MAX_TEXT = 10_000;

  /** Validates the note. */
  public Note {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(createdAt, "createdAt");
    if (text.isBlank() || text.length() > MAX_TEXT) {
      throw new IllegalArgumentException(
          "text must be 1-" + MAX_TEXT + " characters and not blank, was " + text.length());
    }
  }
}

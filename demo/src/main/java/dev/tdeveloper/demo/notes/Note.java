package dev.tdeveloper.demo.notes;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A note of the demo's notes API.
 *
 * @param id the note's number, unique within its tenant only
 * @param text the note's text, 1 to {@value #MAX_TEXT} characters
 * @param createdAt when the note was created
 * @param author who wrote it (personal data: a user id matching {@link #AUTHOR_RULE}); empty for a
 *     note posted without one or written before notes had authors
 */
public record Note(long id, String text, Instant createdAt, @JsonIgnore Optional<String> author) {
  /** The longest text a note may hold, in characters. */
  public static final int MAX_TEXT = 10_000;

  /** What an author (user id) may be, for messages: {@value}. */
  public static final String AUTHOR_RULE =
      "1-64 characters of letters, digits, '.', '_', '-' and '@'";

  private static final Pattern AUTHOR = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  /** Validates the note. */
  public Note {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(author, "author");
    author.ifPresent(
        a -> {
          if (!isValidAuthor(a)) {
            throw new IllegalArgumentException("author must be " + AUTHOR_RULE);
          }
        });
    if (text.isBlank() || text.length() > MAX_TEXT) {
      throw new IllegalArgumentException(
          "text must be 1-" + MAX_TEXT + " characters and not blank, was " + text.length());
    }
  }

  /** Returns a note without author. */
  public Note(long id, String text, Instant createdAt) {
    this(id, text, createdAt, Optional.empty());
  }

  /** Returns whether {@code author} is a valid author (user id); the value is never quoted. */
  public static boolean isValidAuthor(String author) {
    return author != null && AUTHOR.matcher(author).matches();
  }

  /** The author as JSON shows it: the member is left out when there is none. */
  @JsonProperty("author")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  String authorOrNull() {
    return author.orElse(null);
  }
}

package dev.tdeveloper.benchmarks.load;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-tenant marker every note of the load carries in its text, so the {@link IsolationChecker}
 * can tell whose note it is looking at: writes are {@code note <sequence> of <tenant>} and the
 * notes {@link DemoProcess#provision} seeds are {@code seed of <tenant>}. Stateless.
 */
final class NoteMarker {
  private static final Pattern OWNER = Pattern.compile("^(?:note \\d+|seed) of ([a-z0-9-]+)$");

  private NoteMarker() {}

  /** Returns the text of the write number {@code sequence} of {@code tenant}. */
  static String text(long sequence, String tenant) {
    return "note " + sequence + " of " + tenant;
  }

  /** Returns the tenant a note's {@code text} names, or empty if it carries no marker. */
  static Optional<String> owner(String text) {
    Matcher m = OWNER.matcher(text);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}

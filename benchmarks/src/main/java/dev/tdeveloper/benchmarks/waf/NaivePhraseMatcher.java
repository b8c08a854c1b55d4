package dev.tdeveloper.benchmarks.waf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline of {@code @pm}: the input lower-cased once (ASCII letters, as ModSecurity's {@code
 * acmp} compares), then {@link String#indexOf(String)} for each lower-cased phrase in turn until
 * one is found. Reads a CRS data file the way {@code @pmFromFile} does (every line not blank and
 * not a {@code #} comment is a phrase, as written). Immutable and thread-safe.
 */
final class NaivePhraseMatcher {
  private final String[] phrases;

  private NaivePhraseMatcher(String[] phrases) {
    this.phrases = phrases;
  }

  /**
   * Reads a data file.
   *
   * @param file the file
   * @return the matcher over its phrases
   * @throws UncheckedIOException when the file cannot be read
   */
  static NaivePhraseMatcher fromDataFile(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> phrases = new ArrayList<>();
    for (String line : lines) {
      String phrase = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (!phrase.isBlank() && !phrase.stripLeading().startsWith("#")) {
        phrases.add(lowerAscii(phrase));
      }
    }
    return new NaivePhraseMatcher(phrases.toArray(new String[0]));
  }

  /**
   * The number of phrases.
   *
   * @return the count
   */
  int size() {
    return phrases.length;
  }

  /**
   * Whether any phrase occurs in the input, ignoring ASCII case.
   *
   * @param input a byte string
   * @return whether one was found
   */
  boolean matches(String input) {
    String lower = lowerAscii(input);
    for (String phrase : phrases) {
      if (lower.indexOf(phrase) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static String lowerAscii(String s) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + 32);
      }
    }
    return new String(chars);
  }
}

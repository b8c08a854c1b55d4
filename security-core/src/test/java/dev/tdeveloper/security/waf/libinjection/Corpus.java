package dev.tdeveloper.security.waf.libinjection;

import dev.tdeveloper.security.waf.ByteStrings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads a test corpus: one UTF-8 value a line, blank lines skipped, returned as byte strings. */
final class Corpus {
  private Corpus() {}

  static List<String> read(String name) {
    try (InputStream in = Corpus.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test corpus " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(l -> !l.isEmpty()).map(ByteStrings::ofUtf8).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.tdeveloper.security.waf.body;

import dev.tdeveloper.security.waf.ByteStrings;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code URLENCODED} processor: the body split into arguments by {@link UrlEncoded}, with
 * {@code URLENCODED_ERROR} set to 1 when some {@code %} escape is invalid (the argument keeps it as
 * sent). A URL-encoded body never fails as a whole, as in ModSecurity. Stateless and thread-safe.
 */
final class UrlEncodedProcessor implements BodyProcessor {
  private static final Map<String, Integer> NO_ERROR = Map.of("URLENCODED_ERROR", 0);
  private static final Map<String, Integer> INVALID_ESCAPE = Map.of("URLENCODED_ERROR", 1);

  private final char separator;

  UrlEncodedProcessor(char separator) {
    this.separator = separator;
  }

  @Override
  public BodyResult process(byte[] body, String contentType) {
    String text = ByteStrings.of(body);
    return new BodyResult(
        UrlEncoded.parse(text, separator),
        List.of(),
        UrlEncoded.hasInvalidEscape(text) ? INVALID_ESCAPE : NO_ERROR,
        Optional.empty(),
        Optional.empty());
  }
}

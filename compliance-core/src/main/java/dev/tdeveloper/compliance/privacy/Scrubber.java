package dev.tdeveloper.compliance.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces a subject's identifiers in free text (an exception message, say) with their pseudonyms,
 * ignoring case, longest identifier first, so texts bound for events and histories never carry
 * them. Immutable and thread-safe.
 */
final class Scrubber {
  private record Rule(Pattern pattern, String replacement) {}

  private final List<Rule> rules = new ArrayList<>();

  /** Creates a scrubber from identifier value to pseudonym. */
  Scrubber(Map<String, String> pseudonyms) {
    pseudonyms.entrySet().stream()
        .sorted(
            Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length())
                .reversed())
        .forEach(
            e ->
                rules.add(
                    new Rule(
                        Pattern.compile(
                            Pattern.quote(e.getKey()),
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                        Matcher.quoteReplacement(e.getValue()))));
  }

  /** Returns {@code text} with every identifier replaced. */
  String scrub(String text) {
    String out = text;
    for (Rule rule : rules) {
      out = rule.pattern.matcher(out).replaceAll(rule.replacement);
    }
    return out;
  }

  /** Returns a failure as {@code Type: message}, scrubbed and cut to 500 characters. */
  String describe(Throwable failure) {
    String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
    String text = scrub(failure.getClass().getSimpleName() + message).replaceAll("\\p{Cntrl}", " ");
    return text.length() > 500 ? text.substring(0, 500) + "..." : text;
  }
}

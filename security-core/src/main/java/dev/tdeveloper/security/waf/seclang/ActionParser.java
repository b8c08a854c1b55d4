package dev.tdeveloper.security.waf.seclang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses an action list as ModSecurity v3 does: actions separated by commas; a value that starts
 * with a single quote runs to the next unescaped single quote (commas inside are kept; the quotes
 * are removed and the content kept as written, {@code \'} included, as v3 keeps it); names,
 * transformations and ctl options are case-insensitive and stored in their canonical spelling;
 * {@code phase} values are stored as the digit ({@code request} becomes {@code 2}). Every value is
 * checked for its form. Stateless.
 */
final class ActionParser {
  static final Names ACTIONS = new Names(SecLangNames.ACTIONS);
  static final Names TRANSFORMATIONS =
      new Names(SecLangNames.TRANSFORMATIONS, SecLangNames.TRANSFORMATION_ALIASES);
  static final Names CTL = new Names(SecLangNames.CTL_OPTIONS);

  /** Actions written without a value ({@code allow} may take one). */
  static final Set<String> FLAGS =
      Set.of(
          "allow",
          "auditlog",
          "block",
          "capture",
          "chain",
          "deny",
          "drop",
          "log",
          "multiMatch",
          "noauditlog",
          "nolog",
          "pass");

  /** Actions whose value may be empty ({@code msg:''}). */
  static final Set<String> EMPTY_OK = Set.of("msg", "logdata", "tag", "allow");

  /** The disruptive actions. */
  static final Set<String> DISRUPTIVE =
      Set.of("allow", "block", "deny", "drop", "pass", "redirect");

  private static final Map<String, String> PHASE_NAMES =
      Map.of("request", "2", "response", "4", "logging", "5");
  private static final Set<String> SEVERITIES =
      Set.of("emergency", "alert", "critical", "error", "warning", "notice", "info", "debug");

  private ActionParser() {}

  static List<ActionRef> parse(String text, Location at) {
    List<ActionRef> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (true) {
      i = SourceReader.skipBlanks(text, i);
      int start = i;
      while (i < n && text.charAt(i) != ':' && text.charAt(i) != ',') {
        i++;
      }
      String written = text.substring(start, i).trim();
      boolean hasValue = i < n && text.charAt(i) == ':';
      String value = "";
      if (hasValue) {
        i = SourceReader.skipBlanks(text, i + 1);
        if (i < n && text.charAt(i) == '\'') {
          int close = closingQuote(text, i + 1);
          if (close < 0) {
            throw ParseErrors.at(at, text.substring(start), "unterminated single quote", "'...'");
          }
          value = text.substring(i + 1, close);
          i = SourceReader.skipBlanks(text, close + 1);
          if (i < n && text.charAt(i) != ',') {
            throw ParseErrors.at(
                at,
                text.substring(start, Math.min(n, i + 1)),
                "text after a quoted value",
                ", between actions");
          }
        } else {
          int valueStart = i;
          while (i < n && text.charAt(i) != ',') {
            i++;
          }
          value = text.substring(valueStart, i).trim();
        }
      }
      if (written.isEmpty()) {
        throw ParseErrors.at(at, text, "empty action", "action names separated by single commas");
      }
      out.add(check(written, hasValue, value, at));
      if (i >= n) {
        return out;
      }
      i++; // the comma
    }
  }

  private static int closingQuote(String text, int from) {
    for (int j = from; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '\'') {
        return j;
      }
    }
    return -1;
  }

  private static ActionRef check(String written, boolean hasValue, String value, Location at) {
    String name =
        ACTIONS
            .resolve(written)
            .orElseThrow(
                () ->
                    ParseErrors.at(
                        at,
                        written,
                        "unknown action" + ACTIONS.didYouMean(written),
                        ACTIONS.allowed()));
    String token = hasValue ? written + ":" + value : written;
    if (FLAGS.contains(name) && hasValue && !name.equals("allow")) {
      throw ParseErrors.at(at, token, name + " takes no value", name);
    }
    if (!FLAGS.contains(name) && !hasValue) {
      throw ParseErrors.at(at, token, name + " needs a value", name + ":VALUE");
    }
    if (hasValue && value.isEmpty() && !EMPTY_OK.contains(name)) {
      throw ParseErrors.at(at, token, name + " has an empty value", name + ":VALUE");
    }
    return new ActionRef(name, ActionValues.check(name, value, token, at));
  }

  static String phaseDigit(String value, String token, Location at) {
    String named = PHASE_NAMES.get(value.toLowerCase(Locale.ROOT));
    if (named != null) {
      return named;
    }
    if (value.length() == 1 && value.charAt(0) >= '1' && value.charAt(0) <= '5') {
      return value;
    }
    throw ParseErrors.at(
        at, token, "phase outside 1-5", "1, 2, 3, 4, 5, request, response, logging");
  }

  static boolean isSeverity(String value) {
    return SEVERITIES.contains(value.toLowerCase(Locale.ROOT))
        || (value.length() == 1 && value.charAt(0) >= '0' && value.charAt(0) <= '7');
  }
}

package dev.tdeveloper.security.waf.seclang;

import java.util.Locale;
import java.util.Set;

/**
 * Checks and canonicalizes the value of one action: ids, phases, transformations, ctl options,
 * severities, counts and the collection names of {@code setvar}, {@code initcol} and {@code
 * expirevar}. Stateless.
 */
final class ActionValues {
  private static final Set<String> PERSISTENT =
      Set.of("IP", "GLOBAL", "SESSION", "USER", "RESOURCE");
  private static final Set<String> SETVAR_COLLECTIONS =
      Set.of("TX", "IP", "GLOBAL", "SESSION", "USER", "RESOURCE");
  private static final Set<String> ENGINE_VALUES = Set.of("on", "off", "detectiononly");
  private static final Set<String> BODY_PROCESSORS =
      Set.of("urlencoded", "multipart", "xml", "json");

  private ActionValues() {}

  static String check(String name, String value, String token, Location at) {
    switch (name) {
      case "id" -> {
        if (!isDigits(value) || value.length() > 18 || Long.parseLong(value) <= 0) {
          throw ParseErrors.at(
              at, token, "id is not a positive integer", "id:1 to id:" + Long.MAX_VALUE / 10);
        }
        return value;
      }
      case "phase" -> {
        return ActionParser.phaseDigit(value, token, at);
      }
      case "t" -> {
        return ActionParser.TRANSFORMATIONS
            .resolve(value)
            .orElseThrow(
                () ->
                    ParseErrors.at(
                        at,
                        token,
                        "unknown transformation" + ActionParser.TRANSFORMATIONS.didYouMean(value),
                        ActionParser.TRANSFORMATIONS.allowed()));
      }
      case "ctl" -> {
        return ctl(value, token, at);
      }
      case "severity" -> {
        if (!ActionParser.isSeverity(value)) {
          throw ParseErrors.at(
              at,
              token,
              "unknown severity",
              "0-7, EMERGENCY, ALERT, CRITICAL, ERROR, WARNING, NOTICE, INFO, DEBUG");
        }
        return value;
      }
      case "skip", "status", "maturity", "accuracy" -> {
        if (!isDigits(value)
            || value.length() > 9
            || (name.equals("skip") && Integer.parseInt(value) < 1)) {
          throw ParseErrors.at(
              at,
              token,
              name + " is not a " + (name.equals("skip") ? "positive " : "") + "number",
              name + ":N");
        }
        return value;
      }
      case "allow" -> {
        String v = value.toLowerCase(Locale.ROOT);
        if (!v.isEmpty() && !v.equals("phase") && !v.equals("request")) {
          throw ParseErrors.at(
              at, token, "unknown allow scope", "allow, allow:phase, allow:request");
        }
        return value;
      }
      case "setvar" -> {
        String target = value.startsWith("!") ? value.substring(1) : value;
        collectionOf(target, SETVAR_COLLECTIONS, token, at);
        int eq = target.indexOf('=');
        if (value.startsWith("!") && eq >= 0) {
          throw ParseErrors.at(at, token, "a deleting setvar with a value", "setvar:!col.key");
        }
        return value;
      }
      case "expirevar" -> {
        collectionOf(value, SETVAR_COLLECTIONS, token, at);
        return value;
      }
      case "initcol" -> {
        int eq = value.indexOf('=');
        String col = eq < 0 ? "" : value.substring(0, eq).trim().toUpperCase(Locale.ROOT);
        if (!PERSISTENT.contains(col) || eq == value.length() - 1) {
          throw ParseErrors.at(
              at,
              token,
              "initcol needs COLLECTION=key",
              "initcol:" + String.join("|", PERSISTENT) + "=key");
        }
        return value;
      }
      default -> {
        return value;
      }
    }
  }

  private static void collectionOf(String target, Set<String> allowed, String token, Location at) {
    int dot = target.indexOf('.');
    String col = dot < 0 ? "" : target.substring(0, dot).toUpperCase(Locale.ROOT);
    if (!allowed.contains(col) || dot == target.length() - 1) {
      throw ParseErrors.at(
          at,
          token,
          "expecting COLLECTION.key",
          "collections " + String.join(", ", allowed.stream().sorted().toList()));
    }
  }

  private static String ctl(String value, String token, Location at) {
    int eq = value.indexOf('=');
    String option = eq < 0 ? value : value.substring(0, eq);
    String canonical =
        ActionParser.CTL
            .resolve(option.trim())
            .orElseThrow(
                () ->
                    ParseErrors.at(
                        at,
                        token,
                        "unknown ctl option" + ActionParser.CTL.didYouMean(option),
                        ActionParser.CTL.allowed()));
    String argument = eq < 0 ? "" : value.substring(eq + 1).trim();
    if (argument.isEmpty()) {
      throw ParseErrors.at(at, token, "ctl option without a value", "ctl:" + canonical + "=VALUE");
    }
    String lower = argument.toLowerCase(Locale.ROOT);
    if (canonical.equals("ruleEngine") && !ENGINE_VALUES.contains(lower)) {
      throw ParseErrors.at(at, token, "unknown rule engine mode", "On, Off, DetectionOnly");
    }
    if (canonical.equals("requestBodyProcessor") && !BODY_PROCESSORS.contains(lower)) {
      throw ParseErrors.at(at, token, "unknown body processor", "URLENCODED, MULTIPART, XML, JSON");
    }
    if ((canonical.equals("requestBodyAccess") || canonical.equals("forceRequestBodyVariable"))
        && !lower.equals("on")
        && !lower.equals("off")
        && !lower.equals("true")
        && !lower.equals("false")) {
      throw ParseErrors.at(at, token, "not a switch", "On, Off");
    }
    return canonical + "=" + argument;
  }

  static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}

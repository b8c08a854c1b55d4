package dev.tdeveloper.security.waf.seclang;

import dev.tdeveloper.security.waf.EngineMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Collects the engine directives of one parse into {@link EngineSettings}; a later directive
 * overrides an earlier one, as in ModSecurity. {@code SecResponseBodyMimeType}: the first one
 * replaces the default list and later ones add to it; {@code SecResponseBodyMimeTypesClear} empties
 * it. Not thread-safe: one per parse.
 */
final class SettingsBuilder {
  private static final EngineSettings D = EngineSettings.defaults();
  private EngineMode ruleEngine = D.ruleEngine();
  private boolean requestBodyAccess = D.requestBodyAccess();
  private long requestBodyLimit = D.requestBodyLimit();
  private long requestBodyNoFilesLimit = D.requestBodyNoFilesLimit();
  private boolean requestBodyLimitReject = D.requestBodyLimitReject();
  private boolean responseBodyAccess = D.responseBodyAccess();
  private long responseBodyLimit = D.responseBodyLimit();
  private boolean responseBodyLimitReject = D.responseBodyLimitReject();
  private final Set<String> mimeTypes = new LinkedHashSet<>(D.responseBodyMimeTypes());
  private boolean mimeTypesSet;
  private long collectionTimeout = D.collectionTimeoutSeconds();
  private char argumentSeparator = D.argumentSeparator();
  private final List<String> signatures = new ArrayList<>();

  /** Applies one engine directive; false when the name is not an engine directive. */
  boolean apply(String name, Directive dir) {
    switch (name) {
      case "SecRuleEngine" -> {
        String v = one(dir);
        ruleEngine =
            switch (v.toLowerCase(Locale.ROOT)) {
              case "on" -> EngineMode.ON;
              case "off" -> EngineMode.OFF;
              case "detectiononly" -> EngineMode.DETECTION_ONLY;
              default -> throw bad(dir, v, "On, Off, DetectionOnly");
            };
      }
      case "SecRequestBodyAccess" -> requestBodyAccess = onOff(dir);
      case "SecResponseBodyAccess" -> responseBodyAccess = onOff(dir);
      case "SecRequestBodyLimit" -> requestBodyLimit = number(dir);
      case "SecRequestBodyNoFilesLimit" -> requestBodyNoFilesLimit = number(dir);
      case "SecResponseBodyLimit" -> responseBodyLimit = number(dir);
      case "SecCollectionTimeout" -> collectionTimeout = number(dir);
      case "SecRequestBodyLimitAction" -> requestBodyLimitReject = reject(dir);
      case "SecResponseBodyLimitAction" -> responseBodyLimitReject = reject(dir);
      case "SecResponseBodyMimeType" -> {
        if (dir.args().isEmpty()) {
          throw bad(dir, dir.name(), "one or more MIME types");
        }
        if (!mimeTypesSet) {
          mimeTypes.clear();
          mimeTypesSet = true;
        }
        for (String arg : dir.args()) {
          for (String type : arg.trim().split("[ \t]+")) {
            if (!type.isEmpty()) {
              mimeTypes.add(type.toLowerCase(Locale.ROOT));
            }
          }
        }
      }
      case "SecResponseBodyMimeTypesClear" -> {
        if (!dir.args().isEmpty()) {
          throw bad(dir, dir.args().get(0), "no argument");
        }
        mimeTypes.clear();
        mimeTypesSet = true;
      }
      case "SecArgumentSeparator" -> {
        String v = one(dir);
        if (v.length() != 1) {
          throw bad(dir, v, "one character, such as & or ;");
        }
        argumentSeparator = v.charAt(0);
      }
      case "SecComponentSignature" -> signatures.add(one(dir));
      default -> {
        return false;
      }
    }
    return true;
  }

  EngineSettings build() {
    return new EngineSettings(
        ruleEngine,
        requestBodyAccess,
        requestBodyLimit,
        requestBodyNoFilesLimit,
        requestBodyLimitReject,
        responseBodyAccess,
        responseBodyLimit,
        responseBodyLimitReject,
        mimeTypes,
        collectionTimeout,
        argumentSeparator,
        signatures);
  }

  static String one(Directive dir) {
    if (dir.args().size() != 1) {
      throw ParseErrors.at(
          dir.location(),
          dir.name(),
          "expects 1 argument, got " + dir.args().size(),
          dir.name() + " VALUE");
    }
    return dir.args().get(0);
  }

  private static boolean onOff(Directive dir) {
    String v = one(dir);
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "on" -> true;
      case "off" -> false;
      default -> throw bad(dir, v, "On, Off");
    };
  }

  private static boolean reject(Directive dir) {
    String v = one(dir);
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "reject" -> true;
      case "processpartial" -> false;
      default -> throw bad(dir, v, "Reject, ProcessPartial");
    };
  }

  private static long number(Directive dir) {
    String v = one(dir);
    if (!ActionValues.isDigits(v) || v.length() > 18) {
      throw bad(dir, v, "a number of bytes (or seconds), 0 to 999999999999999999");
    }
    return Long.parseLong(v);
  }

  private static RuntimeException bad(Directive dir, String value, String allowed) {
    return ParseErrors.at(dir.location(), dir.name() + " " + value, "invalid value", allowed);
  }
}

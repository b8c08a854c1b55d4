package dev.tdeveloper.security.waf.engine;

import java.util.Map;

/**
 * The targets of a collection variable's keys ({@code REQUEST_HEADERS:user-agent}), their names
 * built once per distinct key and kept ({@link StringMemo}): requests send the same header and
 * argument names again and again, and each request would otherwise build every name anew.
 * Thread-safe.
 */
final class KeyedTargets {
  private static final Map<String, KeyedTargets> BY_VARIABLE;

  static {
    java.util.HashMap<String, KeyedTargets> m = new java.util.HashMap<>();
    for (String v :
        new String[] {
          "ARGS",
          "ARGS_GET",
          "ARGS_POST",
          "ARGS_NAMES",
          "ARGS_GET_NAMES",
          "ARGS_POST_NAMES",
          "REQUEST_HEADERS",
          "REQUEST_HEADERS_NAMES",
          "RESPONSE_HEADERS",
          "RESPONSE_HEADERS_NAMES",
          "REQUEST_COOKIES",
          "REQUEST_COOKIES_NAMES"
        }) {
      m.put(v, new KeyedTargets(v));
    }
    BY_VARIABLE = Map.copyOf(m);
  }

  // Each key's target with the key as its value, as the _NAMES variables select it.
  private final StringMemo<Target> named;

  private KeyedTargets(String variable) {
    this.named = new StringMemo<>(k -> new Target(variable + ":" + k, k, k));
  }

  /**
   * The targets of a collection variable.
   *
   * @param variable one of the variables {@link RequestVariables} derives by key ({@code ARGS},
   *     {@code REQUEST_HEADERS_NAMES}...)
   * @return its targets
   * @throws IllegalArgumentException for any other name
   */
  static KeyedTargets of(String variable) {
    KeyedTargets t = BY_VARIABLE.get(variable);
    if (t == null) {
      throw new IllegalArgumentException(variable + ": not a keyed request variable");
    }
    return t;
  }

  /**
   * The target of a key.
   *
   * @param key the key
   * @param value the value
   * @return the target named {@code VARIABLE:key}
   */
  Target target(String key, String value) {
    Target t = named.get(key);
    return value.equals(key) ? t : new Target(t.name(), key, value);
  }
}

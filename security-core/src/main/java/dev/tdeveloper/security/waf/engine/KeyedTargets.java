package dev.tdeveloper.security.waf.engine;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The targets of a collection variable's keys ({@code REQUEST_HEADERS:user-agent}), their names
 * built once per distinct key and kept ({@link StringMemo}): requests send the same header and
 * argument names again and again, and each request would otherwise build every name anew.
 * Thread-safe.
 */
final class KeyedTargets {
  // By variable: RequestVariables asks for its dozen collection variables only.
  private static final ConcurrentHashMap<String, KeyedTargets> BY_VARIABLE =
      new ConcurrentHashMap<>();

  // Each key's target with the key as its value, as the _NAMES variables select it.
  private final StringMemo<Target> named;

  private KeyedTargets(String variable) {
    this.named = new StringMemo<>(k -> new Target(variable + ":" + k, k, k));
  }

  /**
   * The targets of a collection variable.
   *
   * @param variable one of the variables {@link RequestVariables} derives by key ({@code ARGS},
   *     {@code REQUEST_HEADERS_NAMES}...), upper case
   * @return its targets
   */
  static KeyedTargets of(String variable) {
    return BY_VARIABLE.computeIfAbsent(variable, KeyedTargets::new);
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

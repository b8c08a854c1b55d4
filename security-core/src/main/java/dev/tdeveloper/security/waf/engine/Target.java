package dev.tdeveloper.security.waf.engine;

import java.util.Objects;

/**
 * One value a rule's variable yields in a transaction.
 *
 * @param name the name as {@code MATCHED_VAR_NAME} spells it: {@code ARGS:id}, {@code
 *     REQUEST_HEADERS:User-Agent}, {@code REQUEST_URI}, {@code TX:anomaly_score}, {@code XML:/*}
 * @param key the key within its collection ({@code id}, {@code User-Agent}); the variable name for
 *     single variables. Exclusions ({@code !ARGS:foo}) and {@code ctl:ruleRemoveTargetById} match
 *     it case-insensitively
 * @param value the byte-string value
 */
public record Target(String name, String key, String value) {
  /** Validates. */
  public Target {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}

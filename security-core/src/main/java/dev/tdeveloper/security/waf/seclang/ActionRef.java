package dev.tdeveloper.security.waf.seclang;

import java.util.Objects;

/**
 * One action of a rule as written: {@code deny}, {@code phase:2}, {@code t:lowercase}, {@code
 * setvar:'tx.score=+%{tx.critical_anomaly_score}'}, {@code ctl:ruleRemoveById=942100}.
 *
 * @param name the action name as {@link SecLangNames#ACTIONS} spells it
 * @param value the argument after the first colon with its quotes removed; empty when none
 */
public record ActionRef(String name, String value) {
  /** Validates. */
  public ActionRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.isEmpty() ? name : name + ":" + value;
  }
}

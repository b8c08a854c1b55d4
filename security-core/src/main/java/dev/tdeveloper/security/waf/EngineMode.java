package dev.tdeveloper.security.waf;

/** {@code SecRuleEngine}: whether rules run, and whether their disruptive actions take effect. */
public enum EngineMode {
  /** Rules run and disruptive actions (deny, drop, block with a deny default) interrupt. */
  ON,
  /** Rules run and log; nothing is interrupted. */
  DETECTION_ONLY,
  /** No rule runs. */
  OFF
}

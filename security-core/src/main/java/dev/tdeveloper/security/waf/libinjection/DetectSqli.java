package dev.tdeveloper.security.waf.libinjection;

import dev.tdeveloper.security.waf.operator.Operator;
import dev.tdeveloper.security.waf.operator.OperatorContext;
import java.util.Optional;

/**
 * The {@code @detectSQLi} operator: matches when {@link SqlInjection#detect} finds SQL injection;
 * with the rule's {@code capture} action it stores the fingerprint in {@code TX:0}, as ModSecurity
 * v3 does (CRS 942100 and 942101 log it as "Matched Data: %{TX.0}"). The operator takes no
 * parameter. Thread-safe and stateless; never throws.
 */
public final class DetectSqli implements Operator {
  /** The shared instance. */
  public static final DetectSqli INSTANCE = new DetectSqli();

  private DetectSqli() {}

  @Override
  public boolean evaluate(OperatorContext ctx, String input) {
    Optional<String> fingerprint = SqlInjection.detect(input);
    if (fingerprint.isEmpty()) {
      return false;
    }
    if (ctx.capturing()) {
      ctx.capture(0, fingerprint.get());
    }
    return true;
  }
}

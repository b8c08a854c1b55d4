package dev.tdeveloper.security.waf.libinjection;

import dev.tdeveloper.security.waf.operator.Operator;
import dev.tdeveloper.security.waf.operator.OperatorContext;

/**
 * The {@code @detectXSS} operator: matches when {@link CrossSiteScripting#detect} finds cross-site
 * scripting. libinjection's XSS check yields no fingerprint, so, as ModSecurity v3 does, with the
 * rule's {@code capture} action the whole (transformed) input is stored in {@code TX:0} (CRS 941101
 * logs it as "Matched Data: %{TX.0}"). The operator takes no parameter. Thread-safe and stateless;
 * never throws.
 */
public final class DetectXss implements Operator {
  /** The shared instance. */
  public static final DetectXss INSTANCE = new DetectXss();

  private DetectXss() {}

  @Override
  public boolean evaluate(OperatorContext ctx, String input) {
    if (!CrossSiteScripting.detect(input)) {
      return false;
    }
    if (ctx.capturing()) {
      ctx.capture(0, input);
    }
    return true;
  }
}

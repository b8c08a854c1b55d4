package dev.tdeveloper.benchmarks.waf;

import dev.tdeveloper.security.waf.operator.OperatorContext;
import java.util.Map;

/**
 * The context of an operator run outside a transaction: no macros, no capture, nothing recorded.
 * Stateless and thread-safe.
 */
final class NoCaptureContext implements OperatorContext {
  static final NoCaptureContext INSTANCE = new NoCaptureContext();

  private NoCaptureContext() {}

  @Override
  public String expand(String text) {
    return text;
  }

  @Override
  public boolean capturing() {
    return false;
  }

  @Override
  public void capture(int index, String value) {}

  @Override
  public void geo(Map<String, String> fields) {}

  @Override
  public void regexLimitExceeded(String pattern) {}
}

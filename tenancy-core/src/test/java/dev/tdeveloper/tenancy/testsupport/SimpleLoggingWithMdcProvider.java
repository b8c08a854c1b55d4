package dev.tdeveloper.tenancy.testsupport;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * An slf4j provider for tests: logs like slf4j-simple but keeps a working MDC ({@link
 * BasicMDCAdapter}), since slf4j-simple's MDC is a no-op and MDC propagation must be testable.
 * Selected with the system property {@code slf4j.provider}, set by the surefire configuration.
 *
 * <p>Thread-safe, as slf4j providers are.
 */
public final class SimpleLoggingWithMdcProvider extends SimpleServiceProvider {
  private final MDCAdapter mdc = new BasicMDCAdapter();

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }
}

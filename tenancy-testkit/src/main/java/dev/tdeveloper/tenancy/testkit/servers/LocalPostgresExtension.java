package dev.tdeveloper.tenancy.testkit.servers;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts the JVM's shared {@link LocalPostgres} before the first test class
 * that uses it and injects it into constructors, lifecycle methods and tests that declare a {@link
 * LocalPostgres} parameter:
 *
 * <pre>{@code
 * @ExtendWith(LocalPostgresExtension.class)
 * class MyStoreTest {
 *   @Test
 *   void works(LocalPostgres postgres) { ... postgres.jdbcUrl() ... }
 * }
 * }</pre>
 *
 * <p>The server is registered in the root extension context, so JUnit stops it when the test plan
 * ends (an {@link AutoCloseable} store value); the shutdown hook and watchdog of {@link
 * LocalPostgres#shared()} cover the rest. A missing server binary fails the test class with the
 * Debian package to install; tests never skip. Thread-safe.
 */
public final class LocalPostgresExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalPostgresExtension.class);

  /** Creates the extension; JUnit calls this. */
  public LocalPostgresExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    server(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalPostgres.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server(context);
  }

  private static LocalPostgres server(ExtensionContext context) {
    // An AutoCloseable value in the root store is closed by JUnit when the test plan ends.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            LocalPostgres.class, type -> LocalPostgres.shared(), LocalPostgres.class);
  }
}

package dev.tdeveloper.tenancy.testkit.servers;

import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that hands tests the JVM's shared {@link LocalRedis}: register it with
 * {@code @ExtendWith(LocalRedisExtension.class)} and declare a {@link LocalRedis} or a {@link URI}
 * ({@code redis://127.0.0.1:<port>}) parameter on a constructor, test or lifecycle method. The
 * server starts on first use and stops when the test run ends (the root context's store closes it;
 * the JVM's shutdown hook is the backstop). Backend modules build their driver's client from the
 * URI, so this kit does not depend on any Redis client.
 *
 * <p>Tests that stop the server use their own {@link LocalRedis#startNew()} instead. Stateless and
 * thread-safe.
 */
public final class LocalRedisExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalRedisExtension.class);

  /** Creates the extension; JUnit calls this. */
  public LocalRedisExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalRedis.class || type == URI.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LocalRedis redis =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(
                Shared.class, key -> new Shared(LocalRedis.shared()), Shared.class)
            .redis();
    return parameter.getParameter().getType() == URI.class ? redis.uri() : redis;
  }

  /** The shared server as a value of the root store, closed when the test run ends. */
  private record Shared(LocalRedis redis) implements AutoCloseable {
    @Override
    public void close() {
      redis.close();
    }
  }
}

package dev.tdeveloper.aws.testkit.s3;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension handing tests the JVM's shared local S3 servers: register it with
 * {@code @ExtendWith(LocalS3Extension.class)} and declare a {@link LocalS3Mock} or {@link
 * LocalS3rver} parameter on a constructor, test or lifecycle method. Each server starts on first
 * use and stops when the test run ends (the root context's store closes it; the JVM's shutdown hook
 * is the backstop). Stateless and thread-safe.
 */
public final class LocalS3Extension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalS3Extension.class);

  /** Creates the extension; JUnit calls this. */
  public LocalS3Extension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalS3Mock.class || type == LocalS3rver.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    S3ServerKind kind = type == LocalS3Mock.class ? S3ServerKind.S3MOCK : S3ServerKind.S3RVER;
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(kind, key -> new Shared(kind.shared()), Shared.class)
        .server();
  }

  /** A shared server as a value of the root store, closed when the test run ends. */
  private record Shared(LocalS3Server server) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
    }
  }
}

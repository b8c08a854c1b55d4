package dev.tdeveloper.observability.otel;

import io.opentelemetry.api.common.AttributeKey;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP server semantic-convention attributes (stable since semconv 1.23) this module sets, and
 * the rules for span names and methods. Stateless.
 */
final class HttpSemconv {
  static final AttributeKey<String> HTTP_REQUEST_METHOD =
      AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> HTTP_REQUEST_METHOD_ORIGINAL =
      AttributeKey.stringKey("http.request.method_original");
  static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE =
      AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
  static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
  static final AttributeKey<String> URL_SCHEME = AttributeKey.stringKey("url.scheme");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");
  static final AttributeKey<String> NETWORK_PROTOCOL_VERSION =
      AttributeKey.stringKey("network.protocol.version");
  static final AttributeKey<String> USER_AGENT = AttributeKey.stringKey("user_agent.original");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  /** The method name used for methods outside {@link #KNOWN_METHODS}: {@value}. */
  static final String OTHER_METHOD = "_OTHER";

  /** The longest path put into a span name, in characters: {@value}. */
  static final int MAX_NAME_PATH = 200;

  private static final Set<String> KNOWN_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  private HttpSemconv() {}

  /**
   * Returns the method as the conventions record it: known methods as is, others {@code _OTHER}.
   */
  static String method(String method) {
    return method != null && KNOWN_METHODS.contains(method) ? method : OTHER_METHOD;
  }

  /** Returns {@code METHOD target}, with {@code HTTP} for an unknown method. */
  static String spanName(String method, String target) {
    String name = OTHER_METHOD.equals(method) ? "HTTP" : method;
    String cut = target.length() > MAX_NAME_PATH ? target.substring(0, MAX_NAME_PATH) : target;
    return cut.isEmpty() ? name : name + " " + cut;
  }

  /** Returns {@code HTTP/1.1} as {@code 1.1}, or empty when the protocol is not HTTP. */
  static Optional<String> protocolVersion(String protocol) {
    if (protocol != null && protocol.startsWith("HTTP/") && protocol.length() > 5) {
      return Optional.of(protocol.substring(5));
    }
    return Optional.empty();
  }

  /**
   * The default route: the context path plus the pattern of the servlet mapping that matched
   * ({@code /app/notes/*}, {@code *.jsp}), or empty for the default servlet, whose pattern {@code
   * /} says nothing about the path.
   */
  static Optional<String> servletRoute(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    if (mapping == null || mapping.getMappingMatch() == null) {
      return Optional.empty();
    }
    String context = request.getContextPath() == null ? "" : request.getContextPath();
    return switch (mapping.getMappingMatch()) {
      case CONTEXT_ROOT -> Optional.of(context + "/");
      case EXACT, PATH -> Optional.of(context + mapping.getPattern());
      case EXTENSION -> Optional.of(context + "/" + mapping.getPattern());
      case DEFAULT -> Optional.empty();
    };
  }
}

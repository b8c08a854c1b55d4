package dev.tdeveloper.web.health;

import dev.tdeveloper.scaling.health.HealthCheckRegistry;
import dev.tdeveloper.scaling.health.HealthReport;
import dev.tdeveloper.web.problem.ProblemDetails;
import dev.tdeveloper.web.problem.ProblemWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Health probes for Kubernetes and load balancers. Mount it at a prefix such as {@code /health/*};
 * the last path segment picks the group: {@code /live} the {@value HealthCheckRegistry#LIVENESS}
 * group, {@code /ready} {@value HealthCheckRegistry#READINESS}, {@code /started} {@value
 * HealthCheckRegistry#STARTUP}, and {@code /<name>} any group of the registry by its name.
 *
 * <table>
 *   <caption>Responses</caption>
 *   <tr><th>situation</th><th>status</th><th>body</th></tr>
 *   <tr><td>group UP or UNKNOWN</td><td>200</td><td>{@code application/json} report</td></tr>
 *   <tr><td>group DOWN or OUT_OF_SERVICE</td><td>503</td><td>{@code application/json}
 *       report</td></tr>
 *   <tr><td>no group at that path</td><td>404</td><td>problem {@code
 *       unknown-health-group}</td></tr>
 *   <tr><td>a method other than GET or HEAD</td><td>405 (with {@code Allow: GET, HEAD})</td>
 *       <td>problem {@code method-not-allowed}</td></tr>
 * </table>
 *
 * <p>The report shows the status alone unless {@link HealthServletBuilder#showDetails(boolean)} is
 * on, as Actuator's {@code show-details=never} default. Every response carries {@code
 * Cache-Control: no-store} so no proxy answers a probe from a stale copy. HEAD answers the same
 * status and headers without a body. Thread-safe and immutable.
 */
public final class HealthServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** The media type of a health report: {@value}. */
  public static final String MEDIA_TYPE = "application/json";

  private static final ProblemDetails METHOD_NOT_ALLOWED =
      ProblemDetails.of(ProblemDetails.typeOf("method-not-allowed"), "Method not allowed", 405)
          .withDetail("health probes answer GET and HEAD only");

  private final transient HealthCheckRegistry registry;
  private final transient boolean showDetails;
  private final transient ProblemWriter problemWriter;
  private final transient Map<String, String> routes;
  private final transient ProblemDetails unknownGroup;

  HealthServlet(HealthServletBuilder builder) {
    this.registry = builder.registry;
    this.showDetails = Boolean.TRUE.equals(builder.showDetails);
    this.problemWriter =
        builder.problemWriter == null ? ProblemWriter.create() : builder.problemWriter;
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("live", HealthCheckRegistry.LIVENESS);
    paths.put("ready", HealthCheckRegistry.READINESS);
    paths.put("started", HealthCheckRegistry.STARTUP);
    registry.groups().forEach(group -> paths.putIfAbsent(group, group));
    this.routes = Map.copyOf(paths);
    this.unknownGroup =
        ProblemDetails.of(
                ProblemDetails.typeOf("unknown-health-group"), "Unknown health group", 404)
            .withDetail(
                "no health group at this path; known: " + String.join(", ", paths.keySet()));
  }

  /**
   * Returns a builder; a registry is required.
   *
   * @return a new builder
   */
  public static HealthServletBuilder builder() {
    return new HealthServletBuilder();
  }

  /**
   * Answers the probe as described in the class documentation.
   *
   * @throws IOException if writing the response fails
   */
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String method = request.getMethod();
    boolean head = "HEAD".equals(method);
    if (!head && !"GET".equals(method)) {
      response.setHeader("Allow", "GET, HEAD");
      problemWriter.write(response, METHOD_NOT_ALLOWED);
      return;
    }
    Optional<String> group = groupOf(request);
    if (group.isEmpty()) {
      problemWriter.write(response, unknownGroup);
      return;
    }
    HealthReport report = registry.report(group.get());
    byte[] body =
        (showDetails ? report.toJson() : report.toStatusJson()).getBytes(StandardCharsets.UTF_8);
    response.setStatus(
        report.status().isFailing()
            ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
            : HttpServletResponse.SC_OK);
    response.setContentType(MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    if (!head) {
      response.getOutputStream().write(body);
    }
  }

  private Optional<String> groupOf(HttpServletRequest request) {
    String path = request.getPathInfo();
    if (path == null) {
      // Mapped to an exact path such as /health/ready: the last segment names the group.
      String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
      path = servletPath.substring(Math.max(0, servletPath.lastIndexOf('/')));
    }
    if (path.length() < 2 || path.charAt(0) != '/' || path.indexOf('/', 1) >= 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(routes.get(path.substring(1)));
  }

  @Override
  public String toString() {
    return "HealthServlet[routes=" + routes + ", showDetails=" + showDetails + "]";
  }
}

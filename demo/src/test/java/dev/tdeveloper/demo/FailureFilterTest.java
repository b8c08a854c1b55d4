package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.demo.notes.NotesException;
import dev.tdeveloper.tenancy.spi.UsageStoreException;
import dev.tdeveloper.web.audit.AuditFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.NoSuchFileException;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's failure answers on a real Jetty, with {@link FailureFilter} outermost and {@link
 * ProblemErrorHandler} on the server and context, as {@link DemoApp} wires them: servlets throw
 * what the stores throw (the exact message the load test's full disk produced, naming the data
 * directory), or answer 503 themselves.
 */
class FailureFilterTest {
  private static final String DATA = "/srv/demo-data-7f3a";
  private static final String REQUEST_ID = "req-42";

  private Server server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addFilter(
        new FilterHolder(new FailureFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addFilter(new FilterHolder(new RequestIds()), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.setErrorHandler(new ProblemErrorHandler());
    servlet(
        context,
        "/usage-full",
        (req, resp) -> {
          throw new UsageStoreException(
              "usage store " + DATA + "/usage failed earlier and refuses appends; reopen it",
              new IOException("No space left on device"));
        });
    servlet(
        context,
        "/notes-wrapped",
        (req, resp) -> {
          throw new ServletException(
              "handler failed",
              new NotesException(
                  "notes journal " + DATA + "/notes/acme.notes is unwritable", null));
        });
    servlet(
        context,
        "/file-gone",
        (req, resp) -> {
          throw new UncheckedIOException(
              "cannot write " + DATA + "/waf/policy",
              new NoSuchFileException(DATA + "/waf/policy"));
        });
    servlet(
        context,
        "/bug",
        (req, resp) -> {
          throw new IllegalStateException("tenant 'acme' has no notes space under " + DATA);
        });
    servlet(context, "/own-503", (req, resp) -> resp.setStatus(503));
    servlet(
        context,
        "/own-retry-after",
        (req, resp) -> {
          resp.setHeader("Retry-After", "30");
          resp.setStatus(503);
        });
    servlet(
        context,
        "/503-then-200",
        (req, resp) -> {
          resp.setStatus(503);
          resp.setStatus(200);
        });
    servlet(context, "/send-503", (req, resp) -> resp.sendError(503, "backend " + DATA + " down"));
    servlet(
        context,
        "/committed-then-full",
        (req, resp) -> {
          resp.getOutputStream().write("partial".getBytes(java.nio.charset.StandardCharsets.UTF_8));
          resp.flushBuffer();
          throw new UsageStoreException("usage store " + DATA + "/usage failed", null);
        });
    server.setHandler(context);
    server.setErrorHandler(new ProblemErrorHandler());
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  @Test
  void aStorageFailureAnswers503ProblemWithRetryAfterAndNoPathOrExceptionText() throws Exception {
    for (String path : List.of("/usage-full", "/notes-wrapped", "/file-gone")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(503);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(path)
          .hasValue("application/problem+json");
      assertThat(response.headers().firstValue("Retry-After")).as(path).hasValue("5");
      JsonNode problem = Json.MAPPER.readTree(response.body());
      assertThat(problem.path("status").asInt()).isEqualTo(503);
      assertThat(problem.path("title").asText()).isEqualTo("Storage unavailable");
      assertThat(problem.path("detail").asText()).isEqualTo("storage unavailable");
      assertThat(problem.path("requestId").asText()).isEqualTo(REQUEST_ID);
      assertThat(problem.path("retryAfterSeconds").asLong()).isEqualTo(5);
      assertLeaksNothing(path, response);
    }
  }

  @Test
  void anUnexpectedExceptionAnswers500ProblemWithoutDetail() throws Exception {
    HttpResponse<String> response = get("/bug");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    JsonNode problem = Json.MAPPER.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(500);
    assertThat(problem.path("title").asText()).isEqualTo("Server Error");
    assertThat(problem.has("detail")).isFalse();
    assertThat(problem.path("requestId").asText()).isEqualTo(REQUEST_ID);
    assertLeaksNothing("/bug", response);
    assertThat(response.body()).doesNotContain("acme", "notes space");
  }

  @Test
  void every503GetsRetryAfterUnlessItSetItsOwn() throws Exception {
    assertThat(get("/own-503").headers().firstValue("Retry-After")).hasValue("5");
    assertThat(get("/own-retry-after").headers().allValues("Retry-After")).containsExactly("30");
    HttpResponse<String> recovered = get("/503-then-200");
    assertThat(recovered.statusCode()).isEqualTo(200);
    assertThat(recovered.headers().firstValue("Retry-After")).isEmpty();
    HttpResponse<String> sent = get("/send-503");
    assertThat(sent.statusCode()).isEqualTo(503);
    assertThat(sent.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(sent.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Json.MAPPER.readTree(sent.body()).path("title").asText())
        .isEqualTo("Service Unavailable");
    assertLeaksNothing("/send-503", sent);
  }

  @Test
  void jettysOwnErrorsAreProblemsToo() throws Exception {
    HttpResponse<String> missing = get("/no-such-route");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Json.MAPPER.readTree(missing.body()).path("title").asText()).isEqualTo("Not Found");
    assertThat(missing.body()).doesNotContain("no-such-route", "<html");
  }

  @Test
  void aStorageFailureAfterTheResponseWasCommittedIsNotRewritten() throws Exception {
    HttpResponse<String> response;
    try {
      response = get("/committed-then-full");
    } catch (IOException aborted) {
      return; // Jetty aborted the connection: the client already had its status
    }
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("partial").doesNotContain("storage", DATA);
  }

  private void assertLeaksNothing(String path, HttpResponse<String> response) {
    String headers = response.headers().map().toString();
    for (String secret : List.of(DATA, "Exception", "java.", "\tat ", "<html")) {
      assertThat(response.body()).as(path + " body").doesNotContain(secret);
      assertThat(headers).as(path + " headers").doesNotContain(secret);
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void servlet(ServletContextHandler context, String path, Handler handler) {
    context.addServlet(
        new ServletHolder(
            new HttpServlet() {
              private static final long serialVersionUID = 1L;

              @Override
              protected void doGet(HttpServletRequest req, HttpServletResponse resp)
                  throws IOException, ServletException {
                handler.handle(req, resp);
              }
            }),
        path);
  }

  @FunctionalInterface
  private interface Handler {
    void handle(HttpServletRequest req, HttpServletResponse resp)
        throws IOException, ServletException;
  }

  /** Assigns the request id as {@link AuditFilter} does, without an audit log. */
  private static final class RequestIds extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(
        HttpServletRequest req, HttpServletResponse resp, jakarta.servlet.FilterChain chain)
        throws IOException, ServletException {
      req.setAttribute(AuditFilter.REQUEST_ID_ATTRIBUTE, REQUEST_ID);
      resp.setHeader(AuditFilter.REQUEST_ID_HEADER, REQUEST_ID);
      chain.doFilter(req, resp);
    }
  }
}

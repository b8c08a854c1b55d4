package dev.tdeveloper.demo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The counter's filters in a real servlet chain: a stand-in shield refuses requests carrying {@code
 * X-Refuse: <status>}, a stand-in tenant filter binds {@code X-Tenant}, and the servlet answers the
 * status {@code X-Status} asks for, or throws.
 */
class TrafficFiltersTest {
  private final ManualClock clock = new ManualClock();
  private final TrafficCounter counter = new TrafficCounter(clock);
  private final HttpClient http = HttpClient.newHttpClient();
  private Server server;
  private int port;

  @BeforeEach
  void start() throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    add(
        context,
        counter.countingShield(
            (req, resp, chain) -> {
              String refuse = ((HttpServletRequest) req).getHeader("X-Refuse");
              if (refuse != null) {
                ((HttpServletResponse) resp).sendError(Integer.parseInt(refuse));
              } else {
                chain.doFilter(req, resp);
              }
            }));
    add(
        context,
        (req, resp, chain) -> {
          String tenant = ((HttpServletRequest) req).getHeader("X-Tenant");
          if (tenant == null) {
            chain.doFilter(req, resp);
          } else {
            try (TenantContext.Scope scope = TenantContext.open(TenantId.of(tenant))) {
              chain.doFilter(req, resp);
            }
          }
        });
    add(context, counter.tenantFilter());
    context.addServlet(
        new ServletHolder(
            new HttpServlet() {
              private static final long serialVersionUID = 1L;

              @Override
              protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
                String status = req.getHeader("X-Status");
                if ("throw".equals(status)) {
                  throw new IllegalStateException("handler failed");
                }
                resp.setStatus(status == null ? 200 : Integer.parseInt(status));
              }
            }),
        "/*");
    server.setHandler(context);
    server.start();
    port = connector.getLocalPort();
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  private static void add(ServletContextHandler context, Filter filter) {
    context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
  }

  private int get(Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/x"));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void countsEachTenantsRequestsByTheStatusAnswered() throws Exception {
    get(Map.of("X-Tenant", "acme"));
    get(Map.of("X-Tenant", "acme", "X-Status", "429"));
    get(Map.of("X-Tenant", "acme", "X-Status", "404"));
    get(Map.of("X-Tenant", "acme", "X-Status", "throw"));
    get(Map.of("X-Tenant", "globex", "X-Status", "503"));
    get(Map.of());

    assertThat(counter.tenant(TenantId.of("acme"))).isEqualTo(new TrafficCounts(4, 1, 1, 1, 60));
    assertThat(counter.tenant(TenantId.of("globex"))).isEqualTo(new TrafficCounts(1, 1, 0, 0, 60));
  }

  @Test
  void countsOnlyWhatTheShieldRefusedAndByStatus() throws Exception {
    assertThat(get(Map.of("X-Refuse", "429"))).isEqualTo(429);
    get(Map.of("X-Refuse", "429"));
    get(Map.of("X-Refuse", "403"));
    get(Map.of("X-Refuse", "503"));
    get(Map.of("X-Refuse", "400"));
    get(
        Map.of(
            "X-Tenant", "acme", "X-Status", "429")); // refused after the shield: not the shield's
    get(Map.of("X-Status", "503"));

    assertThat(counter.shieldRefusals())
        .containsEntry("total", 5L)
        .containsEntry("429", 2L)
        .containsEntry("403", 1L)
        .containsEntry("503", 1L)
        .containsEntry("other", 1L);
    assertThat(counter.tenant(TenantId.of("acme")).rateLimited()).isEqualTo(1);
  }

  @Test
  void theCountingShieldPassesTheLifecycleToTheShield() throws Exception {
    List<String> calls = new ArrayList<>();
    Filter shield =
        new Filter() {
          @Override
          public void init(FilterConfig config) {
            calls.add("init");
          }

          @Override
          public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) {
            calls.add("filter");
          }

          @Override
          public void destroy() {
            calls.add("destroy");
          }
        };
    Filter counting = counter.countingShield(shield);
    counting.init(null);
    counting.destroy();
    assertThat(calls).containsExactly("init", "destroy");
    assertThatThrownBy(() -> counter.countingShield(null)).isInstanceOf(NullPointerException.class);
  }
}

package dev.tdeveloper.web.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.resolve.RequestView;
import dev.tdeveloper.web.testing.JettyServer;
import dev.tdeveloper.web.testing.RawHttp;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The request view over real Jetty requests, in an application deployed under {@code /app}. */
class ServletRequestViewTest {
  private static JettyServer server;

  /** Prints what the view sees, one {@code key=value} per line. */
  static final class ViewServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      RequestView view = ServletRequestView.of(request);
      String body =
          "host="
              + view.host()
              + "\npath="
              + view.path()
              + "\nheader="
              + view.header("x-CUSTOM").orElse("none")
              + "\nheaders="
              + view.headers("x-custom")
              + "\nmissingHeader="
              + view.header("X-Missing").orElse("none")
              + "\nsub="
              + view.verifiedClaim("sub").orElse("none")
              + "\ntenant="
              + view.verifiedClaim("tenant").orElse("none")
              + "\nnumeric="
              + view.verifiedClaim("numeric").orElse("none");
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      response.setContentLength(bytes.length);
      response.getOutputStream().write(bytes);
    }
  }

  @BeforeAll
  static void startServer() throws Exception {
    // Stands in for an authentication filter that verified a token when X-Auth is present.
    Filter auth =
        (request, response, chain) -> {
          if (((HttpServletRequest) request).getHeader("X-Auth") != null) {
            request.setAttribute(
                TenantFilter.VERIFIED_CLAIMS_ATTRIBUTE,
                Map.of("sub", "user-1", "tenant", "acme", "numeric", 42));
          }
          chain.doFilter(request, response);
        };
    server =
        JettyServer.start(
            "/app",
            context -> {
              context.addFilter(new FilterHolder(auth), "/*", EnumSet.of(DispatcherType.REQUEST));
              context.addServlet(new ServletHolder(new ViewServlet()), "/*");
            });
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void readsHostWithoutPortFromTheHostHeader() throws Exception {
    assertThat(server.get("/app/x", "Host", "acme.example.test:8443").body())
        .contains("host=acme.example.test\n");
  }

  @Test
  void readsRawPathRelativeToTheContextPath() throws Exception {
    assertThat(server.get("/app/t/caf%C3%A9/orders").body()).contains("path=/t/caf%C3%A9/orders\n");
    assertThat(server.get("/app/").body()).contains("path=/\n");
  }

  @Test
  void readsHeadersCaseInsensitively() throws Exception {
    String body = server.get("/app/x", "X-Custom", "value-1").body();

    assertThat(body).contains("header=value-1\n").contains("missingHeader=none\n");
  }

  @Test
  void readsEveryLineOfARepeatedHeaderInOrder() throws Exception {
    String body = server.get("/app/x", "X-Custom", "first", "x-custom", "second").body();

    assertThat(body).contains("header=first\n").contains("headers=[first, second]\n");
  }

  @Test
  void readsOnlyStringClaimsAVerifyingFilterStored() throws Exception {
    RawHttp.Response verified = server.get("/app/x", "X-Auth", "yes");
    RawHttp.Response anonymous = server.get("/app/x", "X-Tenant-Claim", "acme");

    assertThat(verified.body()).contains("sub=user-1\ntenant=acme\nnumeric=none");
    assertThat(anonymous.body()).contains("sub=none\ntenant=none\nnumeric=none");
  }
}

package dev.tdeveloper.demo.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The ops dashboard mounted in the demo: the page at {@value #PATH}, its assets under {@code
 * /admin/dashboard/assets/}, and the data it polls at {@value #DATA_PATH}. Thread-safe.
 *
 * <p><b>Authentication.</b> The page shell and its assets hold no data, so they are served without
 * the operator token: a browser cannot attach a bearer token to a navigation, and the token must
 * not travel in a URL the server sees (access logs, {@code Referer}). Every byte of data comes from
 * {@value #DATA_PATH}, which stays behind the operator filter (401 without the token). The page
 * reads the token from its URL fragment ({@code /admin/dashboard#token=...}, which browsers never
 * send to the server), keeps it in {@code sessionStorage}, removes it from the address bar and
 * sends it as {@code Authorization: Bearer} on each poll. The exemption is precise: {@link
 * #exemptingShell} lets only GET and HEAD requests that the container dispatched to the shell
 * servlet skip the operator filter, judged by the servlet the request was mapped to, not by
 * matching the path text, so no spelling of a path reaches anything else without the token.
 */
public final class OpsDashboard {
  /** Where the page is: {@value}. */
  public static final String PATH = "/admin/dashboard";

  /** Where its data is: {@value}. */
  public static final String DATA_PATH = "/admin/dashboard/data";

  private final DashboardData data;
  private final ObjectMapper mapper;

  /** Serves {@code data}, written with {@code mapper}. */
  public OpsDashboard(DashboardData data, ObjectMapper mapper) {
    this.data = Objects.requireNonNull(data, "data");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /** Maps the shell, its assets and the data endpoint into {@code context}. */
  public void mapServlets(ServletContextHandler context) {
    ServletHolder shell =
        new ServletHolder(DashboardShellServlet.NAME, new DashboardShellServlet());
    context.addServlet(shell, PATH);
    context.addServlet(shell, PATH + "/assets/*");
    context.addServlet(new ServletHolder(new DashboardDataServlet(data, mapper)), DATA_PATH);
  }

  /**
   * Wraps the operator filter so that GET and HEAD requests dispatched to the dashboard shell pass
   * without operator credentials; every other request meets {@code operators} unchanged.
   */
  public static Filter exemptingShell(Filter operators) {
    Objects.requireNonNull(operators, "operators");
    return new Filter() {
      @Override
      public void init(FilterConfig config) throws ServletException {
        operators.init(config);
      }

      @Override
      public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
          throws IOException, ServletException {
        if (isShell(request)) {
          chain.doFilter(request, response);
        } else {
          operators.doFilter(request, response, chain);
        }
      }

      @Override
      public void destroy() {
        operators.destroy();
      }
    };
  }

  private static boolean isShell(ServletRequest request) {
    if (!(request instanceof HttpServletRequest http)) {
      return false;
    }
    String method = http.getMethod();
    HttpServletMapping mapping = http.getHttpServletMapping();
    return ("GET".equals(method) || "HEAD".equals(method))
        && mapping != null
        && DashboardShellServlet.NAME.equals(mapping.getServletName());
  }
}

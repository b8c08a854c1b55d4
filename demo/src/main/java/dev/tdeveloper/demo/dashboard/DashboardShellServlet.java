package dev.tdeveloper.demo.dashboard;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Serves the dashboard's shell: {@code GET /admin/dashboard} answers the page and {@code GET
 * /admin/dashboard/assets/{dashboard.js,dashboard.css}} its script and style, all read once from
 * the jar; any other asset name is 404. They hold no data (the script fetches it with the operator
 * token), so they are served without one. A strict Content-Security-Policy allows only these
 * same-origin files and same-origin fetches, no inline script. Thread-safe and immutable.
 */
final class DashboardShellServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** The servlet's name; {@link OpsDashboard#exemptingShell} recognises the shell by it. */
  static final String NAME = "ops-dashboard-shell";

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final String RESOURCES = "/dev/tdeveloper/demo/dashboard/";

  private final transient Asset page = Asset.load("index.html", "text/html; charset=utf-8");
  private final transient Map<String, Asset> assets =
      Map.of(
          "/dashboard.js", Asset.load("dashboard.js", "text/javascript; charset=utf-8"),
          "/dashboard.css", Asset.load("dashboard.css", "text/css; charset=utf-8"));

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Asset asset =
        req.getServletPath().endsWith("/assets")
            ? assets.get(String.valueOf(req.getPathInfo()))
            : page;
    if (asset == null) {
      resp.sendError(404);
      return;
    }
    resp.setStatus(200);
    resp.setContentType(asset.contentType());
    resp.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("Referrer-Policy", "no-referrer");
    resp.setHeader("Cache-Control", "no-cache");
    resp.setContentLength(asset.bytes().length);
    resp.getOutputStream().write(asset.bytes());
  }

  private record Asset(byte[] bytes, String contentType) {
    static Asset load(String name, String contentType) {
      try (InputStream in = DashboardShellServlet.class.getResourceAsStream(RESOURCES + name)) {
        if (in == null) {
          throw new IllegalStateException(
              "dashboard asset " + RESOURCES + name + " is not in the jar");
        }
        return new Asset(in.readAllBytes(), contentType);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read dashboard asset " + RESOURCES + name, e);
      }
    }
  }
}

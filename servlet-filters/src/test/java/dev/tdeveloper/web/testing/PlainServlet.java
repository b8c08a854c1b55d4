package dev.tdeveloper.web.testing;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Answers {@code ok tenant=<bound> ip=<attribute>} without a {@code Content-Length}, so the
 * response completes only after every filter has returned (tests can then check what filters do
 * after the chain). Under {@code /boom} it throws; under {@code /fail} it answers 500; under {@code
 * /hold/X} it counts down the latch {@code X-entered} and waits for {@code X-release} (up to 10 s);
 * other actions can be registered with {@link #onPath}.
 */
public final class PlainServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient ConcurrentHashMap<String, CountDownLatch> latches =
      new ConcurrentHashMap<>();
  private final transient ConcurrentHashMap<String, Runnable> actions = new ConcurrentHashMap<>();
  private final String ipAttribute;

  /** Creates a servlet echoing the request attribute {@code ipAttribute}. */
  public PlainServlet(String ipAttribute) {
    this.ipAttribute = ipAttribute;
  }

  /** Returns the latch called {@code name}, created on first use with a count of one. */
  public CountDownLatch latch(String name) {
    return latches.computeIfAbsent(name, n -> new CountDownLatch(1));
  }

  /** Runs {@code action} when a request for {@code path} is served. */
  public void onPath(String path, Runnable action) {
    actions.put(path, action);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getRequestURI();
    if (path.startsWith("/boom")) {
      throw new IllegalStateException("boom");
    }
    if (path.startsWith("/hold/")) {
      String name = path.substring("/hold/".length());
      latch(name + "-entered").countDown();
      try {
        if (!latch(name + "-release").await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("latch " + name + "-release never opened");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    Runnable action = actions.get(path);
    if (action != null) {
      action.run();
    }
    if (path.startsWith("/fail")) {
      response.setStatus(500);
    }
    String tenant = TenantContext.current().map(TenantId::value).orElse("none");
    Object ip = request.getAttribute(ipAttribute);
    response.setContentType("text/plain");
    response
        .getOutputStream()
        .write(
            ("ok tenant=" + tenant + " ip=" + (ip == null ? "none" : ip))
                .getBytes(StandardCharsets.UTF_8));
  }
}

package dev.tdeveloper.observability.otel;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A real embedded Jetty 12 (ee10) server on a free loopback port with the given filters (for
 * REQUEST and ASYNC dispatches) in front of one servlet mapped at {@code /api/*} and as the default
 * servlet; requests go through the JDK HttpClient. A small pool makes requests reuse threads.
 */
final class TestServer implements AutoCloseable {
  private final Server server;
  private final int port;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  private TestServer(Server server, int port) {
    this.server = server;
    this.port = port;
  }

  static TestServer start(HttpServlet servlet, Filter... filters) throws Exception {
    QueuedThreadPool pool = new QueuedThreadPool(8, 2);
    pool.setName("jetty-otel-test");
    pool.setReservedThreads(0);
    Server server = new Server(pool);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    for (Filter filter : filters) {
      context.addFilter(
          new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
    }
    ServletHolder holder = new ServletHolder(servlet);
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/api/*");
    context.addServlet(holder, "/");
    server.setHandler(context);
    server.start();
    return new TestServer(server, connector.getLocalPort());
  }

  HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    return client.send(request(path, headers), HttpResponse.BodyHandlers.ofString());
  }

  CompletableFuture<HttpResponse<String>> getAsync(String path, String... headers) {
    return client.sendAsync(request(path, headers), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder.GET().build();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}

package dev.tdeveloper.web.testing;

import java.io.IOException;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A real embedded Jetty 12 server on a free loopback port, with one servlet context configured by
 * the test. Accepts request headers up to 32 KB so tests can send oversized tenant signals. A small
 * thread pool makes consecutive requests reuse the same threads.
 */
public final class JettyServer implements AutoCloseable {
  private final Server server;
  private final int port;

  private JettyServer(Server server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts a server whose context at {@code contextPath} is configured by {@code setup}. */
  public static JettyServer start(String contextPath, Consumer<ServletContextHandler> setup)
      throws Exception {
    QueuedThreadPool pool = new QueuedThreadPool(8, 2);
    pool.setName("jetty-test");
    pool.setReservedThreads(0);
    Server server = new Server(pool);
    HttpConfiguration config = new HttpConfiguration();
    config.setRequestHeaderSize(32 * 1024);
    config.setSendServerVersion(false);
    ServerConnector connector =
        new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath(contextPath);
    setup.accept(context);
    server.setHandler(context);
    server.start();
    return new JettyServer(server, connector.getLocalPort());
  }

  /** Returns the port the server listens on. */
  public int port() {
    return port;
  }

  /** Sends {@code GET path} with {@code headers} (name, value pairs); see {@link RawHttp}. */
  public RawHttp.Response get(String path, String... headers) throws IOException {
    return RawHttp.get(port, path, headers);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}

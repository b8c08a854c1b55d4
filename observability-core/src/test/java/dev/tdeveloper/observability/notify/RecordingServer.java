package dev.tdeveloper.observability.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server on 127.0.0.1 that records every request and answers from a script (then a
 * fallback); it can hold requests until released, to keep a notifier's delivery thread busy.
 */
final class RecordingServer implements AutoCloseable {
  record Request(String method, String path, Headers headers, byte[] bytes) {
    String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.getFirst(name);
    }
  }

  record Response(int status, Map<String, String> headers, String body) {
    static Response of(int status) {
      return new Response(status, Map.of(), "");
    }

    static Response of(int status, String body) {
      return new Response(status, Map.of(), body);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedDeque<Response> script = new ConcurrentLinkedDeque<>();
  private final AtomicInteger received = new AtomicInteger();
  private volatile Response fallback = Response.of(202, "{\"status\":\"success\"}");
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private final CountDownLatch firstHeld = new CountDownLatch(1);

  private RecordingServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  static RecordingServer start() {
    try {
      return new RecordingServer();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Answers the next requests with these responses, in order. */
  RecordingServer respond(Response... responses) {
    script.addAll(List.of(responses));
    return this;
  }

  RecordingServer fallback(Response response) {
    this.fallback = response;
    return this;
  }

  /** Holds every request until {@link #release()}. */
  void hold() {
    gate = new CountDownLatch(1);
  }

  void release() {
    gate.countDown();
  }

  /** Waits until a request is being held. */
  void awaitHeld() throws InterruptedException {
    assertThat(firstHeld.await(10, TimeUnit.SECONDS)).as("a request arrived").isTrue();
  }

  int received() {
    return received.get();
  }

  Request take() throws InterruptedException {
    Request request = requests.poll(10, TimeUnit.SECONDS);
    assertThat(request).as("a request within 10 s").isNotNull();
    return request;
  }

  List<Request> take(int n) throws InterruptedException {
    List<Request> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(take());
    }
    return out;
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Request request =
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders(),
            body);
    received.incrementAndGet();
    requests.add(request);
    CountDownLatch current = gate;
    if (current.getCount() > 0) {
      firstHeld.countDown();
      try {
        current.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Response response = script.pollFirst();
    if (response == null) {
      response = fallback;
    }
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
    try (OutputStream stream = exchange.getResponseBody()) {
      stream.write(out);
    }
  }

  @Override
  public void close() {
    gate.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}

package dev.tdeveloper.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The floor for the demo's load test: the same Jetty as the demo, on default settings, with one
 * trivial handler that answers every request with a fixed JSON body the size of the demo's note
 * read ({@value #NOTE_JSON_BYTES} bytes, {@code application/json}, with a content length). What
 * {@code wrk} gets from it on this machine is the most any servlet chain on this Jetty can reach;
 * the demo's figures are stated against it. Benchmark-only. Usage: {@code FloorServer [--seconds S]
 * [--connections C]}: starts on a free port of 127.0.0.1, runs {@code wrk -t2 -cC -dSs} against it
 * (defaults 20 s, 64 connections, as the load test's wrk run), and prints wrk's requests/s and this
 * JVM's CPU time per request. Not thread-safe (one run per JVM).
 */
public final class FloorServer {
  /** The size of the demo's answer to {@code GET /notes/{id}} for a seeded note, in bytes. */
  static final int NOTE_JSON_BYTES = 77;

  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

  private FloorServer() {}

  /**
   * A body of exactly {@code bytes} bytes that is a JSON object shaped like a note (id, text and
   * creation time), padded in its text.
   *
   * @throws IllegalArgumentException if {@code bytes} is under the smallest such object
   */
  static byte[] noteShapedJson(int bytes) {
    String head = "{\"id\":1,\"text\":\"";
    String tail = "\",\"createdAt\":\"2026-12-06T07:33:25.983065022Z\"}";
    int padding = bytes - head.length() - tail.length();
    if (padding < 0) {
      throw new IllegalArgumentException(
          "bytes is " + bytes + "; must be at least " + (head.length() + tail.length()));
    }
    return (head + "x".repeat(padding) + tail).getBytes(StandardCharsets.US_ASCII);
  }

  /** Starts Jetty on a free port of 127.0.0.1 answering every request with {@code body}. */
  static Server start(byte[] body) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract.NonBlocking() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
          }
        });
    server.start();
    return server;
  }

  /** Runs the floor measurement; see the class comment. */
  public static void main(String[] args) throws Exception {
    int seconds = 20;
    int connections = 64;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--connections" -> connections = Integer.parseInt(args[i + 1]);
        default ->
            throw new IllegalArgumentException(
                "unknown option " + args[i] + "; known: --seconds, --connections");
      }
    }
    Server server = start(noteShapedJson(NOTE_JSON_BYTES));
    try {
      String url =
          "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
      wrk(url, 5, connections); // warm-up, not counted
      long cpuBefore = processCpuNanos();
      String out = wrk(url, seconds, connections);
      long cpu = processCpuNanos() - cpuBefore;
      long requests = Long.parseLong(first(REQUESTS, out));
      System.out.printf(
          "floor: wrk -t2 -c%d -d%ds: %s requests/s, %d requests, server CPU %.1f us/request%n",
          connections, seconds, first(RATE, out), requests, cpu / 1000.0 / requests);
    } finally {
      server.stop();
    }
  }

  private static String wrk(String url, int seconds, int connections) throws Exception {
    Path log = Files.createTempFile("floor-wrk", ".txt");
    try {
      Process wrk =
          new ProcessBuilder(
                  List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", url + "/"))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (wrk.waitFor() != 0) {
        throw new IllegalStateException("wrk failed: " + Files.readString(log));
      }
      return Files.readString(log);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no " + pattern + " in wrk's output: " + text);
    }
    return m.group(1);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}

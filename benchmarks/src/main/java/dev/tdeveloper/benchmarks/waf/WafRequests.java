package dev.tdeveloper.benchmarks.waf;

import dev.tdeveloper.security.waf.Waf;
import dev.tdeveloper.security.waf.WafTransaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The three requests of {@link WafBenchmark} and of the libmodsecurity3 peer ({@code
 * benchmarks/peer/modsecurity/msc_bench.c}), and the transaction both engines run for each. {@link
 * #main} writes them as raw HTTP/1.1 files for the peer, so both engines see the same bytes.
 * Immutable and thread-safe.
 */
public final class WafRequests {
  /** The size of the JSON body, in bytes. */
  static final int JSON_BODY_BYTES = 2048;

  private static final String CHROME =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/124.0.0.0 Safari/537.36";

  /** A benign GET with five query arguments and the headers a browser sends. */
  public static final WafRequest BENIGN_GET =
      new WafRequest(
          "benign-get",
          "GET",
          "/api/v1/notes?page=2&size=20&sort=created_at&q=quarterly%20report&lang=en-US",
          browserHeaders("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
          new byte[0]);

  /** A benign POST of a 2 KiB JSON document (a note with nested fields and tags). */
  public static final WafRequest JSON_POST =
      new WafRequest("json-post", "POST", "/api/v1/notes", jsonHeaders(), jsonBody());

  /** An SQL injection in a query argument, which CRS denies at paranoia level 1. */
  public static final WafRequest SQLI_GET =
      new WafRequest(
          "sqli-get",
          "GET",
          "/api/v1/notes?id=1%27%20UNION%20SELECT%20username,password%20FROM%20users--%20",
          browserHeaders("application/json"),
          new byte[0]);

  /** All three, in the order the peer runs them. */
  public static final List<WafRequest> ALL = List.of(BENIGN_GET, JSON_POST, SQLI_GET);

  private WafRequests() {}

  /**
   * Runs one whole request transaction as a connector does: connection, URI, headers, phase 1, body
   * and phase 2 unless phase 1 interrupted, then logging (phase 5), which runs in any case.
   *
   * @param waf the WAF
   * @param request the request
   * @return the finished transaction
   */
  public static WafTransaction run(Waf waf, WafRequest request) {
    WafTransaction tx = waf.newTransaction();
    inspectRequest(
        tx,
        "203.0.113.9",
        "10.0.0.1",
        request.method(),
        request.uri(),
        request.headers(),
        request.body());
    tx.processLogging();
    return tx;
  }

  /**
   * The request part of a transaction: connection, URI, headers, phase 1, then body and phase 2
   * unless phase 1 interrupted.
   */
  static void inspectRequest(
      WafTransaction tx,
      String clientIp,
      String serverIp,
      String method,
      String uri,
      List<String[]> headers,
      byte[] body) {
    tx.processConnection(clientIp, 40000, serverIp, 8080);
    tx.processUri(method, uri, "HTTP/1.1");
    for (int i = 0; i < headers.size(); i++) {
      String[] header = headers.get(i);
      tx.addRequestHeader(header[0], header[1]);
    }
    tx.processRequestHeaders();
    if (tx.interruption().isEmpty()) {
      if (body.length > 0) {
        tx.appendRequestBody(body);
      }
      tx.processRequestBody();
    }
  }

  /**
   * Writes each request to {@code <dir>/<name>.http} as raw HTTP/1.1 (request line, headers, empty
   * line, body) for {@code msc_bench}.
   *
   * @param args the output directory
   * @throws IOException when a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: WafRequests <output directory>");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    for (WafRequest request : ALL) {
      Path file = dir.resolve(request.name() + ".http");
      Files.write(file, request.toHttp());
      System.out.println(file);
    }
  }

  private static List<String[]> browserHeaders(String accept) {
    List<String[]> h = new ArrayList<>();
    h.add(new String[] {"Host", "notes.example.com"});
    h.add(new String[] {"Connection", "keep-alive"});
    h.add(
        new String[] {
          "sec-ch-ua",
          "\"Chromium\";v=\"124\", \"Google Chrome\";v=\"124\", \"Not-A.Brand\";v=\"99\""
        });
    h.add(new String[] {"sec-ch-ua-mobile", "?0"});
    h.add(new String[] {"sec-ch-ua-platform", "\"Windows\""});
    h.add(new String[] {"Upgrade-Insecure-Requests", "1"});
    h.add(new String[] {"User-Agent", CHROME});
    h.add(new String[] {"Accept", accept});
    h.add(new String[] {"Sec-Fetch-Site", "same-origin"});
    h.add(new String[] {"Sec-Fetch-Mode", "navigate"});
    h.add(new String[] {"Sec-Fetch-Dest", "document"});
    h.add(new String[] {"Referer", "https://notes.example.com/app/notes"});
    h.add(new String[] {"Accept-Encoding", "gzip, deflate, br"});
    h.add(new String[] {"Accept-Language", "en-US,en;q=0.9,de;q=0.8"});
    h.add(new String[] {"Cookie", "session=8f14e45fceea167a5a36dedd4bea2543; theme=dark"});
    return List.copyOf(h);
  }

  private static List<String[]> jsonHeaders() {
    List<String[]> h = new ArrayList<>();
    h.add(new String[] {"Host", "notes.example.com"});
    h.add(new String[] {"Connection", "keep-alive"});
    h.add(new String[] {"Content-Length", Integer.toString(JSON_BODY_BYTES)});
    h.add(new String[] {"User-Agent", CHROME});
    h.add(new String[] {"Content-Type", "application/json"});
    h.add(new String[] {"Accept", "application/json"});
    h.add(new String[] {"Origin", "https://notes.example.com"});
    h.add(new String[] {"Referer", "https://notes.example.com/app/notes/new"});
    h.add(new String[] {"Accept-Encoding", "gzip, deflate, br"});
    h.add(new String[] {"Accept-Language", "en-US,en;q=0.9"});
    h.add(new String[] {"Cookie", "session=8f14e45fceea167a5a36dedd4bea2543; theme=dark"});
    return List.copyOf(h);
  }

  /** A note document of exactly {@value #JSON_BODY_BYTES} bytes (the text field pads it). */
  private static byte[] jsonBody() {
    String head =
        "{\"title\":\"Quarterly planning notes\",\"folder\":\"team/planning\","
            + "\"author\":{\"id\":4711,\"name\":\"Dana Whitfield\",\"email\":\"dana@example.com\"},"
            + "\"tags\":[\"planning\",\"q3\",\"budget\",\"hiring\",\"roadmap\"],"
            + "\"pinned\":false,\"color\":\"#ffd966\",\"reminder\":\"2024-07-01T09:30:00Z\","
            + "\"checklist\":[{\"done\":true,\"item\":\"Collect team estimates\"},"
            + "{\"done\":false,\"item\":\"Review travel budget with finance\"},"
            + "{\"done\":false,\"item\":\"Draft hiring plan for two engineers\"}],"
            + "\"text\":\"";
    String tail = "\"}";
    String sentence =
        "We agreed to ship the mobile sync feature before the end of the quarter and to keep"
            + " the weekly demo on Thursdays. ";
    StringBuilder text = new StringBuilder();
    int room = JSON_BODY_BYTES - head.length() - tail.length();
    while (text.length() < room) {
      text.append(sentence);
    }
    text.setLength(room);
    return (head + text + tail).getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * One benchmark request.
   *
   * @param name the file name stem for the peer
   * @param method the method
   * @param uri the URI as sent
   * @param headers name/value pairs in order
   * @param body the body, empty for none
   */
  public record WafRequest(
      String name, String method, String uri, List<String[]> headers, byte[] body) {
    /**
     * The request as raw HTTP/1.1 bytes.
     *
     * @return request line, headers, an empty line and the body
     */
    byte[] toHttp() {
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(uri).append(" HTTP/1.1\r\n");
      for (String[] header : headers) {
        head.append(header[0]).append(": ").append(header[1]).append("\r\n");
      }
      head.append("\r\n");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(body);
      return out.toByteArray();
    }
  }
}

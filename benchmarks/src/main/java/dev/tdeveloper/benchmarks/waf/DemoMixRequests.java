package dev.tdeveloper.benchmarks.waf;

import dev.tdeveloper.security.waf.Waf;
import dev.tdeveloper.security.waf.WafBuilder;
import dev.tdeveloper.security.waf.WafPolicy;
import dev.tdeveloper.security.waf.WafTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The requests of the demo's load mix ({@code load/mix.lua}: 80% {@code GET /notes/{id}}, 15%
 * {@code POST /notes} with a small JSON body, 5% {@code GET /usage}, 3% attacks in the query, 100
 * tenants named by subdomain or by {@code X-Tenant-Id}, the client in {@code X-Forwarded-For}),
 * with the headers wrk sends and the JSON answer the demo gives, and the transaction {@code
 * WafFilter} runs for each: connection, URI, headers, phases 1 and 2, then (unless interrupted) the
 * response headers (phase 3) and phase 4, then phase 5. Immutable and thread-safe.
 */
final class DemoMixRequests {
  /** The number of tenants, as the load test's roster. */
  static final int TENANTS = 100;

  private static final String[] ATTACKS = {
    "?id=1%27%20OR%20%271%27%3D%271",
    "?q=%3Cscript%3Ealert(document.cookie)%3C%2Fscript%3E",
    "?file=..%2F..%2F..%2Fetc%2Fpasswd",
  };

  private DemoMixRequests() {}

  /**
   * The WAF as the demo loads it: its site setup ({@code /waf/demo-crs-setup.conf}) before the CRS.
   *
   * @param memo whether tenants keep the default value memo ({@link WafBuilder#noValueMemo} if not)
   * @return the WAF
   * @throws IOException when the rules cannot be read
   */
  static Waf demoWaf(boolean memo) throws IOException {
    Path setup = Files.createTempFile("demo-crs-setup", ".conf");
    try (InputStream in = DemoMixRequests.class.getResourceAsStream("/waf/demo-crs-setup.conf")) {
      if (in == null) {
        throw new IllegalStateException(
            "the demo's /waf/demo-crs-setup.conf is not on the class path");
      }
      Files.copy(in, setup, StandardCopyOption.REPLACE_EXISTING);
    }
    try {
      WafBuilder builder = Waf.builder().ruleFile(setup).crs(Crs.rulesDir(), Crs.setupDir());
      return (memo ? builder : builder.noValueMemo()).build();
    } finally {
      Files.delete(setup);
    }
  }

  /**
   * One request of the mix and the answer the application gives it.
   *
   * @param tenant the tenant namespace ({@code lt-007})
   * @param clientIp the client address the abuse shield resolves from {@code X-Forwarded-For}
   * @param method the method
   * @param uri the URI as sent
   * @param headers request header name/value pairs in order
   * @param body the request body, empty for none
   * @param status the answer's status
   * @param responseHeaders answer header name/value pairs set before its body
   * @param responseBody the answer's JSON body
   */
  record MixRequest(
      String tenant,
      String clientIp,
      String method,
      String uri,
      List<String[]> headers,
      byte[] body,
      int status,
      List<String[]> responseHeaders,
      byte[] responseBody) {}

  /**
   * {@code count} requests of the mix drawn with {@code seed}, as {@code mix.lua} draws them.
   *
   * @param count how many
   * @param seed the seed
   * @param attacks whether 3% of them carry attacks (else none)
   * @return the requests
   */
  static List<MixRequest> draw(int count, long seed, boolean attacks) {
    Random random = new Random(seed);
    List<MixRequest> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int n = 1 + random.nextInt(TENANTS);
      double r = random.nextDouble();
      if (attacks && r < 0.03) {
        out.add(noteGet(n, ATTACKS[random.nextInt(ATTACKS.length)], "203.0.113.66"));
        continue;
      }
      int p = 1 + random.nextInt(100);
      if (p <= 80) {
        out.add(noteGet(n, "", address(n)));
      } else if (p <= 95) {
        out.add(notePost(n, i));
      } else {
        out.add(usageGet(n));
      }
    }
    return List.copyOf(out);
  }

  /** {@code GET /notes/{id}} of tenant {@code n}, with {@code query} appended. */
  static MixRequest noteGet(int n, String query, String client) {
    String note = new UUID(n, 4711L * n).toString();
    String body =
        "{\"id\":\""
            + note
            + "\",\"text\":\"load test note\",\"createdAt\":\"2026-12-06T10:00:00Z\"}";
    return new MixRequest(
        tenant(n),
        client,
        "GET",
        "/notes/" + note + query,
        requestHeaders(n, client, false, 0),
        new byte[0],
        200,
        responseHeaders(n, body.length()),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static MixRequest notePost(int n, int counter) {
    byte[] body = ("{\"text\":\"wrk note " + counter + "\"}").getBytes(StandardCharsets.UTF_8);
    String answer =
        "{\"id\":\""
            + new UUID(counter, n)
            + "\",\"text\":\"wrk note "
            + counter
            + "\",\"createdAt\":\"2026-12-06T10:00:00Z\"}";
    return new MixRequest(
        tenant(n),
        address(n),
        "POST",
        "/notes",
        requestHeaders(n, address(n), true, body.length),
        body,
        201,
        responseHeaders(n, answer.length()),
        answer.getBytes(StandardCharsets.UTF_8));
  }

  private static MixRequest usageGet(int n) {
    String answer =
        "{\"tenant\":\""
            + tenant(n)
            + "\",\"period\":\"2026-12\",\"notes\":{\"used\":12,\"limit\":100}}";
    return new MixRequest(
        tenant(n),
        address(n),
        "GET",
        "/usage",
        requestHeaders(n, address(n), false, 0),
        new byte[0],
        200,
        responseHeaders(n, answer.length()),
        answer.getBytes(StandardCharsets.UTF_8));
  }

  static String tenant(int n) {
    return String.format("lt-%03d", n);
  }

  private static String address(int n) {
    return n <= 254 ? "192.0.2." + n : "198.51.100." + (n - 254);
  }

  /** What wrk sends: Host (the tenant's subdomain for even tenants), else X-Tenant-Id. */
  private static List<String[]> requestHeaders(int n, String client, boolean json, int length) {
    List<String[]> h = new ArrayList<>();
    if (n % 2 == 0) {
      h.add(new String[] {"Host", tenant(n) + ".localhost:8080"});
    } else {
      h.add(new String[] {"Host", "localhost:8080"});
      h.add(new String[] {"X-Tenant-Id", tenant(n)});
    }
    h.add(new String[] {"X-Forwarded-For", client});
    if (json) {
      h.add(new String[] {"Content-Type", "application/json"});
      h.add(new String[] {"Content-Length", Integer.toString(length)});
    }
    return List.copyOf(h);
  }

  /** The headers the chain has set when the application starts its JSON body. */
  private static List<String[]> responseHeaders(int n, int length) {
    return List.of(
        new String[] {"X-Request-Id", new UUID(n, length).toString()},
        new String[] {"RateLimit-Policy", "5;w=1;burst=10"},
        new String[] {"RateLimit", "limit=10, remaining=9, reset=1"},
        new String[] {"Content-Type", "application/json"},
        new String[] {"Content-Length", Integer.toString(length)});
  }

  /**
   * Runs {@code request} through {@code waf} under {@code policy} as {@code WafFilter} does for a
   * JSON answer with response body access off (the CRS default the demo keeps).
   *
   * @return the finished transaction
   */
  static WafTransaction run(Waf waf, WafPolicy policy, MixRequest request) {
    WafTransaction tx = waf.newTransaction(policy);
    WafRequests.inspectRequest(
        tx,
        request.clientIp(),
        "127.0.0.1",
        request.method(),
        request.uri(),
        request.headers(),
        request.body());
    if (tx.interruption().isEmpty()) {
      for (String[] header : request.responseHeaders()) {
        tx.addResponseHeader(header[0], header[1]);
      }
      tx.processResponseHeaders(request.status(), "HTTP/1.1");
      if (tx.interruption().isEmpty()) {
        tx.processResponseBody();
      }
    }
    tx.processLogging();
    return tx;
  }
}

package dev.tdeveloper.benchmarks.waf;

import dev.tdeveloper.benchmarks.waf.WafRequests.WafRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link WafRequests#BENIGN_GET} as a browser's session sends it request after request: the same
 * headers, but the five query arguments' values drawn in turn from {@value #VALUES} distinct benign
 * values (five new ones per request, a value back only after {@value #VALUES} / 5 requests), so a
 * memo of per-value work finds the headers and misses the arguments. Immutable and thread-safe.
 */
final class VariedGets {
  /** The distinct argument values. */
  static final int VALUES = 4096;

  private static final String[] WORDS = {
    "quarterly", "report", "notes", "budget", "planning", "roadmap", "hiring", "travel",
    "finance", "mobile", "sync", "demo", "weekly", "team", "draft", "review",
    "created_at", "updated_at", "title", "author", "en-US", "de-DE", "fr-FR", "q3",
    "summary", "archive", "pinned", "color", "reminder", "checklist", "folder", "tags"
  };

  private VariedGets() {}

  /**
   * The requests, one per {@code VALUES / 5} rotation step, each with five values not in the one
   * before.
   *
   * @return {@value #VALUES} / 5 requests, rounded up, in order
   */
  static List<WafRequest> requests() {
    String[] pool = new String[VALUES];
    Set<String> seen = new HashSet<>();
    for (int k = 0; k < VALUES; k++) {
      String word = WORDS[k % WORDS.length];
      int round = k / WORDS.length;
      pool[k] =
          k % 3 == 0
              ? word + "%20" + WORDS[round % WORDS.length] + round
              : k % 3 == 1 ? word + round : Integer.toString(k);
      if (!seen.add(pool[k])) {
        throw new IllegalStateException("argument value twice: " + pool[k]);
      }
    }
    String[] names = {"page", "size", "sort", "q", "lang"};
    WafRequest base = WafRequests.BENIGN_GET;
    int count = (VALUES + names.length - 1) / names.length;
    WafRequest[] out = new WafRequest[count];
    for (int r = 0; r < count; r++) {
      StringBuilder uri = new StringBuilder("/api/v1/notes");
      for (int a = 0; a < names.length; a++) {
        uri.append(a == 0 ? '?' : '&').append(names[a]).append('=');
        uri.append(pool[(r * names.length + a) % VALUES]);
      }
      out[r] =
          new WafRequest(base.name(), base.method(), uri.toString(), base.headers(), base.body());
    }
    return List.of(out);
  }

  /**
   * The varied requests with every header value but Host's made unique per request too: a flood of
   * values no memo has seen.
   *
   * @return as many requests as {@link #requests}, in order
   */
  static List<WafRequest> flood() {
    List<WafRequest> varied = requests();
    WafRequest[] out = new WafRequest[varied.size()];
    for (int r = 0; r < out.length; r++) {
      WafRequest v = varied.get(r);
      List<String[]> headers = new java.util.ArrayList<>();
      for (String[] h : v.headers()) {
        String value =
            switch (h[0]) {
              case "Host" -> h[1];
              case "Cookie" -> h[1] + "; visit=" + r;
              default -> h[1] + "-r" + r;
            };
        headers.add(new String[] {h[0], value});
      }
      out[r] = new WafRequest(v.name(), v.method(), v.uri(), List.copyOf(headers), v.body());
    }
    return List.of(out);
  }
}

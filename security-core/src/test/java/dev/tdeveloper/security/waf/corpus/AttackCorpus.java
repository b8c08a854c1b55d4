package dev.tdeveloper.security.waf.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates {@code attacks.jsonl}: every {@link Seed} in each of its placements, plus the
 * hand-built protocol, smuggling, scanner and session requests of {@link ProtocolAttacks}.
 * Deterministic: ids are {@code family-NNN} in generation order.
 */
final class AttackCorpus {

  private final List<CorpusRequest> out = new ArrayList<>();
  private final Map<String, Integer> counters = new HashMap<>();

  private AttackCorpus() {}

  static List<CorpusRequest> build() {
    AttackCorpus c = new AttackCorpus();
    List<Seed> seeds = new ArrayList<>();
    seeds.addAll(InjectionSeeds.sqli());
    seeds.addAll(InjectionSeeds.xss());
    seeds.addAll(SystemSeeds.lfi());
    seeds.addAll(SystemSeeds.rfi());
    seeds.addAll(SystemSeeds.rce());
    seeds.addAll(SystemSeeds.php());
    seeds.addAll(SystemSeeds.java());
    seeds.addAll(SystemSeeds.nodejs());
    for (Seed s : seeds) {
      for (char p : s.placements().toCharArray()) {
        c.add(s.family(), place(s, p), s.expect(), s.pl());
      }
    }
    ProtocolAttacks.addTo(c);
    return List.copyOf(c.out);
  }

  /** Adds one request, numbering it within its family. */
  void add(String family, Http request, List<String> expect, int pl) {
    int n = counters.merge(family, 1, Integer::sum);
    out.add(request.build(String.format("%s-%03d", family, n), family, expect, pl));
  }

  private static Http place(Seed s, char where) {
    String p = s.payload();
    String param = s.param();
    String path = "/api/v1/" + s.family();
    return switch (where) {
      case 'q' -> Http.request("GET", path + "/search?" + param + "=" + Http.enc(p) + "&page=1");
      case 'd' -> Http.request("GET", path + "/search?" + param + "=" + Http.enc(Http.enc(p)));
      case 'u' -> Http.request("GET", path + "/search?" + param + "=" + percentU(p) + "&page=2");
      case 'f' ->
          Http.request("POST", path + "/forms")
              .body(
                  "application/x-www-form-urlencoded", param + "=" + Http.form(p) + "&submit=Save");
      case 'j' ->
          Http.request("POST", path + "/items")
              .body(
                  "application/json",
                  "{\"" + param + "\":" + Http.jsonString(p) + ",\"locale\":\"en-US\",\"page\":1}");
      case 'c' ->
          Http.request("GET", "/api/v1/profile")
              .header("Cookie", "sid=4f2a9c81d0e7; " + param + "=" + cookieSafe(p));
      case 'm' ->
          Http.request("POST", path + "/upload")
              .body(
                  Http.multipartType(),
                  Http.multipart(
                      Http.field(param, p),
                      Http.file("attachment", "notes.txt", "text/plain", "meeting notes\n")));
      case 'a' -> Http.request("GET", "/api/v1/status").replace("User-Agent", headerSafe(p));
      case 'r' -> Http.request("GET", "/api/v1/status").header("Referer", headerSafe(p));
      case 'p' -> Http.request("GET", p);
      default -> throw new IllegalArgumentException("unknown placement " + where + " in " + s);
    };
  }

  /**
   * Percent-encodes with IIS-style {@code %uXXXX} escapes every char that is not a letter/digit.
   */
  private static String percentU(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 0x80) {
        sb.append(c);
      } else {
        sb.append(String.format("%%u%04X", (int) c));
      }
    }
    return sb.toString();
  }

  private static String cookieSafe(String p) {
    if (p.indexOf(';') >= 0) {
      throw new IllegalArgumentException("cookie placement needs a payload without ';': " + p);
    }
    return headerSafe(p);
  }

  private static String headerSafe(String p) {
    for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
      if (b < 0x20 || b == 0x7f) {
        throw new IllegalArgumentException("header placement needs printable ASCII: " + p);
      }
    }
    return p;
  }
}

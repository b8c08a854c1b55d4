package dev.tdeveloper.security.waf.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates {@code benign.jsonl}: REST traffic of a notes/shop API as browsers and mobile clients
 * send it. A fixed-seed {@link Random} picks from {@link BenignData}'s pools, so the output is
 * reproducible. Family names the shape (get, search, json, form, multipart, rest, preflight).
 */
final class BenignCorpus {

  private final Random random = new Random(20240612L);
  private final List<CorpusRequest> out = new ArrayList<>();
  private final Map<String, Integer> counters = new HashMap<>();

  private BenignCorpus() {}

  static List<CorpusRequest> build() {
    BenignCorpus c = new BenignCorpus();
    for (int i = 0; i < 60; i++) {
      c.listing(i);
    }
    for (int i = 0; i < 50; i++) {
      c.search(i);
    }
    for (int i = 0; i < 70; i++) {
      c.json(i);
    }
    for (int i = 0; i < 40; i++) {
      c.form(i);
    }
    for (int i = 0; i < 30; i++) {
      c.multipart(i);
    }
    for (int i = 0; i < 45; i++) {
      c.rest(i);
    }
    for (int i = 0; i < 15; i++) {
      c.preflight(i);
    }
    return List.copyOf(c.out);
  }

  private void listing(int i) {
    StringBuilder q = new StringBuilder("?page=").append(1 + i % 7).append("&size=").append(20);
    q.append("&sort=").append(Http.enc(pick(List.of("createdAt,desc", "title,asc", "price"))));
    if (i % 3 == 0) {
      q.append("&tag=").append(pick(BenignData.TAGS)).append("&tag=").append(pick(BenignData.TAGS));
    }
    if (i % 5 == 0) {
      // a long query string as dashboards send it
      for (String field : List.of("id", "title", "owner", "updatedAt", "status", "labels")) {
        q.append("&fields=").append(field);
      }
      q.append("&from=2024-01-01T00:00:00Z&to=2024-03-31T23:59:59Z&tz=Europe%2FBerlin");
      q.append("&city=").append(Http.enc(pick(BenignData.CITIES)));
      q.append("&utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale_2024");
    }
    emit("get", browser("GET", pick(BenignData.PATHS) + q));
  }

  private void search(int i) {
    String text = BenignData.SEARCHES.get(i % BenignData.SEARCHES.size());
    String encoded = i % 2 == 0 ? Http.form(text) : Http.enc(text);
    emit("search", browser("GET", "/api/v1/search?q=" + encoded + "&lang=en&limit=25"));
  }

  private void json(int i) {
    String name = pick(BenignData.NAMES);
    String note = pick(BenignData.NOTES);
    String body =
        switch (i % 5) {
          case 0 ->
              "{\"title\":"
                  + Http.jsonString("Note " + (i + 1))
                  + ",\"body\":"
                  + Http.jsonString(note)
                  + ",\"tags\":[\""
                  + pick(BenignData.TAGS)
                  + "\"],\"pinned\":false}";
          case 1 ->
              "{\"customer\":{\"name\":"
                  + Http.jsonString(name)
                  + ",\"address\":{\"city\":"
                  + Http.jsonString(pick(BenignData.CITIES))
                  + ",\"zip\":\"10115\"}},\"items\":[{\"sku\":\"SKU-"
                  + (1000 + i)
                  + "\",\"qty\":2,\"price\":19.99},{\"sku\":\"SKU-77\",\"qty\":1,\"price\":5.5}],"
                  + "\"total\":45.48,\"currency\":\"EUR\",\"gift\":true,\"note\":null}";
          case 2 ->
              "{\"displayName\":"
                  + Http.jsonString(name)
                  + ",\"bio\":"
                  + Http.jsonString(note)
                  + ",\"settings\":{\"theme\":\"dark\",\"notifications\":{\"email\":true,"
                  + "\"push\":false},\"locale\":\"fr-CA\"}}";
          case 3 ->
              "{\"events\":[{\"type\":\"page_view\",\"ts\":1712345678901,\"path\":\"/notes/"
                  + i
                  + "\"},{\"type\":\"click\",\"ts\":1712345679000,\"target\":\"save-button\"}],"
                  + "\"session\":{\"id\":\"a7f3c2e1\",\"ratio\":0.75,\"count\":-3,\"exp\":1.5e3}}";
          default ->
              "{\"query\":{\"text\":"
                  + Http.jsonString(pick(BenignData.SEARCHES))
                  + ",\"filters\":{\"tags\":[\"work\",\"ideas\"],\"archived\":false}},"
                  + "\"page\":{\"number\":2,\"size\":50}}";
        };
    String path = i % 5 == 1 ? "/api/v1/orders" : "/api/v1/notes";
    emit("json", api("POST", path).body("application/json; charset=utf-8", body));
  }

  private void form(int i) {
    String body =
        switch (i % 4) {
          case 0 ->
              "username="
                  + Http.form("alice" + i)
                  + "&password="
                  + Http.form("Tr0ub4dor&3x!")
                  + "&remember=on";
          case 1 ->
              "name="
                  + Http.form(pick(BenignData.NAMES))
                  + "&email="
                  + Http.form("user" + i + "@example.com")
                  + "&message="
                  + Http.form(pick(BenignData.NOTES));
          case 2 ->
              "email=" + Http.form("news" + i + "@example.org") + "&consent=yes&frequency=weekly";
          default ->
              "theme=dark&language=de-DE&timezone="
                  + Http.form("America/New_York")
                  + "&display_name="
                  + Http.form(pick(BenignData.NAMES));
        };
    String path = List.of("/login", "/contact", "/newsletter", "/settings").get(i % 4);
    emit(
        "form",
        browser("POST", path)
            .header("Origin", "https://app.example.com")
            .body("application/x-www-form-urlencoded", body));
  }

  private void multipart(int i) {
    String part =
        switch (i % 3) {
          case 0 -> Http.file("avatar", "avatar-" + i + ".png", "image/png", pngBytes());
          case 1 ->
              Http.file(
                  "import",
                  "contacts-" + i + ".csv",
                  "text/csv",
                  Http.utf8(
                      "name,email,city\n\"Martin, Alice\",alice@example.com,Berlin\n"
                          + "Bob O'Connor,bob@example.com,Dublin\n"));
          default ->
              Http.file(
                  "doc",
                  "minutes " + i + ".txt",
                  "text/plain",
                  Http.utf8(pick(BenignData.NOTES) + "\n"));
        };
    String body =
        Http.multipart(
            Http.field("title", "Upload " + (i + 1)), Http.field("folder", "shared/2024"), part);
    emit("multipart", browser("POST", "/api/v1/files").bodyBytes(Http.multipartType(), body));
  }

  private void rest(int i) {
    String id = Integer.toString(1000 + i * 7);
    Http r =
        switch (i % 5) {
          case 0 ->
              api("GET", "/api/v1/notes/" + id).header("If-None-Match", "W/\"5f3a-" + id + "\"");
          case 1 ->
              api("PUT", "/api/v1/notes/" + id)
                  .body(
                      "application/json",
                      "{\"title\":\"Updated\",\"body\":"
                          + Http.jsonString(pick(BenignData.NOTES))
                          + "}");
          case 2 ->
              api("PATCH", "/api/v1/users/me")
                  .body(
                      "application/json",
                      "{\"displayName\":" + Http.jsonString(pick(BenignData.NAMES)) + "}");
          case 3 -> api("DELETE", "/api/v1/notes/" + id);
          default -> api("GET", "/api/v1/tenants/acme/projects/" + id + "/members?role=admin");
        };
    emit("rest", r);
  }

  private void preflight(int i) {
    emit(
        "preflight",
        browser("OPTIONS", "/api/v1/notes/" + i)
            .header("Origin", "https://app.example.com")
            .header("Access-Control-Request-Method", i % 2 == 0 ? "PUT" : "DELETE")
            .header("Access-Control-Request-Headers", "authorization,content-type"));
  }

  /** A browser request: rotating User-Agent, cookies, fetch metadata, same-site Referer. */
  private Http browser(String method, String uri) {
    return Http.request(method, uri)
        .replace("User-Agent", pick(BenignData.USER_AGENTS))
        .header(
            "Cookie",
            "sid="
                + hex(24)
                + "; _ga=GA1.2."
                + random.nextInt(1_000_000_000)
                + ".1712345678; theme=dark")
        .header("Referer", "https://app.example.com/notes")
        .header("Sec-Fetch-Site", "same-site")
        .header("Sec-Fetch-Mode", "cors");
  }

  /** An API client request: bearer token and a request id instead of cookies. */
  private Http api(String method, String uri) {
    return Http.request(method, uri)
        .replace("User-Agent", pick(BenignData.USER_AGENTS))
        .header(
            "Authorization",
            "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLSIsInRlbmFudCI6ImFjbWUifQ."
                + hex(32))
        .header("X-Request-Id", hex(8) + "-" + hex(4) + "-" + hex(4) + "-" + hex(12));
  }

  private void emit(String family, Http request) {
    int n = counters.merge(family, 1, Integer::sum);
    out.add(request.build(String.format("benign-%s-%03d", family, n), family, List.of(), 0));
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private String hex(int digits) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < digits; i++) {
      sb.append(Character.forDigit(random.nextInt(16), 16));
    }
    return sb.toString();
  }

  /** A small PNG-like binary payload (signature, IHDR, random bytes) as a Java string of chars. */
  private String pngBytes() {
    StringBuilder sb = new StringBuilder("\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR");
    for (int i = 0; i < 48; i++) {
      sb.append((char) random.nextInt(256));
    }
    return sb.toString();
  }
}

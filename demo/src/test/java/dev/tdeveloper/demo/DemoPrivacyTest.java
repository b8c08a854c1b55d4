package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import dev.tdeveloper.tenancy.time.Ticker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GDPR requests over HTTP: authors on notes, access, erasure, consent, bad input, operator auth.
 */
class DemoPrivacyTest {
  private static final String TOKEN = "operator-t0ken-for-tests";

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();
  private DemoApp app;

  @BeforeEach
  void start() throws Exception {
    app = startApp();
  }

  private DemoApp startApp() throws Exception {
    return DemoTestApps.start(dir, TOKEN, clock, Ticker.system());
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
      app = null;
    }
  }

  private HttpResponse<String> send(
      String method, String path, Map<String, String> headers, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Accept", "*/*")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      // A body says what it is: the WAF (CRS 920340) scores one that does not.
      b.header("Content-Type", "text/plain; charset=utf-8");
    }
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> note(String tenant, String author, String text) throws Exception {
    Map<String, String> headers =
        author == null
            ? Map.of("X-Tenant-Id", tenant)
            : Map.of("X-Tenant-Id", tenant, "X-User-Id", author);
    return send("POST", "/notes", headers, "{\"text\":\"" + text + "\"}");
  }

  private HttpResponse<String> admin(String method, String path, String body) throws Exception {
    return send(method, path, Map.of("Authorization", "Bearer " + TOKEN), body);
  }

  private JsonNode request(String body) throws Exception {
    HttpResponse<String> r = admin("POST", "/admin/privacy/requests", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.MAPPER.readTree(r.body());
  }

  private String notesOf(String tenant) throws Exception {
    return send("GET", "/notes", Map.of("X-Tenant-Id", tenant), null).body();
  }

  @Test
  void aNotePostedWithAUserIdShowsItsAuthor() throws Exception {
    assertThat(note("acme", "alice", "hello").statusCode()).isEqualTo(201);
    assertThat(note("acme", null, "anonymous").statusCode()).isEqualTo(201);

    JsonNode first =
        Json.MAPPER.readTree(send("GET", "/notes/1", Map.of("X-Tenant-Id", "acme"), null).body());
    JsonNode second =
        Json.MAPPER.readTree(send("GET", "/notes/2", Map.of("X-Tenant-Id", "acme"), null).body());
    assertThat(first.path("author").asText()).isEqualTo("alice");
    assertThat(second.has("author")).isFalse();
  }

  @Test
  void aBadUserIdIsA400NamingTheHeaderAndTheRule() throws Exception {
    for (String bad : List.of("has space", "x".repeat(65), "<b>")) {
      HttpResponse<String> r = note("acme", bad, "hello");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(r.body()).contains("X-User-Id").contains("1-64 characters");
    }
    assertThat(notesOf("acme")).contains("\"count\":0");
  }

  @Test
  void anAccessRequestReturnsTheSubjectsNotesInTheBundle() throws Exception {
    note("acme", "alice", "alice wrote this");
    note("acme", "bob", "bob wrote that");

    JsonNode out =
        request("{\"type\":\"ACCESS\",\"tenant\":\"acme\",\"subject\":{\"userId\":\"alice\"}}");

    assertThat(out.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(out.path("dueAt").asText()).isEqualTo("2025-04-01T10:00:00Z");
    assertThat(out.path("results").get(0).path("records").asInt()).isEqualTo(1);
    assertThat(out.path("bundle").toString()).contains("alice wrote this").doesNotContain("bob");
    String id = out.path("id").asText();
    JsonNode past =
        Json.MAPPER.readTree(admin("GET", "/admin/privacy/requests/" + id, null).body());
    assertThat(past.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(past.has("bundle")).isFalse();
    assertThat(admin("GET", "/admin/privacy/requests/no-such-id", null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void erasureRemovesOnlyTheSubjectsNotesForGoodAndTheAuditLogHoldsPseudonymsOnly()
      throws Exception {
    note("acme", "alice", "alice one");
    note("acme", "alice", "alice two");
    note("acme", "bob", "bob keeps this");
    note("globex", "alice", "other tenant alice");
    assertThat(auditEntries("acme", "alice"))
        .as("alice's requests, found by her pseudonym")
        .isNotEmpty();

    JsonNode out =
        request("{\"type\":\"ERASURE\",\"tenant\":\"acme\",\"subject\":{\"userId\":\"alice\"}}");
    assertThat(out.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(out.toString()).doesNotContain("alice");

    app.close(); // stores every queued audit entry
    assertThat(rawAuditBytes()).as("the audit log's files").doesNotContain("alice", "bob");
    app = startApp();

    assertThat(notesOf("acme")).doesNotContain("alice").contains("bob keeps this");
    assertThat(notesOf("globex")).contains("other tenant alice");
    assertThat(auditEntries("acme", "alice"))
        .as("alice's pseudonym is forgotten in acme")
        .isEmpty();
    assertThat(auditEntries("globex", "alice")).as("not in globex").isNotEmpty();
    JsonNode erasure =
        Json.MAPPER.readTree(
            admin("GET", "/admin/audit/entries?tenant=acme&action=privacy.erasure.completed", null)
                .body());
    assertThat(erasure.toString()).contains("privacy.erasure.completed").doesNotContain("alice");
  }

  private JsonNode auditEntries(String tenant, String actor) throws Exception {
    HttpResponse<String> r =
        admin("GET", "/admin/audit/entries?tenant=" + tenant + "&actor=" + actor, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.MAPPER.readTree(r.body()).path("entries");
  }

  private String rawAuditBytes() throws Exception {
    StringBuilder all = new StringBuilder();
    try (var files = Files.walk(dir.resolve("data").resolve("audit"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.append(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }

  @Test
  void badRequestsAre400ProblemsNamingTheField() throws Exception {
    Map<String, String> cases =
        Map.of(
            "not json", "body is not valid JSON",
            "{\"tenant\":\"acme\",\"subject\":{\"userId\":\"a\"}}", "'type'",
            "{\"type\":\"FORGET\",\"tenant\":\"acme\",\"subject\":{\"userId\":\"a\"}}", "'type'",
            "{\"type\":\"ACCESS\",\"tenant\":\"Bad Id!\",\"subject\":{\"userId\":\"a\"}}",
                "'tenant'",
            "{\"type\":\"ACCESS\",\"tenant\":\"acme\"}", "'subject'",
            "{\"type\":\"ACCESS\",\"tenant\":\"acme\",\"subject\":{\"userId\":\"a b\"}}",
                "'subject.userId'",
            "{\"type\":\"RECTIFICATION\",\"tenant\":\"acme\",\"subject\":{\"userId\":\"a\"}}",
                "correction",
            "{\"type\":\"RESTRICTION\",\"tenant\":\"acme\",\"subject\":{\"userId\":\"a\"}}",
                "purpose");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      HttpResponse<String> r = admin("POST", "/admin/privacy/requests", c.getKey());
      assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
      assertThat(r.body()).as(c.getKey()).contains(c.getValue()).contains("\"status\":400");
    }
    HttpResponse<String> unknown =
        admin(
            "POST",
            "/admin/privacy/requests",
            "{\"type\":\"ACCESS\",\"tenant\":\"nobody\",\"subject\":{\"userId\":\"a\"}}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("'tenant'").contains("unknown-tenant");
  }

  @Test
  void rectificationAndRestrictionRunOnTheSubjectsNotes() throws Exception {
    note("acme", "alice", "typo here");
    note("acme", "bob", "bob's own");

    JsonNode fixed =
        request(
            "{\"type\":\"RECTIFICATION\",\"tenant\":\"acme\",\"subject\":{\"userId\":\"alice\"},"
                + "\"corrections\":{\"text\":\"fixed text\"}}");
    JsonNode restricted =
        request(
            "{\"type\":\"RESTRICTION\",\"tenant\":\"acme\",\"subject\":{\"userId\":\"alice\"},"
                + "\"purposes\":[\"analytics\"]}");

    assertThat(fixed.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(restricted.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(notesOf("acme")).contains("fixed text").contains("bob's own").doesNotContain("typo");
  }

  @Test
  void aRequestForATenantThatIsNotActiveIsRejected() throws Exception {
    assertThat(admin("POST", "/admin/tenants/initech/suspend", null).statusCode()).isEqualTo(200);

    JsonNode out =
        request("{\"type\":\"ERASURE\",\"tenant\":\"initech\",\"subject\":{\"userId\":\"a\"}}");

    assertThat(out.path("status").asText()).isEqualTo("REJECTED");
    assertThat(out.path("history").toString()).contains("SUSPENDED");
  }

  @Test
  void consentIsRecordedAndReadByPseudonym() throws Exception {
    HttpResponse<String> granted =
        admin(
            "POST",
            "/admin/privacy/consent",
            "{\"tenant\":\"acme\",\"userId\":\"alice\",\"purpose\":\"newsletter\","
                + "\"policyVersion\":\"v1\",\"evidence\":\"signup form\",\"state\":\"GRANTED\"}");
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
    assertThat(granted.body()).doesNotContain("alice");

    HttpResponse<String> read =
        admin("GET", "/admin/privacy/consent?tenant=acme&userId=alice", null);
    JsonNode history = Json.MAPPER.readTree(read.body()).path("history");
    assertThat(history).hasSize(1);
    assertThat(history.get(0).path("state").asText()).isEqualTo("GRANTED");
    assertThat(admin("GET", "/admin/privacy/consent?tenant=acme", null).body())
        .contains("'userId'");
    assertThat(
            admin(
                    "POST",
                    "/admin/privacy/consent",
                    "{\"tenant\":\"acme\",\"userId\":\"alice\",\"state\":\"MAYBE\"}")
                .body())
        .contains("'state'");
  }

  @Test
  void theRecordOfProcessingListsTheDemosActivities() throws Exception {
    HttpResponse<String> r = admin("GET", "/admin/privacy/processing-activities", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("notes-storage")
        .contains("audit-logging")
        .contains("abuse-protection");
  }

  @Test
  void privacyRoutesNeedTheOperatorToken() throws Exception {
    String body = "{\"type\":\"ACCESS\",\"tenant\":\"acme\",\"subject\":{\"userId\":\"a\"}}";
    assertThat(send("POST", "/admin/privacy/requests", Map.of(), body).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/admin/privacy/processing-activities", Map.of(), null).statusCode())
        .isEqualTo(401);
    assertThat(
            send(
                    "GET",
                    "/admin/privacy/consent?tenant=acme&userId=a",
                    Map.of("Authorization", "Bearer wrong-token-of-enough-length"),
                    null)
                .statusCode())
        .isEqualTo(401);
  }
}

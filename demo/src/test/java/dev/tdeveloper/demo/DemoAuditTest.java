package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.compliance.audit.integrity.Checkpoint;
import dev.tdeveloper.compliance.audit.integrity.CheckpointVerifier;
import dev.tdeveloper.compliance.audit.integrity.ConsistencyProof;
import dev.tdeveloper.compliance.audit.integrity.InclusionProof;
import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.audit.integrity.ProofVerifier;
import dev.tdeveloper.compliance.audit.log.AuditExports;
import dev.tdeveloper.compliance.audit.log.ExportVerification;
import dev.tdeveloper.tenancy.time.Ticker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's audit log end to end: every request audited, proofs, exports, restarts, tampering. */
class DemoAuditTest {
  private static final String TOKEN = "operator-t0ken-for-audit-tests";

  @TempDir Path dir;
  private DemoApp app;
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;

  @BeforeEach
  void start() throws Exception {
    app = startApp();
  }

  private DemoApp startApp() throws Exception {
    return DemoTestApps.start(dir, TOKEN, InstantSource.system(), ticker);
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private HttpResponse<String> send(
      String method, String path, String tenant, boolean operator, String requestId)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Accept", "*/*")
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (tenant != null) {
      b.header("X-Tenant-Id", tenant);
    }
    if (operator) {
      b.header("Authorization", "Bearer " + TOKEN);
    }
    if (requestId != null) {
      b.header("X-Request-Id", requestId);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode admin(String path) throws Exception {
    HttpResponse<String> response = send("GET", path, null, true, null);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return Json.MAPPER.readTree(response.body());
  }

  /**
   * Polls the entries endpoint until an entry matches: the log stores entries in the background.
   */
  private JsonNode awaitEntry(String query, Predicate<JsonNode> wanted) throws Exception {
    for (int attempt = 0; attempt < 200; attempt++) {
      for (JsonNode entry : admin("/admin/audit/entries?limit=10000&" + query).get("entries")) {
        if (wanted.test(entry)) {
          return entry;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no audit entry matching the test in " + query);
  }

  private JsonNode awaitRequest(String query, String requestId) throws Exception {
    return awaitEntry(query, e -> requestId.equals(e.path("requestId").asText()));
  }

  @Test
  void everyApiCallIsAuditedWithItsOutcome() throws Exception {
    assertThat(send("GET", "/notes", "acme", false, "ok-1").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/notes/424242?email=a@b.c", "acme", false, "missing-1").statusCode())
        .isEqualTo(404);
    for (int i = 0; i < 10; i++) {
      send("GET", "/notes", "initech", false, null);
    }
    assertThat(send("GET", "/notes", "initech", false, "limited-1").statusCode()).isEqualTo(429);
    assertThat(send("GET", "/ops", null, true, "ops-1").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/ops", null, false, "anon-1").statusCode()).isEqualTo(401);

    JsonNode ok = awaitRequest("tenant=acme", "ok-1");
    assertThat(ok.get("action").asText()).isEqualTo("http.get");
    assertThat(ok.get("resource").asText()).isEqualTo("/notes");
    assertThat(ok.get("outcome").asText()).isEqualTo("SUCCESS");
    assertThat(ok.get("actor").asText()).isEqualTo("anonymous");
    JsonNode missing = awaitRequest("tenant=acme", "missing-1");
    assertThat(missing.get("outcome").asText()).isEqualTo("FAILURE");
    assertThat(missing.get("resource").asText()).isEqualTo("/notes/424242");
    assertThat(missing.toString()).doesNotContain("a@b.c");
    JsonNode limited = awaitRequest("tenant=initech&outcome=DENIED", "limited-1");
    assertThat(limited.get("details").get("status").asText()).isEqualTo("429");
    JsonNode ops = awaitRequest("actor=admin", "ops-1");
    assertThat(ops.get("outcome").asText()).isEqualTo("SUCCESS");
    assertThat(ops.has("tenant")).isFalse();
    assertThat(awaitRequest("outcome=DENIED", "anon-1").get("actor").asText())
        .isEqualTo("anonymous");

    // The components' own security events arrive through their listeners.
    awaitEntry("action=operator.rejected", e -> e.get("outcome").asText().equals("DENIED"));
    awaitEntry("tenant=acme&action=key.*", e -> true);
  }

  @Test
  void proofsConsistencyAndExportsVerifyWithThePublishedKey() throws Exception {
    send("GET", "/notes", "acme", false, "proof-1");
    JsonNode entry = awaitRequest("tenant=acme", "proof-1");
    long sequence = entry.get("sequence").asLong();

    JsonNode proof = admin("/admin/audit/proof?sequence=" + sequence);
    CheckpointVerifier verifier = CheckpointVerifier.of(proof.get("verifierKey").asText());
    Checkpoint checkpoint = verifier.verify(proof.get("checkpoint").asText());
    byte[] leaf = MerkleHashes.leaf(proof.get("event").asText().getBytes(StandardCharsets.UTF_8));
    assertThat(Base64.getEncoder().encodeToString(leaf)).isEqualTo(proof.get("leafHash").asText());
    List<String> hashes = new ArrayList<>();
    proof.get("proof").get("hashes").forEach(h -> hashes.add(h.asText()));
    InclusionProof inclusion =
        InclusionProof.fromBase64(sequence, proof.get("proof").get("treeSize").asLong(), hashes);
    assertThat(inclusion.treeSize()).isEqualTo(checkpoint.size());
    assertThat(ProofVerifier.verifyInclusion(leaf, inclusion, checkpoint.rootHash())).isTrue();
    assertThat(proof.get("event").asText()).contains("proof-1");

    send("GET", "/notes", "acme", false, "proof-2");
    awaitRequest("tenant=acme", "proof-2");
    HttpResponse<String> signed = send("POST", "/admin/audit/checkpoint", null, true, null);
    assertThat(signed.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    Checkpoint later = verifier.verify(signed.body());
    assertThat(later.size()).isGreaterThan(checkpoint.size());
    assertThat(verifier.verify(send("GET", "/admin/audit/checkpoint", null, true, null).body()))
        .isEqualTo(later);
    JsonNode consistency =
        admin("/admin/audit/consistency?from=" + checkpoint.size() + "&to=" + later.size());
    List<String> steps = new ArrayList<>();
    consistency.get("hashes").forEach(h -> steps.add(h.asText()));
    ConsistencyProof extension =
        ConsistencyProof.fromBase64(checkpoint.size(), later.size(), steps);
    assertThat(ProofVerifier.verifyConsistency(checkpoint.rootHash(), later.rootHash(), extension))
        .isTrue();

    HttpResponse<byte[]> export =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + app.port() + "/admin/audit/export?tenant=acme"))
                .header("Authorization", "Bearer " + TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(export.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/x-ndjson");
    ExportVerification verified =
        AuditExports.verify(new ByteArrayInputStream(export.body()), verifier);
    assertThat(verified.ok()).as(verified.problem().orElse("")).isTrue();
    assertThat(verified.entriesVerified()).isGreaterThanOrEqualTo(2);
    assertThat(new String(export.body(), StandardCharsets.UTF_8))
        .contains("proof-1", "proof-2")
        .doesNotContain("\\\"tenant\\\":\\\"initech\\\"");

    JsonNode verify = admin("/admin/audit/verify");
    assertThat(verify.get("ok").asBoolean()).as(verify.toString()).isTrue();
    assertThat(verify.get("entriesChecked").asLong()).isPositive();
    assertThat(verify.get("anchor").asText()).contains("extends");
  }

  @Test
  void badParametersAreProblemsNamingTheParameter() throws Exception {
    String[][] cases = {
      {"/admin/audit/proof?sequence=abc", "sequence"},
      {"/admin/audit/proof", "sequence"},
      {"/admin/audit/proof?sequence=999999999", "sequence"},
      {"/admin/audit/consistency?from=5&to=2", "from"},
      {"/admin/audit/export", "tenant"},
      {"/admin/audit/export?tenant=acme&from=yesterday", "from"},
      {"/admin/audit/entries?outcome=MAYBE", "outcome"},
      {"/admin/audit/entries?limit=0", "limit"},
      {"/admin/audit/entries?tenant=Not_A_Tenant", "tenant"},
    };
    for (String[] c : cases) {
      HttpResponse<String> response = send("GET", c[0], null, true, null);
      assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
      JsonNode problem = Json.MAPPER.readTree(response.body());
      assertThat(problem.get("type").asText()).endsWith("/invalid-parameter");
      assertThat(problem.get("parameter").asText()).as(c[0]).isEqualTo(c[1]);
      assertThat(problem.get("allowed").asText()).isNotBlank();
    }
  }

  @Test
  void auditEndpointsNeedTheOperatorToken() throws Exception {
    for (String path :
        new String[] {"/admin/audit/verify", "/admin/audit/entries", "/admin/audit/proof"}) {
      assertThat(send("GET", path, null, false, null).statusCode()).isEqualTo(401);
    }
    assertThat(send("POST", "/admin/audit/checkpoint", null, false, null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void theLogContinuesAcrossARestartAndStillVerifies() throws Exception {
    send("GET", "/notes", "acme", false, "before-restart");
    awaitRequest("tenant=acme", "before-restart");
    long before = admin("/ops").get("audit").get("size").asLong();
    app.close();
    app = startApp();

    send("GET", "/notes", "acme", false, "after-restart");
    JsonNode after = awaitRequest("tenant=acme", "after-restart");
    assertThat(after.get("sequence").asLong()).isGreaterThan(before);
    awaitRequest("tenant=acme", "before-restart");
    JsonNode stats = admin("/ops").get("audit");
    assertThat(stats.get("size").asLong()).isGreaterThan(before);
    assertThat(stats.get("latestCheckpointSize").asLong()).isPositive();
    assertThat(stats.get("refusedEvents").asLong()).isZero();
    JsonNode verify = admin("/admin/audit/verify");
    assertThat(verify.get("ok").asBoolean()).as(verify.toString()).isTrue();
  }

  @Test
  void anEntryEditedOnDiskWhileStoppedFailsVerification() throws Exception {
    send("GET", "/notes", "acme", false, "to-be-edited");
    awaitRequest("tenant=acme", "to-be-edited");
    app.close();
    app = null;

    // An insider rewrites the entry and fixes the frame checksum, so the files still open.
    byte[] marker = "to-be-edited".getBytes(StandardCharsets.US_ASCII);
    boolean edited = false;
    try (Stream<Path> segments = Files.list(dir.resolve("data/audit/log/segments"))) {
      for (Path segment : segments.toList()) {
        edited |= rewrite(segment, marker, "to-be-EDITED".getBytes(StandardCharsets.US_ASCII));
      }
    }
    assertThat(edited).isTrue();

    app = startApp();
    JsonNode verify = admin("/admin/audit/verify");
    assertThat(verify.get("ok").asBoolean()).isFalse();
    assertThat(verify.get("problem").asText()).isNotBlank();
  }

  /** Replaces {@code from} by {@code to} (same length) in a frame and recomputes its CRC32C. */
  private static boolean rewrite(Path segment, byte[] from, byte[] to) throws IOException {
    ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(segment));
    boolean changed = false;
    for (int frame = 8; frame + 8 <= file.limit(); ) {
      int length = file.getInt(frame);
      int start = frame + 8;
      for (int i = start; i + from.length <= start + length; i++) {
        if (file.slice(i, from.length).equals(ByteBuffer.wrap(from))) {
          file.put(i, to);
          CRC32C crc = new CRC32C();
          crc.update(file.array(), start, length);
          file.putInt(frame + 4, (int) crc.getValue());
          changed = true;
        }
      }
      frame = start + length;
    }
    if (changed) {
      Files.write(segment, file.array());
    }
    return changed;
  }
}

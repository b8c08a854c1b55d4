package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.security.cert.Certificates;
import dev.tdeveloper.tenancy.time.Ticker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /ops/posture} over real HTTP: findings from the live tenants.yaml and security.yaml.
 */
class DemoPostureTest {
  private static final String TOKEN = "operator-t0ken-for-posture";
  private static final String TENANTS =
      """
      defaultPlan: free
      defaults:
        ratelimit: { requests-per-second: 5, burst: 10 }
      plans:
        free: { settings: { quota: { notes: { limit: 100 } } } }
        trial: {}
      tenants:
        acme: { plan: free }
        globex: { plan: trial }
      """;

  @TempDir Path dir;
  private DemoApp app;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private void start(Path tenants) throws Exception {
    DemoOptions options =
        new DemoOptions(0, tenants, dir.resolve("data"), List.of("localhost"), Optional.of(TOKEN));
    app = DemoApp.start(options, InstantSource.system(), Ticker.system());
  }

  private HttpResponse<String> get(String path, boolean operator) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Accept", "*/*");
    if (operator) {
      request.header("Authorization", "Bearer " + TOKEN);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void listsAPlanAndATenantWithoutQuotaToOperatorsOnly() throws Exception {
    Path tenants = Files.writeString(dir.resolve("tenants.yaml"), TENANTS);
    Files.writeString(dir.resolve("security.yaml"), "certificates: { minimumDaysLeft: 14 }\n");
    start(tenants);

    assertThat(get("/ops/posture", false).statusCode()).isEqualTo(401);
    HttpResponse<String> response = get("/ops/posture", true);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = Json.MAPPER.readTree(response.body());
    assertThat(body.get("policyFile").asText()).isEqualTo(dir.resolve("security.yaml").toString());
    assertThat(body.at("/policy/certificateMinimumDaysLeft").asInt()).isEqualTo(14);
    assertThat(body.get("checks").toString()).isEqualTo("[\"tenants\",\"keys\"]");
    assertThat(body.at("/counts/MEDIUM").asLong()).isEqualTo(2);
    assertThat(body.get("findings").findValuesAsText("key"))
        .containsExactly(
            "tenants.plan-without-quota|plan:trial", "tenants.tenant-without-quota|tenant:globex");
    JsonNode first = body.get("findings").get(0);
    assertThat(first.get("severity").asText()).isEqualTo("MEDIUM");
    assertThat(first.get("remediation").asText()).contains("quota.<resource>.limit");

    JsonNode globex = Json.MAPPER.readTree(get("/ops/posture?tenant=globex", true).body());
    assertThat(globex.get("findings").findValuesAsText("checkId"))
        .containsExactly("tenants.tenant-without-quota");
    JsonNode acme = Json.MAPPER.readTree(get("/ops/posture?tenant=acme", true).body());
    assertThat(acme.get("findings")).isEmpty();
  }

  @Test
  void theShippedConfigurationHasNoFinding() throws Exception {
    Path tenants = dir.resolve("tenants.yaml");
    Files.copy(DemoAppTest.SHIPPED, tenants);
    start(tenants);

    JsonNode body = Json.MAPPER.readTree(get("/ops/posture", true).body());

    assertThat(body.get("policyFile").asText())
        .isEqualTo(dir.resolve("data").resolve("security.yaml").toString());
    assertThat(Files.readString(dir.resolve("data").resolve("security.yaml")))
        .isEqualTo(Files.readString(Path.of("src/main/resources/config/production/security.yaml")));
    assertThat(body.at("/policy/minimumTlsProtocol").asText()).isEqualTo("TLSv1.3");
    assertThat(body.get("findings")).isEmpty();
  }

  @Test
  void withTlsOnTheEndpointAndItsCertificateAreCheckedToo() throws Exception {
    Path tenants = dir.resolve("tenants.yaml");
    Files.copy(DemoAppTest.SHIPPED, tenants);
    Files.writeString(dir.resolve("security.yaml"), "certificates: { minimumDaysLeft: 120 }\n");
    DemoOptions options =
        new DemoOptions(0, tenants, dir.resolve("data"), List.of("localhost"), Optional.of(TOKEN))
            .withTls(new DemoTls.LocalCa());
    app = DemoApp.start(options, InstantSource.system());
    X509Certificate certificate =
        Certificates.readPem(dir.resolve("data").resolve(TlsEndpoint.SERVER_FILE)).get(0);
    X509Certificate ca =
        Certificates.readPem(dir.resolve("data").resolve(TlsEndpoint.CA_DIR).resolve("ca-cert.pem"))
            .get(0);

    String answer;
    try (SSLSocket socket = TlsClients.socket(TlsClients.trusting(ca), app.port(), "TLSv1.3")) {
      answer = TlsClients.get(socket, "/ops/posture", "Authorization: Bearer " + TOKEN);
    }

    assertThat(answer).startsWith("HTTP/1.1 200 ");
    JsonNode body = Json.MAPPER.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    assertThat(body.get("checks").toString())
        .isEqualTo("[\"tenants\",\"keys\",\"tls\",\"certificates\"]");
    assertThat(body.get("findings")).hasSize(1);
    JsonNode finding = body.get("findings").get(0);
    assertThat(finding.get("checkId").asText()).isEqualTo("certificates.expiring");
    assertThat(finding.get("severity").asText()).isEqualTo("HIGH");
    assertThat(finding.at("/subject/id").asText())
        .isEqualTo(Certificates.sha256Fingerprint(certificate));
    assertThat(finding.get("required").asText()).isEqualTo("at least 120 days left");
  }
}

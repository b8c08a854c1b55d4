package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tdeveloper.aws.testkit.json.LocalAwsJsonServer;
import dev.tdeveloper.aws.testkit.s3.LocalS3Mock;
import dev.tdeveloper.aws.testkit.s3.LocalS3Server;
import dev.tdeveloper.backend.aws.kms.KmsKeyManager;
import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.KeyUnwrapException;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The demo with {@code --s3-bucket}, {@code --s3-endpoint} (Adobe S3Mock on loopback) and {@code
 * --kms-key} (aws-testkit's KMS double, reached through the SDK's own endpoint override, the system
 * property {@code aws.endpointUrlKms}); credentials and region come from the SDK's default chain
 * (here its system properties), as they would from the environment.
 */
class DemoAwsTest {
  private static final String TOKEN = "operator-t0ken-for-tests";
  private static final String SECRET_KEY = "demo-aws-Secret-never-shown-7Q";
  private static final Map<String, String> PROPERTIES =
      Map.of(
          "aws.region", "us-east-1",
          "aws.accessKeyId", "AKIADEMOAWSTEST",
          "aws.secretAccessKey", SECRET_KEY);

  private static LocalAwsJsonServer kmsServer;
  private static LocalS3Server s3Server;
  private static String keyId;

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();
  private DemoApp app;
  private String bucket;

  @BeforeAll
  static void servers() {
    kmsServer = LocalAwsJsonServer.start();
    s3Server = LocalS3Mock.shared();
    PROPERTIES.forEach(System::setProperty);
    System.setProperty("aws.endpointUrlKms", kmsServer.endpoint().toString());
    try (KmsClient kms =
        KmsClient.builder()
            .endpointOverride(kmsServer.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATEST", "x")))
            .build()) {
      keyId = kms.createKey(k -> k.description("demo notes")).keyMetadata().keyId();
    }
  }

  @AfterAll
  static void stopServers() {
    PROPERTIES.keySet().forEach(System::clearProperty);
    System.clearProperty("aws.endpointUrlKms");
    kmsServer.close();
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private DemoApp start() throws Exception {
    bucket = "demo-" + UUID.randomUUID().toString().substring(0, 8);
    s3Server.createBucket(bucket, false);
    DemoAwsOptions aws = DemoAwsOptions.of(bucket, s3Server.endpoint().toString(), keyId);
    return DemoTestApps.start(dir, TOKEN, clock, clock, options -> options.withAws(aws));
  }

  @Test
  void backupsLandInTheBucketUnderTheTenantsPrefixAndRestoreFromIt() throws Exception {
    try (LogCapture log = new LogCapture()) {
      app = start();
      create("acme", "kept in s3");
      create("globex", "globex's own");
      backup();
      Instant backedUp = clock.instant();
      delete("acme", 1);
      create("acme", "after the backup");
      assertThat(texts("acme")).containsExactly("after the backup");

      List<String> keys = objectKeys();
      assertThat(keys).allMatch(k -> k.startsWith(DemoAws.BACKUP_PREFIX));
      assertThat(keys)
          .anyMatch(k -> k.startsWith("demo-backups/tenant-acme/manifests/"))
          .anyMatch(k -> k.startsWith("demo-backups/tenant-acme/chunks/"))
          .anyMatch(k -> k.startsWith("demo-backups/tenant-globex/manifests/"));
      assertThat(dir.resolve("data").resolve("backups")).doesNotExist();

      HttpResponse<String> restored =
          admin("POST", "/admin/dr/restore", "{\"tenant\":\"acme\",\"at\":\"" + backedUp + "\"}");
      assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
      assertThat(texts("acme")).containsExactly("kept in s3");
      assertThat(texts("globex")).containsExactly("globex's own");

      app.close();
      app = null;
      assertThat(log.text())
          .contains("backups go to S3 bucket " + bucket)
          .doesNotContain(SECRET_KEY);
    }
  }

  @Test
  void aTenantsNotesAreSealedUnderDataKeysTheKmsKeyWrapsForThatTenantOnly() throws Exception {
    app = start();
    long wrapsBefore = kmsServer.requests("TrentService.Encrypt");
    create("acme", "wrapped by kms");
    assertThat(texts("acme")).containsExactly("wrapped by kms");
    assertThat(kmsServer.requests("TrentService.Encrypt")).isGreaterThan(wrapsBefore);

    KeyManager keys = app.services().keys.manager;
    assertThat(keys).isInstanceOf(KmsKeyManager.class);
    TenantId acme = TenantId.of("acme");
    int version = keys.primary(acme).orElseThrow().version();
    byte[] dataKey = new byte[32];
    Arrays.fill(dataKey, (byte) 7);
    byte[] wrapped = keys.wrap(acme, version, dataKey, new byte[] {1});
    assertThat(keys.unwrap(acme, version, wrapped, new byte[] {1})).isEqualTo(dataKey);
    assertThatThrownBy(() -> keys.unwrap(TenantId.of("globex"), version, wrapped, new byte[] {1}))
        .isInstanceOf(KeyUnwrapException.class);
    assertThat(app.services().aws.toString())
        .contains("s3://" + bucket, "kms " + keyId)
        .doesNotContain(SECRET_KEY);
  }

  private List<String> objectKeys() {
    try (S3Client s3 = s3Server.client()) {
      return s3.listObjectsV2Paginator(l -> l.bucket(bucket)).contents().stream()
          .map(S3Object::key)
          .toList();
    }
  }

  private HttpResponse<String> call(
      String method, String path, Optional<String> tenant, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Accept", "*/*")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "text/plain; charset=utf-8");
    }
    tenant.ifPresent(t -> b.header("X-Tenant-Id", t));
    if (tenant.isEmpty()) {
      b.header("Authorization", "Bearer " + TOKEN);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> admin(String method, String path, String body) throws Exception {
    return call(method, path, Optional.empty(), body);
  }

  private void create(String tenant, String text) throws Exception {
    clock.advance(Duration.ofSeconds(1));
    HttpResponse<String> r =
        call("POST", "/notes", Optional.of(tenant), "{\"text\":\"" + text + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private void delete(String tenant, int id) throws Exception {
    clock.advance(Duration.ofSeconds(1));
    assertThat(call("DELETE", "/notes/" + id, Optional.of(tenant), null).statusCode())
        .isBetween(200, 204);
  }

  private void backup() throws Exception {
    clock.advance(Duration.ofSeconds(1));
    HttpResponse<String> r = admin("POST", "/admin/dr/backup", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private List<String> texts(String tenant) throws Exception {
    JsonNode notes = Json.MAPPER.readTree(call("GET", "/notes", Optional.of(tenant), null).body());
    List<String> texts = new ArrayList<>();
    notes.path("notes").forEach(n -> texts.add(n.path("text").asText()));
    return texts;
  }
}

package dev.tdeveloper.aws.testkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/** The KMS double, driven through the real SDK client. */
class KmsDoubleTest {
  private final ManualClock clock = new ManualClock();
  private final LocalAwsJsonServer server = LocalAwsJsonServer.start(clock);
  private final KmsClient kms = client("AKIDEXAMPLE");

  static StaticCredentialsProvider credentials(String accessKey) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "test-secret"));
  }

  private KmsClient client(String accessKey) {
    return KmsClient.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials(accessKey))
        .build();
  }

  @AfterEach
  void stop() {
    kms.close();
    server.close();
  }

  private String newKey() {
    return kms.createKey(b -> b.description("test")).keyMetadata().keyId();
  }

  private SdkBytes encrypt(String key, String text, Map<String, String> context) {
    return kms.encrypt(
            b -> b.keyId(key).plaintext(SdkBytes.fromUtf8String(text)).encryptionContext(context))
        .ciphertextBlob();
  }

  @Test
  void encryptsAndDecryptsUnderTheSameEncryptionContextOnly() {
    String key = newKey();
    SdkBytes blob = encrypt(key, "data key", Map.of("tenant", "acme"));
    assertThat(
            kms.decrypt(b -> b.ciphertextBlob(blob).encryptionContext(Map.of("tenant", "acme")))
                .plaintext()
                .asUtf8String())
        .isEqualTo("data key");
    assertThatThrownBy(
            () ->
                kms.decrypt(
                    b -> b.ciphertextBlob(blob).encryptionContext(Map.of("tenant", "globex"))))
        .isInstanceOf(InvalidCiphertextException.class);
    assertThatThrownBy(() -> kms.decrypt(b -> b.ciphertextBlob(blob)))
        .isInstanceOf(InvalidCiphertextException.class);
    String other = newKey();
    assertThatThrownBy(
            () ->
                kms.decrypt(
                    b ->
                        b.keyId(other)
                            .ciphertextBlob(blob)
                            .encryptionContext(Map.of("tenant", "acme"))))
        .isInstanceOf(IncorrectKeyException.class);
  }

  @Test
  void generatesDataKeysWhoseCiphertextDecryptsToThePlaintext() {
    String key = newKey();
    var generated =
        kms.generateDataKey(
            b -> b.keyId(key).keySpec(DataKeySpec.AES_256).encryptionContext(Map.of("t", "a")));
    assertThat(generated.plaintext().asByteArray()).hasSize(32);
    assertThat(
            kms.decrypt(
                    b ->
                        b.ciphertextBlob(generated.ciphertextBlob())
                            .encryptionContext(Map.of("t", "a")))
                .plaintext())
        .isEqualTo(generated.plaintext());
  }

  @Test
  void disabledKeysRefuseUntilEnabledAndAliasesResolve() {
    String key = newKey();
    kms.createAlias(b -> b.aliasName("alias/app/acme/v1").targetKeyId(key));
    SdkBytes blob = encrypt("alias/app/acme/v1", "x", Map.of());
    kms.disableKey(b -> b.keyId(key));
    assertThat(kms.describeKey(b -> b.keyId("alias/app/acme/v1")).keyMetadata().keyState())
        .isEqualTo(KeyState.DISABLED);
    assertThatThrownBy(() -> kms.decrypt(b -> b.ciphertextBlob(blob)))
        .isInstanceOf(DisabledException.class);
    kms.enableKey(b -> b.keyId(key));
    assertThat(kms.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("x");
    assertThatThrownBy(
            () -> kms.createAlias(b -> b.aliasName("alias/app/acme/v1").targetKeyId(key)))
        .isInstanceOf(AlreadyExistsException.class);
    assertThatThrownBy(() -> kms.createAlias(b -> b.aliasName("alias/aws/mine").targetKeyId(key)))
        .isInstanceOf(KmsException.class)
        .hasMessageContaining("alias/aws/");
    assertThatThrownBy(() -> kms.describeKey(b -> b.keyId("alias/none")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void scheduledDeletionRefusesAtOnceCanBeCancelledAndDeletesAfterTheWindow() {
    String key = newKey();
    kms.createAlias(b -> b.aliasName("alias/shred/me").targetKeyId(key));
    SdkBytes blob = encrypt(key, "x", Map.of());
    assertThatThrownBy(() -> kms.scheduleKeyDeletion(b -> b.keyId(key).pendingWindowInDays(6)))
        .isInstanceOf(KmsException.class)
        .hasMessageContaining("7 to 30");
    var scheduled = kms.scheduleKeyDeletion(b -> b.keyId(key).pendingWindowInDays(7));
    assertThat(scheduled.deletionDate()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
    assertThat(scheduled.keyState()).isEqualTo(KeyState.PENDING_DELETION);
    assertThatThrownBy(() -> kms.decrypt(b -> b.ciphertextBlob(blob)))
        .isInstanceOf(KmsInvalidStateException.class);
    kms.cancelKeyDeletion(b -> b.keyId(key));
    assertThat(kms.describeKey(b -> b.keyId(key)).keyMetadata().keyState())
        .isEqualTo(KeyState.DISABLED);
    kms.scheduleKeyDeletion(b -> b.keyId(key).pendingWindowInDays(7));
    clock.advance(Duration.ofDays(7));
    assertThatThrownBy(() -> kms.describeKey(b -> b.keyId(key)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> kms.describeKey(b -> b.keyId("alias/shred/me")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> kms.decrypt(b -> b.ciphertextBlob(blob)))
        .isInstanceOf(InvalidCiphertextException.class);
  }

  @Test
  void listsAliasesPageByPage() {
    String key = newKey();
    for (int i = 0; i < 5; i++) {
      String name = "alias/page/" + i;
      kms.createAlias(b -> b.aliasName(name).targetKeyId(key));
    }
    ListAliasesResponse first = kms.listAliases(b -> b.limit(3));
    assertThat(first.truncated()).isTrue();
    ListAliasesResponse second = kms.listAliases(b -> b.limit(3).marker(first.nextMarker()));
    assertThat(second.truncated()).isFalse();
    assertThat(first.aliases().size() + second.aliases().size()).isEqualTo(5);
    assertThat(kms.listAliasesPaginator(b -> b.limit(2)).aliases().stream().count()).isEqualTo(5);
  }

  @Test
  void throttlingIsRetriedByTheSdkRetryStrategy() {
    String key = newKey();
    server.throttleNext(2);
    encrypt(key, "x", Map.of());
    assertThat(server.requests("TrentService.Encrypt")).isEqualTo(3);
    server.throttleNext(10);
    assertThatThrownBy(() -> encrypt(key, "x", Map.of()))
        .isInstanceOfSatisfying(
            KmsException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
              assertThat(e.statusCode()).isEqualTo(400);
            });
    server.throttleNext(0);
  }

  @Test
  void anInjectedErrorIsAnsweredOnceWithItsTypeAndMessage() {
    server.failNext("ValidationException", "echoed value");
    assertThatThrownBy(this::newKey)
        .isInstanceOfSatisfying(
            KmsException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
              assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("echoed value");
            });
    assertThat(newKey()).isNotEmpty();
  }

  @Test
  void unsignedRequestsAreRefused() throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(server.endpoint())
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", "TrentService.CreateKey")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("\"__type\":\"MissingAuthenticationTokenException\"");
  }
}

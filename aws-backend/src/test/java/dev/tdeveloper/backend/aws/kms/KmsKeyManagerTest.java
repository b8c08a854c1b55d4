package dev.tdeveloper.backend.aws.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.aws.testkit.json.LocalAwsJsonServer;
import dev.tdeveloper.security.crypto.EnvelopeEncryptor;
import dev.tdeveloper.security.secrets.InMemorySecretStore;
import dev.tdeveloper.security.spi.KeyManagerException;
import dev.tdeveloper.security.spi.KeyUnavailableException;
import dev.tdeveloper.security.spi.KeyVersion;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;

/** What the KMS key manager adds to the contract: KMS enforcing states, deletion, caching. */
class KmsKeyManagerTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final byte[] AAD = "record-7".getBytes(StandardCharsets.UTF_8);

  private final ManualClock clock = new ManualClock();
  private final LocalAwsJsonServer server = LocalAwsJsonServer.start(clock);
  private final KmsClient kms = LocalKms.kms(server);

  @AfterEach
  void stop() {
    kms.close();
    server.close();
  }

  private KmsKeyManager perTenant() {
    return KmsKeyManager.builder(kms)
        .keyPerTenant("app")
        .deletionWindowDays(7)
        .ticker(clock)
        .build();
  }

  private static byte[] dek() {
    byte[] dek = new byte[32];
    new java.util.Random(7).nextBytes(dek);
    return dek;
  }

  @Test
  void destroySchedulesTheKeysDeletionAndKmsItselfRefusesAtOnce() {
    KmsKeyManager keys = perTenant();
    keys.rotate(ACME);
    byte[] wrapped = keys.wrap(ACME, 1, dek(), AAD);
    keys.destroy(ACME, 1);
    var meta = kms.describeKey(b -> b.keyId("alias/app/acme/v1")).keyMetadata();
    assertThat(meta.keyState()).isEqualTo(KeyState.PENDING_DELETION);
    assertThat(meta.deletionDate()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
    assertThatThrownBy(
            () ->
                kms.decrypt(
                    b ->
                        b.ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                            .encryptionContext(EncryptionContexts.of(ACME, 1, AAD))))
        .as("a client bypassing the library is refused too")
        .isInstanceOf(KmsInvalidStateException.class);
  }

  @Test
  void withinTheWaitingPeriodAnOperatorCanCancelTheDeletionAndTheVersionReadsDisabled() {
    KmsKeyManager keys = perTenant();
    keys.rotate(ACME);
    byte[] dek = dek();
    byte[] wrapped = keys.wrap(ACME, 1, dek, AAD);
    keys.destroy(ACME, 1);
    kms.cancelKeyDeletion(b -> b.keyId("alias/app/acme/v1"));
    KmsKeyManager reopened = perTenant();
    assertThat(reopened.version(ACME, 1).map(KeyVersion::state))
        .as("the window is why shredding completes only when it ends")
        .contains(dev.tdeveloper.security.spi.KeyState.DISABLED);
    reopened.enable(ACME, 1);
    assertThat(reopened.unwrap(ACME, 1, wrapped, AAD)).isEqualTo(dek);
  }

  @Test
  void aVersionKmsHasDeletedAfterTheWaitingPeriodStaysDestroyed() {
    KmsKeyManager keys = perTenant();
    keys.rotate(ACME);
    keys.rotate(ACME);
    byte[] dek = dek();
    byte[] underTwo = keys.wrap(ACME, 2, dek, AAD);
    keys.destroy(ACME, 1);
    clock.advance(Duration.ofDays(7));
    keys.close();
    KmsKeyManager reopened = perTenant();
    assertThat(reopened.version(ACME, 1))
        .contains(
            new KeyVersion(ACME, 1, dev.tdeveloper.security.spi.KeyState.DESTROYED, Instant.EPOCH));
    assertThat(reopened.unwrap(ACME, 2, underTwo, AAD)).isEqualTo(dek);
    assertThat(reopened.rotate(ACME).version()).isEqualTo(3);
  }

  @Test
  void anotherInstanceSeesRotationsAndKmsEnforcesItsDisable() {
    KmsKeyManager a = perTenant();
    KmsKeyManager b = perTenant();
    a.rotate(ACME);
    assertThat(b.primary(ACME).map(KeyVersion::version)).contains(1);
    a.rotate(ACME);
    byte[] dek = dek();
    byte[] wrapped = a.wrap(ACME, 2, dek, AAD);
    assertThat(b.unwrap(ACME, 2, wrapped, AAD))
        .as("a version beyond the known ones")
        .isEqualTo(dek);
    byte[] underOne = a.wrap(ACME, 1, dek, AAD);
    a.disable(ACME, 1);
    assertThatThrownBy(() -> b.unwrap(ACME, 1, underOne, AAD))
        .isInstanceOfSatisfying(
            KeyUnavailableException.class,
            e -> assertThat(e.state()).contains(dev.tdeveloper.security.spi.KeyState.DISABLED));
    a.enable(ACME, 1);
    assertThat(b.unwrap(ACME, 1, underOne, AAD)).isEqualTo(dek);
  }

  @Test
  void aRotationRacedByAnotherInstanceTakesTheNextVersionAndRetiresItsOrphanKey() {
    KmsKeyManager a = perTenant();
    KmsKeyManager b = perTenant();
    a.rotate(ACME);
    assertThat(b.versions(ACME)).hasSize(1);
    a.rotate(ACME);
    long keysBefore = server.requests("TrentService.ScheduleKeyDeletion");
    assertThat(b.rotate(ACME).version()).as("v2 was taken by the other instance").isEqualTo(3);
    assertThat(b.versions(ACME)).extracting(KeyVersion::version).containsExactly(1, 2, 3);
    assertThat(server.requests("TrentService.ScheduleKeyDeletion")).isEqualTo(keysBefore + 1);
    assertThat(a.version(ACME, 3)).isPresent();
  }

  @Test
  void withOneSharedKeyAnotherInstanceSeesADestroyWithinTheRefreshInterval() {
    String key = kms.createKey(b -> b.description("shared")).keyMetadata().keyId();
    try (InMemorySecretStore records = InMemorySecretStore.create()) {
      KmsKeyManager a =
          KmsKeyManager.builder(kms).sharedKey(key, records, "v").ticker(clock).build();
      KmsKeyManager b =
          KmsKeyManager.builder(kms).sharedKey(key, records, "v").ticker(clock).build();
      a.rotate(ACME);
      byte[] dek = dek();
      byte[] wrapped = a.wrap(ACME, 1, dek, AAD);
      assertThat(b.unwrap(ACME, 1, wrapped, AAD)).isEqualTo(dek);
      a.destroy(ACME, 1);
      assertThatThrownBy(() -> a.unwrap(ACME, 1, wrapped, AAD))
          .isInstanceOf(KeyUnavailableException.class);
      clock.advance(KmsKeyManagerBuilder.DEFAULT_REFRESH_INTERVAL);
      assertThatThrownBy(() -> b.unwrap(ACME, 1, wrapped, AAD))
          .isInstanceOfSatisfying(
              KeyUnavailableException.class,
              e -> assertThat(e.state()).contains(dev.tdeveloper.security.spi.KeyState.DESTROYED));
    }
  }

  @Test
  void repeatedUnwrapsOfOneKeyCostOneDecryptUntilAStateChange() {
    KmsKeyManager keys = perTenant();
    keys.rotate(ACME);
    byte[] dek = dek();
    byte[] wrapped = keys.wrap(ACME, 1, dek, AAD);
    for (int i = 0; i < 5; i++) {
      assertThat(keys.unwrap(ACME, 1, wrapped, AAD)).isEqualTo(dek);
    }
    assertThat(server.requests("TrentService.Decrypt")).isEqualTo(1);
    keys.disable(ACME, 1);
    keys.enable(ACME, 1);
    keys.unwrap(ACME, 1, wrapped, AAD);
    assertThat(server.requests("TrentService.Decrypt")).isEqualTo(2);
    clock.advance(KmsKeyManagerBuilder.DEFAULT_UNWRAP_CACHE_AGE);
    keys.unwrap(ACME, 1, wrapped, AAD);
    assertThat(server.requests("TrentService.Decrypt")).isEqualTo(3);
  }

  @Test
  void theCoresEnvelopeEncryptionRunsOnKmsWithoutAKmsCallPerMessage() {
    KmsKeyManager keys = perTenant();
    keys.rotate(ACME);
    EnvelopeEncryptor encryptor = EnvelopeEncryptor.builder(keys).ticker(clock).build();
    for (int i = 0; i < 50; i++) {
      byte[] plain = ("message " + i).getBytes(StandardCharsets.UTF_8);
      byte[] sealed = encryptor.encrypt(ACME, plain, AAD);
      assertThat(encryptor.decrypt(ACME, sealed, AAD)).isEqualTo(plain);
    }
    assertThat(server.requests("TrentService.Encrypt")).isEqualTo(1);
    assertThat(server.requests("TrentService.Decrypt")).isZero();
  }

  @Test
  void withOneSharedKeyTheContextKeepsTenantsApartInsideKms() {
    String key = kms.createKey(b -> b.description("shared")).keyMetadata().keyId();
    try (InMemorySecretStore records = InMemorySecretStore.create()) {
      KmsKeyManager keys =
          KmsKeyManager.builder(kms).sharedKey(key, records, "kms/versions").clock(clock).build();
      keys.rotate(ACME);
      keys.rotate(GLOBEX);
      byte[] wrapped = keys.wrap(ACME, 1, dek(), AAD);
      assertThatThrownBy(
              () ->
                  kms.decrypt(
                      b ->
                          b.ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                              .encryptionContext(EncryptionContexts.of(GLOBEX, 1, AAD))))
          .isInstanceOf(InvalidCiphertextException.class);
      assertThat(keys.tenants()).containsExactly(ACME, GLOBEX);
      assertThat(keys.toString()).contains(key).contains("kms/versions");
    }
  }

  @Test
  void throttlingIsRetriedByTheSdkAndAFailureNamesTheCodeNotTheCredentials() {
    KmsKeyManager keys = perTenant();
    keys.rotate(ACME);
    server.throttleNext(2);
    keys.wrap(ACME, 1, dek(), AAD);
    assertThat(server.requests("TrentService.Encrypt")).isEqualTo(3);
    server.throttleNext(3);
    assertThatThrownBy(() -> keys.wrap(ACME, 1, dek(), AAD))
        .isInstanceOf(KeyManagerException.class)
        .hasMessageContaining("ThrottlingException")
        .hasMessageContaining("acme")
        .hasMessageNotContaining(LocalKms.SECRET_ACCESS_KEY)
        .hasNoCause();
    assertThat(keys.toString()).doesNotContain(LocalKms.SECRET_ACCESS_KEY).contains("alias/app/");
  }

  @Test
  void theBuilderRejectsBadSettingsNamingThem() {
    assertThatThrownBy(() -> KmsKeyManager.builder(kms).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("keyPerTenant");
    assertThatThrownBy(
            () ->
                KmsKeyManager.builder(kms)
                    .keyPerTenant("app")
                    .sharedKey("k", InMemorySecretStore.create(), "r"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> KmsKeyManager.builder(kms).keyPerTenant("aws/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("aws/x");
    assertThatThrownBy(() -> KmsKeyManager.builder(kms).keyPerTenant("a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("aliasPrefix");
    assertThatThrownBy(() -> KmsKeyManager.builder(kms).deletionWindowDays(6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deletionWindowDays")
        .hasMessageContaining("6");
    assertThatThrownBy(() -> KmsKeyManager.builder(kms).unwrapCache(-1, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> KmsKeyManager.builder(kms).ticker(clock).ticker(clock))
        .isInstanceOf(IllegalStateException.class);
  }
}

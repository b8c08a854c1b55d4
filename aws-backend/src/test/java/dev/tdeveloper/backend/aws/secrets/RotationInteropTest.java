package dev.tdeveloper.backend.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.aws.testkit.json.LocalAwsJsonServer;
import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.security.secrets.rotation.Credential;
import dev.tdeveloper.security.secrets.rotation.InMemoryRotationTarget;
import dev.tdeveloper.security.secrets.rotation.RotationResult;
import dev.tdeveloper.security.secrets.rotation.RotationStrategy;
import dev.tdeveloper.security.secrets.rotation.SecretRotationPolicy;
import dev.tdeveloper.security.secrets.rotation.SecretRotator;
import dev.tdeveloper.security.spi.RotationTarget;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Our {@link SecretRotator} and a rotation Lambda following AWS's contract (createSecret,
 * setSecret, testSecret, finishSecret, then the service removing AWSPENDING), simulated through the
 * SDK, rotate one secret and each understands, and resumes, what the other did.
 */
class RotationInteropTest {
  private static final String USER = "app";
  private final ManualClock clock = new ManualClock();
  private final LocalAwsJsonServer server = LocalAwsJsonServer.start(clock);
  private final SecretsManagerClient client = SecretsManagerSecretStoreContractTest.client(server);
  private final SecretsManagerSecretStore store = SecretsManagerSecretStore.create(client, "");
  private final InMemoryRotationTarget database = InMemoryRotationTarget.withUsers(USER);
  private final SecretName name = SecretName.of(TenantId.of("acme"), "db/app");
  private final String arn = "tenant/acme/db/app";

  @BeforeEach
  void firstPassword() {
    Secret password = Secret.ofString("initial-password-1");
    database.set(USER, password);
    store.putCurrent(name, UUID.randomUUID().toString(), new Credential(USER, password).encode());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private SecretRotator rotator(RotationTarget target) {
    return SecretRotator.builder(store, name, target)
        .strategy(RotationStrategy.singleUser(USER))
        .policy(SecretRotationPolicy.maxAge(Duration.ofDays(30)))
        .clock(clock)
        .build();
  }

  /** The Lambda's createSecret step: a candidate labelled AWSPENDING under the given token. */
  private void lambdaCreateSecret(String token) {
    client.getSecretValue(b -> b.secretId(arn).versionStage("AWSCURRENT"));
    boolean exists;
    try {
      client.getSecretValue(b -> b.secretId(arn).versionId(token).versionStage("AWSPENDING"));
      exists = true;
    } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException e) {
      exists = false;
    }
    if (!exists) {
      String value =
          new Credential(USER, Secret.ofString("lambda-" + token)).encode().stringValue();
      client.putSecretValue(
          b ->
              b.secretId(arn)
                  .clientRequestToken(token)
                  .secretString(value)
                  .versionStages("AWSPENDING"));
    }
  }

  private Credential pendingOf(String token) {
    return Credential.decode(
        Secret.ofString(
            client
                .getSecretValue(b -> b.secretId(arn).versionId(token).versionStage("AWSPENDING"))
                .secretString()));
  }

  /** setSecret, testSecret and finishSecret, then the service's removal of AWSPENDING. */
  private void lambdaFinish(String token) {
    Credential pending = pendingOf(token);
    database.set(pending.user(), pending.password());
    assertThat(database.test(pending.user(), pending.password())).isTrue();
    Map<String, List<String>> stages =
        client.describeSecret(b -> b.secretId(arn)).versionIdsToStages();
    String current =
        stages.entrySet().stream()
            .filter(e -> e.getValue().contains("AWSCURRENT"))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    if (!current.equals(token)) {
      client.updateSecretVersionStage(
          b ->
              b.secretId(arn)
                  .versionStage("AWSCURRENT")
                  .moveToVersionId(token)
                  .removeFromVersionId(current));
    }
    client.updateSecretVersionStage(
        b -> b.secretId(arn).versionStage("AWSPENDING").removeFromVersionId(token));
  }

  private Credential current() {
    return Credential.decode(store.valueAt(name, SecretLabel.CURRENT).orElseThrow());
  }

  @Test
  void ourRotationLooksToSecretsManagerLikeALambdasRotation() {
    String before = store.versionAt(name, SecretLabel.CURRENT).orElseThrow().versionId();
    RotationResult result = rotator(database).rotate();
    assertThat(result).isInstanceOf(RotationResult.Rotated.class);
    String after = ((RotationResult.Rotated) result).versionId();
    Map<String, List<String>> stages =
        client.describeSecret(b -> b.secretId(arn)).versionIdsToStages();
    assertThat(stages.get(after)).contains("AWSCURRENT");
    assertThat(stages.get(before)).containsExactly("AWSPREVIOUS");
    assertThat(stages.values()).noneMatch(s -> s.contains("AWSPENDING"));
    Credential fromAws =
        Credential.decode(
            Secret.ofString(client.getSecretValue(b -> b.secretId(arn)).secretString()));
    assertThat(database.login(fromAws.user(), fromAws.password())).isTrue();
  }

  @Test
  void aLambdasRotationReadsThroughOurStoreAndOurRotatorContinues() {
    String before = store.versionAt(name, SecretLabel.CURRENT).orElseThrow().versionId();
    String token = UUID.randomUUID().toString();
    lambdaCreateSecret(token);
    assertThat(store.versionAt(name, SecretLabel.PENDING).map(SecretVersion::versionId))
        .contains(token);
    lambdaFinish(token);
    assertThat(store.versionAt(name, SecretLabel.CURRENT).map(SecretVersion::versionId))
        .contains(token);
    assertThat(store.versionAt(name, SecretLabel.PREVIOUS).map(SecretVersion::versionId))
        .contains(before);
    assertThat(store.versionAt(name, SecretLabel.PENDING)).isEmpty();
    Credential now = current();
    assertThat(database.login(now.user(), now.password())).isTrue();
    assertThat(rotator(database).rotateIfDue()).isInstanceOf(RotationResult.NotDue.class);
    assertThat(rotator(database).rotate()).isInstanceOf(RotationResult.Rotated.class);
    assertThat(store.versionAt(name, SecretLabel.PREVIOUS).map(SecretVersion::versionId))
        .contains(token);
  }

  /** A process dying during the test step: an Error, which the rotator does not catch. */
  private static final class Crash extends Error {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void ourInterruptedRotationIsFinishedByTheLambda() {
    RotationTarget dying =
        new RotationTarget() {
          @Override
          public String description() {
            return "a database whose client dies mid-rotation";
          }

          @Override
          public void set(String user, Secret password) {
            database.set(user, password);
          }

          @Override
          public boolean test(String user, Secret password) {
            throw new Crash();
          }
        };
    assertThatThrownBy(() -> rotator(dying).rotate()).isInstanceOf(Crash.class);
    String pending = store.versionAt(name, SecretLabel.PENDING).orElseThrow().versionId();
    lambdaCreateSecret(pending);
    lambdaFinish(pending);
    assertThat(store.versionAt(name, SecretLabel.CURRENT).map(SecretVersion::versionId))
        .contains(pending);
    Credential now = current();
    assertThat(database.login(now.user(), now.password())).isTrue();
  }

  @Test
  void aLambdasInterruptedRotationIsFinishedByOurRotator() {
    String token = UUID.randomUUID().toString();
    lambdaCreateSecret(token);
    clock.advance(Duration.ofMinutes(16));
    RotationResult result = rotator(database).rotate();
    assertThat(result)
        .isInstanceOfSatisfying(
            RotationResult.Rotated.class, r -> assertThat(r.versionId()).isEqualTo(token));
    assertThat(client.getSecretValue(b -> b.secretId(arn)).versionId()).isEqualTo(token);
    Credential now = current();
    assertThat(database.login(now.user(), now.password())).isTrue();
    assertThat(store.versionAt(name, SecretLabel.PENDING)).isEmpty();
  }
}

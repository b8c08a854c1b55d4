package dev.tdeveloper.aws.testkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** The Secrets Manager double, driven through the real SDK client. */
class SecretsManagerDoubleTest {
  private static final String V1 = "11111111-1111-1111-1111-111111111111";
  private static final String V2 = "22222222-2222-2222-2222-222222222222";
  private static final String V3 = "33333333-3333-3333-3333-333333333333";

  private final LocalAwsJsonServer server = LocalAwsJsonServer.start();
  private final SecretsManagerClient sm =
      SecretsManagerClient.builder()
          .endpointOverride(server.endpoint())
          .region(Region.US_EAST_1)
          .credentialsProvider(KmsDoubleTest.credentials("AKIDEXAMPLE"))
          .build();

  private static Filter nameStartsWith(String prefix) {
    return Filter.builder().key(FilterNameStringType.NAME).values(prefix).build();
  }

  @AfterEach
  void stop() {
    sm.close();
    server.close();
  }

  private Map<String, List<String>> stages(String name) {
    return sm.describeSecret(b -> b.secretId(name)).versionIdsToStages();
  }

  @Test
  void aNewVersionIsCurrentByDefaultAndTheOldOneBecomesPrevious() {
    sm.createSecret(b -> b.name("db/app").clientRequestToken(V1).secretString("one"));
    sm.putSecretValue(b -> b.secretId("db/app").clientRequestToken(V2).secretString("two"));
    assertThat(stages("db/app"))
        .isEqualTo(Map.of(V1, List.of("AWSPREVIOUS"), V2, List.of("AWSCURRENT")));
    assertThat(sm.getSecretValue(b -> b.secretId("db/app")).secretString()).isEqualTo("two");
    assertThat(sm.getSecretValue(b -> b.secretId("db/app").versionStage("AWSPREVIOUS")).versionId())
        .isEqualTo(V1);
    assertThat(sm.getSecretValue(b -> b.secretId("db/app").versionId(V1)).secretString())
        .isEqualTo("one");
    assertThatThrownBy(
            () ->
                sm.getSecretValue(
                    b -> b.secretId("db/app").versionId(V1).versionStage("AWSCURRENT")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void putIsIdempotentPerTokenAndRefusesAnotherValue() {
    sm.createSecret(b -> b.name("k"));
    sm.putSecretValue(
        b -> b.secretId("k").clientRequestToken(V1).secretString("a").versionStages("AWSPENDING"));
    sm.putSecretValue(
        b -> b.secretId("k").clientRequestToken(V1).secretString("a").versionStages("AWSPENDING"));
    assertThatThrownBy(
            () -> sm.putSecretValue(b -> b.secretId("k").clientRequestToken(V1).secretString("b")))
        .isInstanceOf(ResourceExistsException.class)
        .hasMessageNotContaining("b\"");
    assertThat(stages("k")).isEqualTo(Map.of(V1, List.of("AWSPENDING")));
    assertThatThrownBy(
            () ->
                sm.putSecretValue(
                    b -> b.secretId("k").clientRequestToken("short").secretString("x")))
        .isInstanceOf(SecretsManagerException.class)
        .hasMessageContaining("32 to 64");
    assertThatThrownBy(() -> sm.createSecret(b -> b.name("k")))
        .isInstanceOf(ResourceExistsException.class);
  }

  @Test
  void movingAStageNeedsTheVersionThatHoldsIt() {
    sm.createSecret(b -> b.name("s").clientRequestToken(V1).secretString("one"));
    sm.putSecretValue(
        b ->
            b.secretId("s").clientRequestToken(V2).secretString("two").versionStages("AWSPENDING"));
    sm.putSecretValue(
        b -> b.secretId("s").clientRequestToken(V3).secretString("three").versionStages("X"));
    assertThatThrownBy(
            () ->
                sm.updateSecretVersionStage(
                    b -> b.secretId("s").versionStage("AWSCURRENT").moveToVersionId(V2)))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("RemoveFromVersionId");
    assertThatThrownBy(
            () ->
                sm.updateSecretVersionStage(
                    b ->
                        b.secretId("s")
                            .versionStage("AWSCURRENT")
                            .removeFromVersionId(V3)
                            .moveToVersionId(V2)))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("not attached to version " + V3);
    assertThatThrownBy(
            () ->
                sm.updateSecretVersionStage(
                    b -> b.secretId("s").versionStage("AWSCURRENT").removeFromVersionId(V1)))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("can't be completely removed");
    assertThatThrownBy(
            () ->
                sm.updateSecretVersionStage(
                    b ->
                        b.secretId("s")
                            .versionStage("AWSCURRENT")
                            .removeFromVersionId(V1)
                            .moveToVersionId("nope-nope-nope-nope-nope-nope-nope")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(stages("s"))
        .isEqualTo(Map.of(V1, List.of("AWSCURRENT"), V2, List.of("AWSPENDING"), V3, List.of("X")));
    sm.updateSecretVersionStage(
        b ->
            b.secretId("s").versionStage("AWSCURRENT").removeFromVersionId(V1).moveToVersionId(V2));
    sm.updateSecretVersionStage(
        b -> b.secretId("s").versionStage("AWSPENDING").removeFromVersionId(V2));
    assertThat(stages("s"))
        .isEqualTo(Map.of(V1, List.of("AWSPREVIOUS"), V2, List.of("AWSCURRENT"), V3, List.of("X")));
  }

  @Test
  void listsVersionsWithDeprecatedOnesOnRequest() {
    sm.createSecret(b -> b.name("v").clientRequestToken(V1).secretString("one"));
    sm.putSecretValue(
        b -> b.secretId("v").clientRequestToken(V2).secretString("two").versionStages("T"));
    sm.putSecretValue(
        b -> b.secretId("v").clientRequestToken(V3).secretString("three").versionStages("T"));
    assertThat(sm.listSecretVersionIds(b -> b.secretId("v")).versions()).hasSize(2);
    var all = sm.listSecretVersionIds(b -> b.secretId("v").includeDeprecated(true)).versions();
    assertThat(all).extracting(v -> v.versionId()).containsExactly(V1, V2, V3);
    assertThat(all.get(1).versionStages()).isEmpty();
  }

  @Test
  void listsSecretsPageByPageByNamePrefixAndDeletes() {
    for (int i = 0; i < 5; i++) {
      String name = "tenant/acme/s" + i;
      sm.createSecret(b -> b.name(name).secretString("x"));
    }
    sm.createSecret(b -> b.name("platform/other").secretString("x"));
    var names =
        sm
            .listSecretsPaginator(b -> b.maxResults(2).filters(nameStartsWith("tenant/acme/")))
            .stream()
            .flatMap(page -> page.secretList().stream())
            .map(s -> s.name())
            .toList();
    assertThat(names).hasSize(5).allMatch(n -> n.startsWith("tenant/acme/"));
    sm.deleteSecret(b -> b.secretId("tenant/acme/s0").recoveryWindowInDays(7L));
    assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId("tenant/acme/s0")))
        .isInstanceOf(InvalidRequestException.class);
    sm.deleteSecret(b -> b.secretId("tenant/acme/s1").forceDeleteWithoutRecovery(true));
    assertThatThrownBy(() -> sm.describeSecret(b -> b.secretId("tenant/acme/s1")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(sm.listSecrets(b -> b.filters(nameStartsWith("tenant/"))).secretList()).hasSize(3);
  }
}

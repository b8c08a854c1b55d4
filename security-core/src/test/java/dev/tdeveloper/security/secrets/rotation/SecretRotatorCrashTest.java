package dev.tdeveloper.security.secrets.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.secrets.LocalSecretStore;
import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kills a child JVM ({@code kill -9}) at each point of a rotation, between and within steps, then
 * resumes in this JVM and checks the labels and the target: one candidate version, promoted once,
 * set in the target once, the completed steps not repeated.
 */
class SecretRotatorCrashTest {
  @TempDir Path temp;

  @ParameterizedTest(name = "killed at {0}")
  @CsvSource({
    "started, CREATE_PENDING SET_IN_TARGET TEST",
    "version-put, CREATE_PENDING SET_IN_TARGET TEST",
    "CREATE_PENDING, SET_IN_TARGET TEST",
    "SET_IN_TARGET, TEST",
    "TEST, ''",
    "current-moved, ''",
  })
  void resumesExactlyWhereTheKilledRotationStopped(String point, String stepsLeft)
      throws Exception {
    String first = runChildUntil(point);
    List<SecretRotationEvent> events = new ArrayList<>();
    try (LocalSecretStore store = CrashingRotatorMain.store(temp);
        RotationJournal journal = CrashingRotatorMain.journal(temp)) {
      FileUserTable target = CrashingRotatorMain.target(temp);
      String candidate = journal.unfinished(CrashingRotatorMain.NAME).orElseThrow().versionId();
      SecretRotator rotator = rotator(store, journal, target, events);

      RotationResult result = rotator.rotateIfDue();

      assertThat(result).isEqualTo(new RotationResult.Rotated(candidate, "app_b"));
      assertThat(events.get(0)).isInstanceOf(SecretRotationEvent.Started.class);
      assertThat(((SecretRotationEvent.Started) events.get(0)).resumed()).isTrue();
      assertThat(
              events.stream()
                  .filter(SecretRotationEvent.StepDone.class::isInstance)
                  .map(e -> ((SecretRotationEvent.StepDone) e).step().name())
                  .toList())
          .isEqualTo(stepsLeft.isEmpty() ? List.of() : List.of(stepsLeft.split(" ")));
      assertRotatedOnce(store, target, first, candidate);
      assertThat(rotator.rotateIfDue()).isInstanceOf(RotationResult.NotDue.class);
    }
  }

  @ParameterizedTest(name = "killed at {0}")
  @CsvSource("PROMOTE")
  void aRotationKilledAfterItsLastRecordIsComplete(String point) throws Exception {
    String first = runChildUntil(point);
    try (LocalSecretStore store = CrashingRotatorMain.store(temp);
        RotationJournal journal = CrashingRotatorMain.journal(temp)) {
      FileUserTable target = CrashingRotatorMain.target(temp);
      assertThat(journal.unfinished(CrashingRotatorMain.NAME)).isEmpty();
      String candidate =
          store.versionAt(CrashingRotatorMain.NAME, SecretLabel.CURRENT).orElseThrow().versionId();
      assertRotatedOnce(store, target, first, candidate);
      assertThat(rotator(store, journal, target, new ArrayList<>()).rotateIfDue())
          .isInstanceOf(RotationResult.NotDue.class);
    }
  }

  private String runChildUntil(String point) throws Exception {
    try (ChildJvm child =
        ChildJvm.start(
            CrashingRotatorMain.class, temp.resolve("child.err"), temp.toString(), point)) {
      String first = child.nextLine(60);
      assertThat(first).as(child.errorOutput()).startsWith("FIRST ");
      assertThat(child.nextLine(60)).as(child.errorOutput()).isEqualTo("POINT " + point);
      child.kill();
      return first.substring("FIRST ".length());
    }
  }

  private static SecretRotator rotator(
      LocalSecretStore store,
      RotationJournal journal,
      FileUserTable target,
      List<SecretRotationEvent> events) {
    return SecretRotator.builder(store, CrashingRotatorMain.NAME, target)
        .strategy(CrashingRotatorMain.STRATEGY)
        .policy(CrashingRotatorMain.POLICY)
        .journal(journal)
        .listener(events::add)
        .build();
  }

  private static void assertRotatedOnce(
      LocalSecretStore store, FileUserTable target, String first, String candidate) {
    assertThat(store.versions(CrashingRotatorMain.NAME))
        .as("one candidate version, no second pending one")
        .extracting(SecretVersion::versionId)
        .containsExactly(first, candidate);
    assertThat(label(store, SecretLabel.CURRENT)).contains(candidate);
    assertThat(label(store, SecretLabel.PREVIOUS)).contains(first);
    assertThat(label(store, SecretLabel.PENDING)).isEmpty();
    Credential current = credential(store, candidate);
    Credential previous = credential(store, first);
    assertThat(current.user()).isEqualTo("app_b");
    assertThat(previous.user()).isEqualTo("app_a");
    assertThat(target.test(current.user(), current.password())).isTrue();
    assertThat(target.test(previous.user(), previous.password()))
        .as("alternating users: the previous credential still logs in")
        .isTrue();
    assertThat(target.changes("app_a")).isEqualTo(1);
    assertThat(target.changes("app_b")).as("set once, not again on resume").isEqualTo(1);
  }

  private static Optional<String> label(LocalSecretStore store, SecretLabel label) {
    return store.versionAt(CrashingRotatorMain.NAME, label).map(SecretVersion::versionId);
  }

  private static Credential credential(LocalSecretStore store, String version) {
    Secret stored = store.value(CrashingRotatorMain.NAME, version).orElseThrow();
    return Credential.decode(stored);
  }
}

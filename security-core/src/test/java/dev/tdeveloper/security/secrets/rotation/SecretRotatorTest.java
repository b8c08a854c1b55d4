package dev.tdeveloper.security.secrets.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.secrets.InMemorySecretStore;
import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.security.spi.RotationTarget;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretRotatorTest {
  static final SecretName DB = SecretName.of(TenantId.of("acme"), "db/app");
  static final SecretRotationPolicy MONTHLY = SecretRotationPolicy.maxAge(Duration.ofDays(30));

  final ManualClock clock = new ManualClock();
  final InMemorySecretStore store = InMemorySecretStore.create(clock);
  final InMemoryRotationTarget users = InMemoryRotationTarget.withUsers("app", "app_a", "app_b");
  final List<SecretRotationEvent> events = new ArrayList<>();

  SecretRotator rotator(RotationStrategy strategy, RotationTarget target) {
    return SecretRotator.builder(store, DB, target)
        .strategy(strategy)
        .policy(MONTHLY)
        .clock(clock)
        .listener(events::add)
        .build();
  }

  Credential current() {
    return Credential.decode(store.valueAt(DB, SecretLabel.CURRENT).orElseThrow());
  }

  Optional<String> label(SecretLabel label) {
    return store.versionAt(DB, label).map(SecretVersion::versionId);
  }

  @Test
  void singleUserRotationChangesOnePasswordInPlace() {
    SecretRotator rotator = rotator(RotationStrategy.singleUser("app"), users);
    RotationResult first = rotator.rotate();
    Credential before = current();
    assertThat(first).isInstanceOf(RotationResult.Rotated.class);
    assertThat(users.login("app", before.password())).isTrue();

    RotationResult second = rotator.rotate();

    String id = ((RotationResult.Rotated) second).versionId();
    assertThat(label(SecretLabel.CURRENT)).contains(id);
    assertThat(label(SecretLabel.PREVIOUS)).contains(((RotationResult.Rotated) first).versionId());
    assertThat(label(SecretLabel.PENDING)).isEmpty();
    assertThat(users.login("app", current().password())).isTrue();
    assertThat(users.login("app", before.password())).as("changed in place").isFalse();
    assertThat(users.passwordChanges("app")).isEqualTo(2);
    assertThat(events.subList(5, 10))
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("Started", "StepDone", "StepDone", "StepDone", "Promoted");
    assertThat(events.get(9))
        .isEqualTo(
            new SecretRotationEvent.Promoted(
                DB,
                id,
                Optional.of(((RotationResult.Rotated) first).versionId()),
                clock.instant()));
  }

  @Test
  void alternatingUsersKeepTheCurrentCredentialValidThroughout() {
    List<Boolean> currentLogsInDuringSteps = new ArrayList<>();
    SecretRotator rotator =
        SecretRotator.builder(store, DB, users)
            .strategy(RotationStrategy.alternatingUsers("app_a", "app_b"))
            .policy(MONTHLY)
            .listener(
                e -> {
                  if (e instanceof SecretRotationEvent.StepDone
                      && label(SecretLabel.CURRENT).isPresent()) {
                    Credential c = current();
                    currentLogsInDuringSteps.add(users.login(c.user(), c.password()));
                  }
                })
            .build();
    List<String> rotatedUsers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      rotatedUsers.add(((RotationResult.Rotated) rotator.rotate()).user());
    }
    assertThat(rotatedUsers).containsExactly("app_a", "app_b", "app_a", "app_b");
    assertThat(currentLogsInDuringSteps).hasSize(9).containsOnly(true);
    Credential previous = Credential.decode(store.valueAt(DB, SecretLabel.PREVIOUS).orElseThrow());
    assertThat(users.login(previous.user(), previous.password())).isTrue();
    assertThat(users.passwordChanges("app_a")).isEqualTo(2);
  }

  @Test
  void aFailedTestLeavesCurrentUntouchedAndReportsATypedFailure() {
    SecretRotator good = rotator(RotationStrategy.singleUser("app"), users);
    good.rotate();
    String current = label(SecretLabel.CURRENT).orElseThrow();
    RotationTarget lagging =
        new RotationTarget() {
          @Override
          public String description() {
            return "a replica that never applies changes";
          }

          @Override
          public void set(String user, Secret password) {}

          @Override
          public boolean test(String user, Secret password) {
            return users.login(user, password);
          }
        };
    events.clear();
    RotationResult result = rotator(RotationStrategy.singleUser("app"), lagging).rotate();

    assertThat(result)
        .isInstanceOfSatisfying(
            RotationResult.Failed.class,
            f -> {
              assertThat(f.step()).isEqualTo(RotationStep.TEST);
              assertThat(f.reason()).contains("does not log in", "set back");
            });
    assertThat(label(SecretLabel.CURRENT)).contains(current);
    assertThat(label(SecretLabel.PENDING)).isEmpty();
    assertThat(users.login("app", current().password())).isTrue();
    assertThat(events.get(events.size() - 1)).isInstanceOf(SecretRotationEvent.Failed.class);
    assertThat(good.rotate())
        .as("a later rotation starts afresh")
        .isInstanceOf(RotationResult.Rotated.class);
  }

  @Test
  void aTargetRefusingTheSetFailsThatStepAndKeepsCurrent() {
    InMemoryRotationTarget onlyA = InMemoryRotationTarget.withUsers("app_a");
    SecretRotator rotator = rotator(RotationStrategy.alternatingUsers("app_a", "app_b"), onlyA);
    rotator.rotate();
    String current = label(SecretLabel.CURRENT).orElseThrow();
    RotationResult result = rotator.rotate();
    assertThat(result).isInstanceOf(RotationResult.Failed.class);
    assertThat(((RotationResult.Failed) result).step()).isEqualTo(RotationStep.SET_IN_TARGET);
    assertThat(label(SecretLabel.CURRENT)).contains(current);
    assertThat(onlyA.login("app_a", current().password())).isTrue();
  }

  @Test
  void aThrowingListenerNeverBreaksARotation() {
    SecretRotator rotator =
        SecretRotator.builder(store, DB, users)
            .strategy(RotationStrategy.singleUser("app"))
            .policy(MONTHLY)
            .listener(
                e -> {
                  throw new IllegalStateException("listener broke");
                })
            .listener(events::add)
            .build();
    assertThat(rotator.rotate()).isInstanceOf(RotationResult.Rotated.class);
    assertThat(events).hasSize(5);
  }

  @Test
  void rotatesWhenThePolicySaysTheCurrentVersionIsDue() {
    SecretRotator rotator = rotator(RotationStrategy.singleUser("app"), users);
    assertThat(rotator.rotateIfDue())
        .as("no CURRENT yet")
        .isInstanceOf(RotationResult.Rotated.class);
    assertThat(rotator.rotateIfDue())
        .isEqualTo(new RotationResult.NotDue(clock.instant().plus(Duration.ofDays(30))));
    clock.advance(Duration.ofDays(30).minusSeconds(1));
    assertThat(rotator.rotateIfDue()).isInstanceOf(RotationResult.NotDue.class);
    clock.advance(Duration.ofSeconds(1));
    assertThat(rotator.rotateIfDue()).isInstanceOf(RotationResult.Rotated.class);
    assertThat(store.versions(DB)).hasSize(2);
  }

  @Test
  void anotherRotationsPendingVersionIsLeftAloneUntilItIsStaleThenFinished() {
    SecretRotator rotator = rotator(RotationStrategy.alternatingUsers("app_a", "app_b"), users);
    rotator.rotate();
    store.put(DB, "foreign", new Credential("app_b", Secret.ofString("chosen-elsewhere")).encode());
    store.moveLabel(DB, SecretLabel.PENDING, Optional.empty(), Optional.of("foreign"));

    RotationResult busy = rotator.rotate();
    assertThat(busy).isInstanceOf(RotationResult.Failed.class);
    assertThat(((RotationResult.Failed) busy).reason()).contains("another rotation is in progress");
    assertThat(label(SecretLabel.PENDING)).contains("foreign");

    clock.advance(
        Duration.ofMinutes(SecretRotatorBuilder.DEFAULT_PENDING_TIMEOUT_MINUTES).plusSeconds(1));
    assertThat(rotator.rotate()).isEqualTo(new RotationResult.Rotated("foreign", "app_b"));
    assertThat(store.versions(DB)).hasSize(2);
    assertThat(users.login("app_b", Secret.ofString("chosen-elsewhere"))).isTrue();
  }

  @Test
  void rotatingOneTenantsSecretNeverTouchesAnothersOfTheSameName() {
    SecretName globex = SecretName.of(TenantId.of("globex"), DB.name());
    store.putCurrent(globex, "g1", new Credential("app", Secret.ofString("globex-pw")).encode());
    rotator(RotationStrategy.singleUser("app"), users).rotate();
    rotator(RotationStrategy.singleUser("app"), users).rotate();
    assertThat(store.versions(globex)).extracting(SecretVersion::versionId).containsExactly("g1");
    assertThat(store.versions(globex).get(0).labels()).containsExactly(SecretLabel.CURRENT);
    assertThat(store.versions(DB)).hasSize(2);
  }

  @Test
  void badConfigurationIsRefusedClearly() {
    assertThatThrownBy(() -> SecretRotator.builder(store, DB, users).policy(MONTHLY).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("strategy");
    assertThatThrownBy(
            () ->
                SecretRotator.builder(store, DB, users)
                    .strategy(RotationStrategy.singleUser("app"))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("policy");
    assertThatThrownBy(() -> RotationStrategy.alternatingUsers("app", "app"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two different users");
    assertThatThrownBy(() -> RotationStrategy.singleUser("bad user"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SecretRotationPolicy.maxAge(Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAge");
    assertThatThrownBy(() -> SecretRotator.builder(store, DB, users).pendingTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> SecretRotator.builder(store, DB, users).policy(MONTHLY).policy(MONTHLY))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SecretGenerator.randomPassword(8))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SecretName.of(TenantId.of("acme"), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> SecretName.platform("db/../other"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.names()).isEmpty();
  }
}

package dev.tdeveloper.security.secrets.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.security.secrets.InMemorySecretStore;
import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.security.spi.RotationTarget;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Several rotators (as in several service instances, each with its own journal) rotate one secret
 * at once: every promotion must be a distinct version promoted once, the PREVIOUS chain must follow
 * the promotions, and the CURRENT credential must log in at the end.
 */
class SecretRotatorConcurrencyTest {
  private static final SecretName DB = SecretName.platform("db/owner");

  @RepeatedTest(3)
  void rotatorsRacingOnOneSecretNeverBothPromote() throws Exception {
    InMemorySecretStore store = InMemorySecretStore.create();
    InMemoryRotationTarget users = InMemoryRotationTarget.withUsers("owner_a", "owner_b");
    ConcurrentLinkedQueue<SecretRotationEvent.Promoted> promotions = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<RotationResult> results = new ConcurrentLinkedQueue<>();
    int rotators = 4;
    int attempts = 25;
    ConcurrentLinkedQueue<String> brokeCurrent = new ConcurrentLinkedQueue<>();
    RotationTarget checking =
        new RotationTarget() {
          @Override
          public String description() {
            return "user table checking that CURRENT's user is never changed";
          }

          @Override
          public void set(String user, Secret password) {
            store
                .valueAt(DB, SecretLabel.CURRENT)
                .map(Credential::decode)
                .filter(c -> c.user().equals(user))
                .ifPresent(c -> brokeCurrent.add(user));
            users.set(user, password);
          }

          @Override
          public boolean test(String user, Secret password) {
            return users.test(user, password);
          }
        };
    List<SecretRotator> all = new ArrayList<>();
    for (int i = 0; i < rotators; i++) {
      all.add(
          SecretRotator.builder(store, DB, checking)
              .strategy(RotationStrategy.alternatingUsers("owner_a", "owner_b"))
              .policy(SecretRotationPolicy.maxAge(Duration.ofDays(1)))
              .listener(
                  e -> {
                    if (e instanceof SecretRotationEvent.Promoted p) {
                      promotions.add(p);
                    }
                  })
              .build());
    }
    Concurrently.run(
        rotators,
        i -> {
          for (int a = 0; a < attempts; a++) {
            results.add(all.get(i).rotate());
          }
        });

    List<String> rotated =
        results.stream()
            .filter(RotationResult.Rotated.class::isInstance)
            .map(r -> ((RotationResult.Rotated) r).versionId())
            .toList();
    assertThat(rotated).isNotEmpty().doesNotHaveDuplicates();
    assertThat(brokeCurrent).as("alternating users: CURRENT's password never changed").isEmpty();
    assertThat(promotions).hasSameSizeAs(rotated);
    for (SecretRotationEvent.Promoted p : promotions) {
      assertThat(p.previousVersion().isEmpty() || !p.previousVersion().get().equals(p.versionId()))
          .isTrue();
    }
    List<Optional<String>> previousOfEach =
        promotions.stream().map(SecretRotationEvent.Promoted::previousVersion).toList();
    assertThat(Collections.frequency(previousOfEach, Optional.<String>empty()))
        .as("exactly one first promotion")
        .isEqualTo(1);
    assertThat(previousOfEach.stream().flatMap(Optional::stream).toList())
        .as("each version was replaced at most once: a linear chain")
        .doesNotHaveDuplicates();
    assertThat(store.versionAt(DB, SecretLabel.PENDING)).isEmpty();
    Credential current = Credential.decode(store.valueAt(DB, SecretLabel.CURRENT).orElseThrow());
    assertThat(users.login(current.user(), current.password())).isTrue();
    String last =
        store.versionAt(DB, SecretLabel.CURRENT).map(SecretVersion::versionId).orElseThrow();
    assertThat(rotated).contains(last);
  }
}

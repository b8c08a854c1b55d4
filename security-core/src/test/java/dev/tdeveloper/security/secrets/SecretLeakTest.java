package dev.tdeveloper.security.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tdeveloper.security.secrets.rotation.Credential;
import dev.tdeveloper.security.secrets.rotation.InMemoryRotationTarget;
import dev.tdeveloper.security.secrets.rotation.RotationStrategy;
import dev.tdeveloper.security.secrets.rotation.SecretRotationPolicy;
import dev.tdeveloper.security.secrets.rotation.SecretRotator;
import dev.tdeveloper.security.spi.RotationTarget;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives every path that logs, publishes or throws (rotations that succeed and fail, throwing
 * listeners, refused writes, failing refreshes, a wrong master key) while capturing the log output,
 * and checks that no secret value appears in the log, an event, a result or a message.
 */
class SecretLeakTest {
  private static final SecretName DB = SecretName.of(TenantId.of("acme"), "db/app");
  private static final String IMPORTED = "imported-partner-key-77";

  @TempDir Path temp;

  @Test
  void noValueReachesLogsEventsResultsOrMessages() {
    ManualClock clock = new ManualClock();
    List<String> texts = new ArrayList<>();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    FlakySecretStore store;
    try {
      store =
          new FlakySecretStore(
              LocalSecretStore.builder(temp.resolve("s")).masterKey(new byte[32]).open());
      InMemoryRotationTarget users = InMemoryRotationTarget.withUsers("app_a", "app_b");
      RotationTarget leaky =
          new RotationTarget() {
            @Override
            public String description() {
              return "a target whose errors quote the password";
            }

            @Override
            public void set(String user, Secret password) {
              if (user.equals("app_b")) {
                throw new IllegalStateException("cannot set password " + password.stringValue());
              }
              users.set(user, password);
            }

            @Override
            public boolean test(String user, Secret password) {
              return users.test(user, password);
            }
          };
      SecretRotator rotator =
          SecretRotator.builder(store, DB, leaky)
              .strategy(RotationStrategy.alternatingUsers("app_a", "app_b"))
              .policy(SecretRotationPolicy.maxAge(Duration.ofDays(1)))
              .clock(clock)
              .listener(
                  e -> {
                    throw new IllegalStateException("listener broke on " + e);
                  })
              .listener(e -> texts.add(e.toString()))
              .build();
      texts.add(rotator.rotate().toString());
      texts.add(rotator.rotate().toString()); // app_b: the target throws, quoting the password

      SecretName partner = SecretName.platform("partner/api-key");
      store.putCurrent(partner, "k1", Secret.ofString(IMPORTED));
      texts.add(message(() -> store.put(partner, "k1", Secret.ofString("conflicting-value-93"))));
      texts.add(
          message(
              () ->
                  store.moveLabel(
                      partner, SecretLabel.CURRENT, Optional.empty(), Optional.of("k1"))));
      texts.add(Credential.decode(store.valueAt(DB, SecretLabel.CURRENT).orElseThrow()).toString());

      SecretCache cache =
          SecretCache.builder(store)
              .ticker(clock)
              .executor(Runnable::run)
              .listener(e -> texts.add(e.toString()))
              .build();
      texts.add(cache.current(partner).toString());
      store.down = true;
      clock.advance(Duration.ofMinutes(6));
      cache.current(partner);
      clock.advance(Duration.ofHours(2));
      texts.add(message(() -> cache.current(partner)));
      store.down = false;
      store.close();
      texts.add(
          message(
              () ->
                  LocalSecretStore.builder(temp.resolve("s"))
                      .masterKey(
                          new byte[] {
                            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                            17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32
                          })
                      .open()));
    } finally {
      System.setErr(originalErr);
    }
    String logged = log.toString(StandardCharsets.UTF_8);
    assertThat(logged).as("the capture works").contains("rotation of secret", "listener broke");
    texts.add(logged);

    List<String> values = new ArrayList<>(List.of(IMPORTED, "conflicting-value-93"));
    try (LocalSecretStore reopened =
        LocalSecretStore.builder(temp.resolve("s")).masterKey(new byte[32]).open()) {
      for (SecretVersion version : reopened.versions(DB)) {
        Secret stored = reopened.value(DB, version.versionId()).orElseThrow();
        values.add(new String(Credential.decode(stored).password().chars()));
      }
    }
    assertThat(values).hasSize(4);
    for (String text : texts) {
      for (String value : values) {
        assertThat(text).doesNotContain(value);
      }
    }
  }

  private static String message(Runnable call) {
    Throwable thrown = catchThrowable(call::run);
    assertThat(thrown).isNotNull();
    StringBuilder all = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      all.append(t).append('\n');
    }
    return all.toString();
  }
}

package dev.tdeveloper.security.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.KeyState;
import dev.tdeveloper.security.spi.KeyUnavailableException;
import dev.tdeveloper.security.spi.KeyUnwrapException;
import dev.tdeveloper.security.spi.KeyVersion;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link KeyManager} must pass (see the interface for the rules). A backend's
 * test extends this class and implements {@link #create()}; one that persists state also overrides
 * {@link #reopen}, so destruction is checked to survive a restart. Every test uses tenants with a
 * fresh random name, so a shared KMS account needs no cleaning.
 */
public abstract class KeyManagerContract {
  /** Returns a new key manager for the test; it is closed after the test. */
  protected abstract KeyManager create();

  /**
   * Closes {@code current} and returns a new manager over the same stored keys, or empty if the
   * backend keeps nothing across instances (the restart checks are then skipped).
   */
  protected Optional<KeyManager> reopen(KeyManager current) {
    return Optional.empty();
  }

  protected KeyManager keys;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void createKeyManager() {
    keys = create();
  }

  @AfterEach
  void closeKeyManager() {
    keys.close();
  }

  /** Returns a tenant id unique to this test run. */
  protected TenantId tenant(String name) {
    return TenantId.of("kmc-" + run + "-" + name);
  }

  protected static byte[] dek() {
    byte[] dek = new byte[32];
    ThreadLocalRandom.current().nextBytes(dek);
    return dek;
  }

  protected static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void rotateNumbersVersionsFromOneAndMakesTheNewestPrimary() {
    TenantId t = tenant("a");
    assertThat(keys.primary(t)).isEmpty();
    assertThat(keys.versions(t)).isEmpty();
    KeyVersion v1 = keys.rotate(t);
    KeyVersion v2 = keys.rotate(t);
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(keys.primary(t)).contains(v2);
    assertThat(keys.versions(t)).extracting(KeyVersion::version).containsExactly(1, 2);
    assertThat(keys.versions(t)).allMatch(v -> v.state() == KeyState.ENABLED);
    assertThat(keys.tenants()).contains(t);
    assertThat(keys.version(t, 1)).contains(v1);
    assertThat(keys.version(t, 3)).isEmpty();
  }

  @Test
  void unwrapsWhatEveryEnabledVersionWrapped() {
    TenantId t = tenant("b");
    keys.rotate(t);
    byte[] dek = dek();
    byte[] underOne = keys.wrap(t, 1, dek, bytes("ctx"));
    keys.rotate(t);
    byte[] underTwo = keys.wrap(t, 2, dek, bytes("ctx"));
    assertThat(underOne).isNotEqualTo(dek).hasSizeLessThanOrEqualTo(KeyManager.MAX_WRAPPED_LENGTH);
    assertThat(keys.unwrap(t, 1, underOne, bytes("ctx"))).isEqualTo(dek);
    assertThat(keys.unwrap(t, 2, underTwo, bytes("ctx"))).isEqualTo(dek);
  }

  @Test
  void wrappedKeysAreBoundToTenantVersionAndAssociatedData() {
    TenantId a = tenant("c1");
    TenantId b = tenant("c2");
    keys.rotate(a);
    keys.rotate(a);
    keys.rotate(b);
    byte[] wrapped = keys.wrap(a, 1, dek(), bytes("ctx"));
    assertThatThrownBy(() -> keys.unwrap(b, 1, wrapped, bytes("ctx")))
        .isInstanceOf(KeyUnwrapException.class);
    assertThatThrownBy(() -> keys.unwrap(a, 2, wrapped, bytes("ctx")))
        .isInstanceOf(KeyUnwrapException.class);
    assertThatThrownBy(() -> keys.unwrap(a, 1, wrapped, bytes("other")))
        .isInstanceOf(KeyUnwrapException.class);
  }

  @Test
  void anyAlteredByteOfAWrappedKeyFailsToUnwrap() {
    TenantId t = tenant("d");
    keys.rotate(t);
    byte[] wrapped = keys.wrap(t, 1, dek(), new byte[0]);
    for (int i = 0; i < wrapped.length; i++) {
      byte[] altered = wrapped.clone();
      altered[i] ^= 0x01;
      assertThatThrownBy(() -> keys.unwrap(t, 1, altered, new byte[0]))
          .as("byte %d", i)
          .isInstanceOf(KeyUnwrapException.class);
    }
  }

  @Test
  void disabledVersionsNeitherWrapNorUnwrapUntilEnabledAgain() {
    TenantId t = tenant("e");
    keys.rotate(t);
    byte[] dek = dek();
    byte[] wrapped = keys.wrap(t, 1, dek, new byte[0]);
    assertThat(keys.disable(t, 1).state()).isEqualTo(KeyState.DISABLED);
    assertThat(keys.primary(t)).as("the newest version is disabled").isEmpty();
    assertThatThrownBy(() -> keys.unwrap(t, 1, wrapped, new byte[0]))
        .isInstanceOfSatisfying(
            KeyUnavailableException.class, e -> assertThat(e.state()).contains(KeyState.DISABLED));
    assertThatThrownBy(() -> keys.wrap(t, 1, dek, new byte[0]))
        .isInstanceOf(KeyUnavailableException.class);
    assertThat(keys.enable(t, 1).state()).isEqualTo(KeyState.ENABLED);
    assertThat(keys.unwrap(t, 1, wrapped, new byte[0])).isEqualTo(dek);
  }

  @Test
  void destroyIsIrreversibleAndSurvivesAReopen() {
    TenantId t = tenant("f");
    keys.rotate(t);
    keys.rotate(t);
    byte[] wrapped = keys.wrap(t, 1, dek(), new byte[0]);
    byte[] kept = dek();
    byte[] wrappedTwo = keys.wrap(t, 2, kept, new byte[0]);
    assertThat(keys.destroy(t, 1).state()).isEqualTo(KeyState.DESTROYED);
    assertThat(keys.destroy(t, 1).state()).as("idempotent").isEqualTo(KeyState.DESTROYED);
    assertThatThrownBy(() -> keys.enable(t, 1)).isInstanceOf(KeyUnavailableException.class);
    assertThatThrownBy(() -> keys.disable(t, 1)).isInstanceOf(KeyUnavailableException.class);
    assertThatThrownBy(() -> keys.unwrap(t, 1, wrapped, new byte[0]))
        .isInstanceOf(KeyUnavailableException.class);
    Optional<KeyManager> reopened = reopen(keys);
    if (reopened.isPresent()) {
      keys = reopened.get();
      assertThat(keys.version(t, 1).map(KeyVersion::state)).contains(KeyState.DESTROYED);
      assertThatThrownBy(() -> keys.unwrap(t, 1, wrapped, new byte[0]))
          .isInstanceOf(KeyUnavailableException.class);
      assertThat(keys.unwrap(t, 2, wrappedTwo, new byte[0])).isEqualTo(kept);
    }
  }

  @Test
  void oneTenantsRotationDisableAndDestroyNeverAffectAnother() {
    TenantId a = tenant("g1");
    TenantId b = tenant("g2");
    keys.rotate(a);
    keys.rotate(b);
    byte[] dek = dek();
    byte[] wrapped = keys.wrap(b, 1, dek, new byte[0]);
    List<KeyVersion> before = keys.versions(b);
    keys.rotate(a);
    keys.disable(a, 2);
    keys.destroy(a, 1);
    assertThat(keys.versions(b)).isEqualTo(before);
    assertThat(keys.unwrap(b, 1, wrapped, new byte[0])).isEqualTo(dek);
  }

  @Test
  void badArgumentsAreRejectedAndChangeNothing() {
    TenantId t = tenant("h");
    keys.rotate(t);
    List<KeyVersion> before = keys.versions(t);
    assertThatThrownBy(() -> keys.wrap(t, 1, new byte[15], new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("15");
    assertThatThrownBy(() -> keys.wrap(t, 7, dek(), new byte[0]))
        .isInstanceOfSatisfying(
            KeyUnavailableException.class,
            e -> {
              assertThat(e.version()).hasValue(7);
              assertThat(e.state()).isEmpty();
            })
        .hasMessageContaining("7");
    assertThatThrownBy(() -> keys.disable(t, 0)).isInstanceOf(KeyUnavailableException.class);
    assertThatThrownBy(() -> keys.destroy(tenant("nobody"), 1))
        .isInstanceOf(KeyUnavailableException.class);
    assertThatThrownBy(() -> keys.wrap(t, 1, null, new byte[0]))
        .isInstanceOf(NullPointerException.class);
    assertThat(keys.versions(t)).isEqualTo(before);
    assertThat(keys.versions(tenant("nobody"))).isEmpty();
  }

  @Test
  void wrapsAndUnwrapsConcurrentlyWhileRotating() throws Exception {
    TenantId t = tenant("i");
    keys.rotate(t);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        done.add(
            pool.submit(
                () -> {
                  int ok = 0;
                  for (int i = 0; i < 200; i++) {
                    int version = keys.primary(t).orElseThrow().version();
                    byte[] dek = dek();
                    byte[] wrapped = keys.wrap(t, version, dek, bytes("n" + i));
                    assertThat(keys.unwrap(t, version, wrapped, bytes("n" + i))).isEqualTo(dek);
                    ok++;
                  }
                  return ok;
                }));
      }
      for (int i = 0; i < 20; i++) {
        keys.rotate(t);
      }
      for (Future<Integer> f : done) {
        assertThat(f.get()).isEqualTo(200);
      }
      assertThat(keys.versions(t)).hasSize(21);
    } finally {
      pool.shutdownNow();
    }
  }
}

package dev.tdeveloper.security.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.security.spi.LabelConflictException;
import dev.tdeveloper.security.spi.SecretLabel;
import dev.tdeveloper.security.spi.SecretName;
import dev.tdeveloper.security.spi.SecretNotFoundException;
import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretStoreException;
import dev.tdeveloper.security.spi.SecretVersion;
import dev.tdeveloper.security.spi.SecretVersionConflictException;
import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SecretStore} must pass: idempotent versioned puts, compare-and-set
 * label moves with CURRENT dragging PREVIOUS, tenant isolation, clear errors that change nothing,
 * and values that never show in messages. A backend's test extends this class and implements {@link
 * #create()}. Every test uses names under a fresh random prefix, so a shared backend (AWS Secrets
 * Manager, say) needs no cleaning between tests.
 */
public abstract class SecretStoreContract {
  /** A value no message may ever contain. */
  protected static final String VALUE = "hunter2-correct-horse-battery";

  protected SecretStore store;
  private String prefix;

  /** Returns a new store (empty, or holding nothing under this test's random prefix). */
  protected abstract SecretStore create();

  @BeforeEach
  void createStore() {
    store = create();
    prefix = "contract-" + UUID.randomUUID().toString().substring(0, 8) + "/";
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  /** Returns the platform secret {@code name} of this test. */
  protected SecretName platform(String name) {
    return SecretName.platform(prefix + name);
  }

  /** Returns tenant {@code tenant}'s secret {@code name} of this test. */
  protected SecretName tenant(String tenant, String name) {
    return SecretName.of(TenantId.of(tenant), prefix + name);
  }

  private Optional<String> labelOn(SecretName name, SecretLabel label) {
    return store.versionAt(name, label).map(SecretVersion::versionId);
  }

  private String valueOf(SecretName name, String versionId) {
    return store.value(name, versionId).orElseThrow().stringValue();
  }

  @Test
  void keepsVersionsOldestFirstWithoutLabels() {
    SecretName db = platform("db");
    assertThat(store.versions(db)).isEmpty();
    SecretVersion v1 = store.put(db, "v1", Secret.ofString("one"));
    store.put(db, "v2", Secret.ofString("two"));
    assertThat(v1.labels()).isEmpty();
    assertThat(store.versions(db)).extracting(SecretVersion::versionId).containsExactly("v1", "v2");
    assertThat(valueOf(db, "v1")).isEqualTo("one");
    assertThat(valueOf(db, "v2")).isEqualTo("two");
    assertThat(store.value(db, "v3")).isEmpty();
    assertThat(store.names()).contains(db);
  }

  @Test
  void putIsIdempotentForTheSameValueAndRefusesAnother() {
    SecretName db = platform("db");
    SecretVersion first = store.put(db, "v1", Secret.ofString(VALUE));
    assertThat(store.put(db, "v1", Secret.ofString(VALUE))).isEqualTo(first);
    assertThatThrownBy(() -> store.put(db, "v1", Secret.ofString("other")))
        .isInstanceOf(SecretVersionConflictException.class)
        .hasMessageContaining("v1")
        .hasMessageNotContaining(VALUE)
        .hasMessageNotContaining("other");
    assertThat(valueOf(db, "v1")).isEqualTo(VALUE);
    assertThat(store.versions(db)).hasSize(1);
  }

  @Test
  void movingCurrentMovesPreviousToTheVersionItLeft() {
    SecretName db = platform("db");
    store.put(db, "v1", Secret.ofString("one"));
    store.put(db, "v2", Secret.ofString("two"));
    store.moveLabel(db, SecretLabel.CURRENT, Optional.empty(), Optional.of("v1"));
    assertThat(labelOn(db, SecretLabel.PREVIOUS)).isEmpty();
    store.moveLabel(db, SecretLabel.PENDING, Optional.empty(), Optional.of("v2"));
    store.moveLabel(db, SecretLabel.CURRENT, Optional.of("v1"), Optional.of("v2"));
    assertThat(labelOn(db, SecretLabel.CURRENT)).contains("v2");
    assertThat(labelOn(db, SecretLabel.PREVIOUS)).contains("v1");
    assertThat(store.versionAt(db, SecretLabel.CURRENT).orElseThrow().labels())
        .isEqualTo(Set.of(SecretLabel.CURRENT, SecretLabel.PENDING));
    store.moveLabel(db, SecretLabel.PENDING, Optional.of("v2"), Optional.empty());
    assertThat(labelOn(db, SecretLabel.PENDING)).isEmpty();
    assertThat(store.valueAt(db, SecretLabel.CURRENT).orElseThrow().stringValue()).isEqualTo("two");
  }

  @Test
  void aLabelMovesOnlyFromWhereTheCallerSawIt() {
    SecretName db = platform("db");
    store.put(db, "v1", Secret.ofString("one"));
    store.put(db, "v2", Secret.ofString("two"));
    store.moveLabel(db, SecretLabel.CURRENT, Optional.empty(), Optional.of("v1"));
    assertThatThrownBy(
            () -> store.moveLabel(db, SecretLabel.CURRENT, Optional.empty(), Optional.of("v2")))
        .isInstanceOfSatisfying(
            LabelConflictException.class,
            e -> {
              assertThat(e.actual()).contains("v1");
              assertThat(e.expected()).isEmpty();
              assertThat(e.label()).isEqualTo(SecretLabel.CURRENT);
            });
    assertThatThrownBy(
            () -> store.moveLabel(db, SecretLabel.PENDING, Optional.of("v1"), Optional.of("v2")))
        .isInstanceOf(LabelConflictException.class);
    assertThat(labelOn(db, SecretLabel.CURRENT)).contains("v1");
    assertThat(labelOn(db, SecretLabel.PENDING)).isEmpty();
    assertThat(labelOn(db, SecretLabel.PREVIOUS)).isEmpty();
  }

  @Test
  void badLabelMovesAndUnknownVersionsFailClearlyAndChangeNothing() {
    SecretName db = platform("db");
    store.put(db, "v1", Secret.ofString("one"));
    store.moveLabel(db, SecretLabel.CURRENT, Optional.empty(), Optional.of("v1"));
    List<SecretVersion> before = store.versions(db);
    assertThatThrownBy(
            () -> store.moveLabel(db, SecretLabel.CURRENT, Optional.of("v1"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never removed");
    assertThatThrownBy(
            () -> store.moveLabel(db, SecretLabel.CURRENT, Optional.of("v1"), Optional.of("nope")))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class, e -> assertThat(e.versionId()).contains("nope"));
    assertThatThrownBy(
            () ->
                store.moveLabel(
                    platform("missing"), SecretLabel.PENDING, Optional.empty(), Optional.of("v1")))
        .isInstanceOfSatisfying(
            SecretNotFoundException.class, e -> assertThat(e.versionId()).isEmpty());
    assertThatThrownBy(() -> store.put(db, "", Secret.ofString("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version id");
    assertThatThrownBy(() -> store.put(db, "bad id", Secret.ofString("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.value(db, "../v1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> store.put(db, "v9", Secret.of(new byte[SecretStore.MAX_VALUE_BYTES + 1])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(SecretStore.MAX_VALUE_BYTES));
    Secret destroyed = Secret.ofString("gone");
    destroyed.destroy();
    assertThatThrownBy(() -> store.put(db, "v9", destroyed))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.put(db, null, Secret.ofString("x")))
        .isInstanceOf(NullPointerException.class);
    assertThat(store.versions(db)).isEqualTo(before);
    assertThat(store.names()).doesNotContain(platform("missing"));
  }

  @Test
  void tenantsAndThePlatformNeverShareASecret() {
    SecretName acme = tenant("acme", "db");
    SecretName globex = tenant("globex", "db");
    SecretName platform = platform("db");
    store.putCurrent(acme, "v1", Secret.ofString("acme-password"));
    assertThat(store.versions(globex)).isEmpty();
    assertThat(store.versions(platform)).isEmpty();
    assertThat(store.value(globex, "v1")).isEmpty();
    assertThatThrownBy(
            () -> store.moveLabel(globex, SecretLabel.PENDING, Optional.empty(), Optional.of("v1")))
        .isInstanceOf(SecretNotFoundException.class);
    store.putCurrent(globex, "v1", Secret.ofString("globex-password"));
    store.putCurrent(platform, "v1", Secret.ofString("platform-password"));
    assertThat(store.valueAt(acme, SecretLabel.CURRENT).orElseThrow().stringValue())
        .isEqualTo("acme-password");
    assertThat(store.valueAt(globex, SecretLabel.CURRENT).orElseThrow().stringValue())
        .isEqualTo("globex-password");
    assertThat(store.valueAt(platform, SecretLabel.CURRENT).orElseThrow().stringValue())
        .isEqualTo("platform-password");
    SecretName lookalike = SecretName.platform("tenant/acme/" + acme.name());
    assertThat(store.versions(lookalike)).as("a platform name spelled like a tenant's").isEmpty();
  }

  @Test
  void returnsIndependentCopiesOfValues() {
    SecretName db = platform("db");
    Secret given = Secret.ofString(VALUE);
    store.putCurrent(db, "v1", given);
    given.destroy();
    Secret read = store.valueAt(db, SecretLabel.CURRENT).orElseThrow();
    read.destroy();
    assertThat(store.valueAt(db, SecretLabel.CURRENT).orElseThrow().stringValue()).isEqualTo(VALUE);
  }

  @Test
  void putCurrentMakesTheVersionCurrentAndKeepsThePrevious() {
    SecretName key = tenant("acme", "partner/api-key");
    store.putCurrent(key, "k1", Secret.ofString("first"));
    SecretVersion second = store.putCurrent(key, "k2", Secret.ofString("second"));
    assertThat(second.versionId()).isEqualTo("k2");
    assertThat(labelOn(key, SecretLabel.PREVIOUS)).contains("k1");
    assertThat(store.putCurrent(key, "k2", Secret.ofString("second")).versionId()).isEqualTo("k2");
  }

  @Test
  void ofConcurrentPromotionsFromOneVersionExactlyOneWins() throws Exception {
    SecretName db = platform("db");
    store.putCurrent(db, "v0", Secret.ofString("zero"));
    int writers = 8;
    for (int i = 1; i <= writers; i++) {
      store.put(db, "v" + i, Secret.ofString("value-" + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> outcomes = new ArrayList<>();
      for (int i = 1; i <= writers; i++) {
        String version = "v" + i;
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    store.moveLabel(
                        db, SecretLabel.CURRENT, Optional.of("v0"), Optional.of(version));
                    return true;
                  } catch (LabelConflictException e) {
                    return false;
                  }
                }));
      }
      start.countDown();
      int wins = 0;
      for (Future<Boolean> outcome : outcomes) {
        wins += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
      assertThat(labelOn(db, SecretLabel.PREVIOUS)).contains("v0");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void closedStoreRefusesCalls() {
    store.close();
    assertThatThrownBy(() -> store.versions(platform("db")))
        .isInstanceOf(SecretStoreException.class);
    store.close();
  }
}

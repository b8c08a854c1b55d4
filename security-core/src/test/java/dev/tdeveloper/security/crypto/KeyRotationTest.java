package dev.tdeveloper.security.crypto;

import static dev.tdeveloper.security.crypto.Fixture.ACME;
import static dev.tdeveloper.security.crypto.Fixture.GLOBEX;
import static dev.tdeveloper.security.crypto.Fixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.spi.KeyVersion;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRotationTest {
  @TempDir Path temp;

  @Test
  void rotatesEachTenantWhenItsPrimaryVersionReachesItsMaximumAge() {
    try (Fixture fx = new Fixture(temp)) {
      List<KeyEvent> events = new ArrayList<>();
      KeyRotationPolicy policy =
          KeyRotationPolicy.defaults().withTenant(GLOBEX, Duration.ofDays(30));
      KeyLifecycle lifecycle =
          KeyLifecycle.builder(fx.keys)
              .clock(fx.clock)
              .policy(policy)
              .listener(events::add)
              .build();
      lifecycle.rotate(ACME);
      lifecycle.rotate(GLOBEX);
      fx.clock.advance(Duration.ofDays(30).minusSeconds(1));
      assertThat(lifecycle.rotateDue()).isEmpty();
      fx.clock.advance(Duration.ofSeconds(1));
      assertThat(lifecycle.rotateDue()).extracting(KeyVersion::tenant).containsExactly(GLOBEX);
      fx.clock.advance(Duration.ofDays(60));
      assertThat(lifecycle.rotateDue())
          .as("acme's first version is 90 days old, globex's second 60")
          .extracting(KeyVersion::tenant)
          .containsExactly(ACME, GLOBEX);
      assertThat(fx.keys.primary(ACME).orElseThrow().version()).isEqualTo(2);
      assertThat(events)
          .contains(
              new KeyEvent.Rotated(
                  ACME, fx.keys.primary(ACME).orElseThrow(), true, fx.clock.instant()));
    }
  }

  @Test
  void policyRejectsTooShortAgesNamingThem() {
    assertThat(KeyRotationPolicy.defaults().maximumAge(ACME)).isEqualTo(Duration.ofDays(90));
    assertThatThrownBy(() -> KeyRotationPolicy.maximumAge(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maximumAge must be at least PT1S, was PT0S");
    assertThatThrownBy(() -> KeyRotationPolicy.defaults().withTenant(ACME, Duration.ofMillis(5)))
        .hasMessageContaining("maximumAge of tenant acme must be at least PT1S, was PT0.005S");
  }

  @Test
  void rotationUnderConcurrentEncryptionAndDecryptionLosesNothing() throws Exception {
    try (Fixture fx = new Fixture(temp)) {
      KeyLifecycle lifecycle = KeyLifecycle.builder(fx.keys).clock(fx.clock).build();
      lifecycle.rotate(ACME);
      lifecycle.rotate(GLOBEX);
      EnvelopeEncryptor enc = fx.encryptor().dataKeyMaximumUses(50).build();
      Map<String, byte[]> written = new ConcurrentHashMap<>();
      AtomicBoolean rotating = new AtomicBoolean(true);
      int threads = 6;
      CountDownLatch started = new CountDownLatch(threads);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
          TenantId tenant = w % 2 == 0 ? ACME : GLOBEX;
          int worker = w;
          workers.add(
              pool.submit(
                  () -> {
                    started.countDown();
                    int n = 0;
                    for (; n < 300 || rotating.get(); n++) {
                      String id = tenant.value() + "/" + worker + "/" + n;
                      byte[] ct = enc.encrypt(tenant, bytes(id), bytes(id));
                      assertThat(enc.decrypt(tenant, ct, bytes(id))).isEqualTo(bytes(id));
                      written.put(id, ct);
                    }
                    return n;
                  }));
        }
        started.await();
        for (int i = 0; i < 25; i++) {
          lifecycle.rotate(i % 2 == 0 ? ACME : GLOBEX);
        }
        rotating.set(false);
        int total = 0;
        for (Future<Integer> worker : workers) {
          total += worker.get();
        }
        assertThat(written).hasSize(total);
      } finally {
        pool.shutdownNow();
      }
      EnvelopeEncryptor fresh = fx.encryptor().build();
      for (Map.Entry<String, byte[]> e : written.entrySet()) {
        TenantId tenant = TenantId.of(e.getKey().substring(0, e.getKey().indexOf('/')));
        assertThat(fresh.decrypt(tenant, e.getValue(), bytes(e.getKey())))
            .isEqualTo(bytes(e.getKey()));
      }
      assertThat(written.values().stream().mapToInt(enc::keyVersionOf).distinct().count())
          .as("ciphertexts span several key versions")
          .isGreaterThan(1);
    }
  }
}

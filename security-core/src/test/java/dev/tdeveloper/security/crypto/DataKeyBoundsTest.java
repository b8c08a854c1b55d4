package dev.tdeveloper.security.crypto;

import static dev.tdeveloper.security.crypto.Fixture.ACME;
import static dev.tdeveloper.security.crypto.Fixture.GLOBEX;
import static dev.tdeveloper.security.crypto.Fixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-key use bound and nonce freshness under concurrency: threads racing on one tenant (the
 * recent-key fast path) and switching between two (the cache path) never get more than the maximum
 * encryptions out of a data key, and no two messages share a nonce.
 */
class DataKeyBoundsTest {
  private static final int THREADS = 8;
  private static final int PER_THREAD = 400;

  @TempDir Path temp;
  Fixture fx;

  @BeforeEach
  void setUp() {
    fx = new Fixture(temp);
    fx.keys.rotate(ACME);
    fx.keys.rotate(GLOBEX);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private static long keyIdOf(byte[] ciphertext) {
    return ByteBuffer.wrap(ciphertext, 5, 8).getLong();
  }

  private static String nonceOf(byte[] ciphertext) {
    int nonce = 15 + ByteBuffer.wrap(ciphertext, 13, 2).getShort();
    return HexFormat.of().formatHex(ciphertext, nonce, nonce + 12);
  }

  @Test
  void noDataKeyServesMoreThanItsMaximumUsesUnderConcurrency() throws Exception {
    int maxUses = 7;
    EnvelopeEncryptor enc = fx.encryptor().dataKeyMaximumUses(maxUses).build();
    Map<Long, AtomicInteger> uses = new ConcurrentHashMap<>();
    Map<Long, TenantId> owners = new ConcurrentHashMap<>();
    Map<TenantId, AtomicInteger> messages = new ConcurrentHashMap<>();
    Set<String> nonces = ConcurrentHashMap.newKeySet();
    Concurrently.run(
        THREADS,
        thread -> {
          for (int i = 0; i < PER_THREAD; i++) {
            TenantId tenant = thread < THREADS / 2 || i % 2 == 0 ? ACME : GLOBEX;
            byte[] context = bytes(thread + "/" + i);
            byte[] ct = enc.encrypt(tenant, context, context);
            uses.computeIfAbsent(keyIdOf(ct), id -> new AtomicInteger()).incrementAndGet();
            assertThat(owners.putIfAbsent(keyIdOf(ct), tenant)).isIn(null, tenant);
            messages.computeIfAbsent(tenant, t -> new AtomicInteger()).incrementAndGet();
            assertThat(nonces.add(nonceOf(ct))).as("fresh nonce").isTrue();
            assertThat(enc.decrypt(tenant, ct, context)).isEqualTo(context);
          }
        });
    assertThat(uses.values()).allSatisfy(n -> assertThat(n.get()).isBetween(1, maxUses));
    assertThat(uses.values().stream().mapToInt(AtomicInteger::get).sum())
        .isEqualTo(THREADS * PER_THREAD);
    for (TenantId tenant : messages.keySet()) {
      long keys = owners.values().stream().filter(tenant::equals).count();
      assertThat(keys * maxUses)
          .as(tenant.value())
          .isGreaterThanOrEqualTo(messages.get(tenant).get());
    }
    assertThat(nonces).hasSize(THREADS * PER_THREAD);
  }

  @Test
  void aDataKeyWithOneUseServesExactlyOneMessage() throws Exception {
    EnvelopeEncryptor enc = fx.encryptor().dataKeyMaximumUses(1).build();
    Set<Long> ids = ConcurrentHashMap.newKeySet();
    Concurrently.run(
        4,
        thread -> {
          for (int i = 0; i < 100; i++) {
            assertThat(ids.add(keyIdOf(enc.encrypt(ACME, bytes("m"), new byte[0])))).isTrue();
          }
        });
    assertThat(ids).hasSize(400);
  }
}

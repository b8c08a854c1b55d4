package dev.tdeveloper.dr.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link BackupStore} must pass: chunks stored byte for byte and idempotently, a
 * missing chunk named in its error, manifests published once and listed sorted, malformed ids
 * refused with nothing changed, scopes that never see, delete or overwrite each other's data, safe
 * concurrent writers, and an idempotent close after which calls throw {@link
 * IllegalStateException}. A backend's test extends this class and implements {@link #create()}.
 * Every test uses tenants with a fresh random suffix, so a shared backend (an S3 bucket, say) needs
 * no cleaning between tests.
 */
public abstract class BackupStoreContract {
  /** The store under test, created before each test and closed after it. */
  protected BackupStore store;

  /** A tenant scope of this test. */
  protected BackupScope acme;

  /** Another tenant scope of this test. */
  protected BackupScope globex;

  /** Returns a new store (empty, or holding nothing of this test's random tenants). */
  protected abstract BackupStore create();

  @BeforeEach
  void createStore() {
    store = create();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    acme = BackupScope.of(TenantId.of("acme-" + suffix));
    globex = BackupScope.of(TenantId.of("globex-" + suffix));
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  /** Returns the lower-case hex SHA-256 of {@code bytes}: the id of a chunk with that plaintext. */
  protected static String chunkId(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns the UTF-8 bytes of {@code text}. */
  protected static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private List<String> chunksOf(BackupScope scope) {
    List<String> ids = new ArrayList<>();
    store.listChunks(scope, ids::add);
    return ids;
  }

  @Test
  void storesChunksByteForByte() {
    byte[] small = bytes("sealed chunk");
    byte[] large = new byte[1 << 20];
    new java.util.Random(7).nextBytes(large);
    byte[] empty = new byte[0];
    String smallId = chunkId(small);
    String largeId = chunkId(large);
    String emptyId = chunkId(empty);
    assertThat(store.hasChunk(acme, smallId)).isFalse();
    store.putChunk(acme, smallId, small);
    store.putChunk(acme, largeId, large);
    store.putChunk(acme, emptyId, empty);
    assertThat(store.hasChunk(acme, smallId)).isTrue();
    assertThat(store.getChunk(acme, smallId)).isEqualTo(small);
    assertThat(store.getChunk(acme, largeId)).isEqualTo(large);
    assertThat(store.getChunk(acme, emptyId)).isEmpty();
    assertThat(chunksOf(acme)).containsExactlyInAnyOrder(smallId, largeId, emptyId);
  }

  @Test
  void puttingAStoredChunkAgainKeepsTheFirstCopy() {
    String id = chunkId(bytes("plain"));
    store.putChunk(acme, id, bytes("first seal"));
    store.putChunk(acme, id, bytes("second seal, other nonce"));
    assertThat(store.getChunk(acme, id)).isEqualTo(bytes("first seal"));
    assertThat(chunksOf(acme)).containsExactly(id);
  }

  @Test
  void aMissingChunkFailsNamingTheScopeAndTheChunk() {
    String id = chunkId(bytes("never stored"));
    assertThatThrownBy(() -> store.getChunk(acme, id))
        .isInstanceOf(DrException.class)
        .hasMessageContaining(id)
        .hasMessageContaining(acme.key());
  }

  @Test
  void deletingAChunkRemovesItAndDeletingAgainDoesNothing() {
    String keep = chunkId(bytes("keep"));
    String drop = chunkId(bytes("drop"));
    store.putChunk(acme, keep, bytes("k"));
    store.putChunk(acme, drop, bytes("d"));
    store.deleteChunk(acme, drop);
    store.deleteChunk(acme, drop);
    assertThat(store.hasChunk(acme, drop)).isFalse();
    assertThat(chunksOf(acme)).containsExactly(keep);
    store.putChunk(acme, drop, bytes("d2"));
    assertThat(store.getChunk(acme, drop)).isEqualTo(bytes("d2"));
  }

  @Test
  void publishesManifestsOnceAndListsThemSorted() {
    assertThat(store.manifests(acme)).isEmpty();
    store.publishManifest(acme, "b-2", bytes("two"));
    store.publishManifest(acme, "B.1", bytes("one"));
    store.publishManifest(acme, "a_3", bytes("three"));
    assertThat(store.manifests(acme)).containsExactly("B.1", "a_3", "b-2");
    assertThat(store.manifest(acme, "b-2"))
        .hasValueSatisfying(m -> assertThat(m).isEqualTo(bytes("two")));
    assertThat(store.manifest(acme, "b-9")).isEmpty();
  }

  @Test
  void refusesToPublishAnIdTwiceAndKeepsTheFirst() {
    store.publishManifest(acme, "nightly-1", bytes("first"));
    assertThatThrownBy(() -> store.publishManifest(acme, "nightly-1", bytes("second")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nightly-1")
        .hasMessageContaining("already");
    assertThat(store.manifest(acme, "nightly-1"))
        .hasValueSatisfying(m -> assertThat(m).isEqualTo(bytes("first")));
    assertThat(store.manifests(acme)).containsExactly("nightly-1");
  }

  @Test
  void deletingAManifestUnpublishesTheBackup() {
    store.publishManifest(acme, "b1", bytes("one"));
    store.publishManifest(acme, "b2", bytes("two"));
    store.deleteManifest(acme, "b1");
    store.deleteManifest(acme, "b1");
    assertThat(store.manifests(acme)).containsExactly("b2");
    assertThat(store.manifest(acme, "b1")).isEmpty();
    store.publishManifest(acme, "b1", bytes("again"));
    assertThat(store.manifest(acme, "b1"))
        .hasValueSatisfying(m -> assertThat(m).isEqualTo(bytes("again")));
  }

  @Test
  void malformedIdsFailNamingTheFieldAndChangeNothing() {
    String valid = chunkId(bytes("x"));
    List<String> badChunkIds =
        List.of(
            "",
            valid.substring(1),
            valid + "0",
            valid.toUpperCase(java.util.Locale.ROOT),
            "../" + valid.substring(3),
            "g" + valid.substring(1));
    for (String bad : badChunkIds) {
      assertThatThrownBy(() -> store.putChunk(acme, bad, bytes("x")))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("chunkId");
      assertThatThrownBy(() -> store.getChunk(acme, bad))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.hasChunk(acme, bad))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.deleteChunk(acme, bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> store.putChunk(acme, "../etc/passwd", bytes("x")))
        .hasMessageContaining("../etc/passwd");
    List<String> badBackupIds =
        List.of("", "a".repeat(129), "a/b", "a b", "..\\x", "caf\u00e9", "a:b");
    for (String bad : badBackupIds) {
      assertThatThrownBy(() -> store.publishManifest(acme, bad, bytes("m")))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("backupId");
      assertThatThrownBy(() -> store.manifest(acme, bad))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.deleteManifest(acme, bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
    store.publishManifest(acme, "a".repeat(128), bytes("longest id"));
    assertThatThrownBy(() -> store.putChunk(null, valid, bytes("x")))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.putChunk(acme, null, bytes("x")))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.putChunk(acme, valid, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.publishManifest(acme, "m", null))
        .isInstanceOf(NullPointerException.class);
    assertThat(chunksOf(acme)).isEmpty();
    assertThat(store.manifests(acme)).containsExactly("a".repeat(128));
  }

  @Test
  void aScopeNeverSeesDeletesOrOverwritesAnotherScopesChunks() {
    BackupScope platform = BackupScope.platform();
    String id = chunkId(bytes("shared plaintext"));
    store.putChunk(acme, id, bytes("acme seal"));
    assertThat(store.hasChunk(globex, id)).isFalse();
    assertThatThrownBy(() -> store.getChunk(globex, id)).isInstanceOf(DrException.class);
    assertThat(chunksOf(globex)).isEmpty();
    store.deleteChunk(globex, id);
    store.deleteChunk(platform, id);
    store.putChunk(globex, id, bytes("globex seal"));
    assertThat(store.getChunk(acme, id)).isEqualTo(bytes("acme seal"));
    assertThat(store.getChunk(globex, id)).isEqualTo(bytes("globex seal"));
    store.deleteChunk(globex, id);
    assertThat(store.getChunk(acme, id)).isEqualTo(bytes("acme seal"));
  }

  @Test
  void aScopeNeverSeesDeletesOrOverwritesAnotherScopesManifests() {
    store.publishManifest(acme, "b1", bytes("acme manifest"));
    assertThat(store.manifests(globex)).isEmpty();
    assertThat(store.manifest(globex, "b1")).isEmpty();
    store.deleteManifest(globex, "b1");
    store.publishManifest(globex, "b1", bytes("globex manifest"));
    assertThat(store.manifest(acme, "b1"))
        .hasValueSatisfying(m -> assertThat(m).isEqualTo(bytes("acme manifest")));
    assertThat(store.manifest(globex, "b1"))
        .hasValueSatisfying(m -> assertThat(m).isEqualTo(bytes("globex manifest")));
    store.deleteManifest(globex, "b1");
    assertThat(store.manifests(acme)).containsExactly("b1");
  }

  @Test
  void listsTheScopesThatHoldDataOnly() {
    String id = chunkId(bytes("c"));
    store.putChunk(acme, id, bytes("c"));
    store.publishManifest(globex, "b1", bytes("m"));
    assertThat(store.scopes()).contains(acme, globex);
    store.deleteChunk(acme, id);
    store.deleteManifest(globex, "b1");
    assertThat(store.scopes()).doesNotContain(acme, globex);
  }

  @Test
  void returnsCopiesSoCallersCannotChangeWhatIsStored() {
    byte[] given = bytes("sealed");
    String id = chunkId(given);
    store.putChunk(acme, id, given);
    given[0] = 'X';
    store.getChunk(acme, id)[1] = 'Y';
    assertThat(store.getChunk(acme, id)).isEqualTo(bytes("sealed"));
    byte[] manifest = bytes("manifest");
    store.publishManifest(acme, "b1", manifest);
    manifest[0] = 'X';
    store.manifest(acme, "b1").orElseThrow()[1] = 'Y';
    assertThat(store.manifest(acme, "b1").orElseThrow()).isEqualTo(bytes("manifest"));
  }

  @Test
  void concurrentPutsOfOneChunkLeaveOneWholeCopy() throws Exception {
    String id = chunkId(bytes("contended"));
    int threads = 8;
    Concurrently.run(
        threads,
        t -> {
          byte[] seal = new byte[256 * 1024];
          Arrays.fill(seal, (byte) t);
          store.putChunk(acme, id, seal);
        });
    byte[] stored = store.getChunk(acme, id);
    assertThat(stored).hasSize(256 * 1024);
    byte first = stored[0];
    assertThat(first).isBetween((byte) 0, (byte) (threads - 1));
    for (byte b : stored) {
      assertThat(b).isEqualTo(first);
    }
    assertThat(chunksOf(acme)).containsExactly(id);
  }

  @Test
  void concurrentWritersInSeveralScopesLoseNothing() throws Exception {
    Set<String> written = ConcurrentHashMap.newKeySet();
    Concurrently.run(
        8,
        t -> {
          BackupScope scope = t % 2 == 0 ? acme : globex;
          for (int i = 0; i < 25; i++) {
            byte[] plain = bytes(t + "/" + i);
            store.putChunk(scope, chunkId(plain), plain);
            written.add(scope.key() + "/" + chunkId(plain));
          }
          store.publishManifest(scope, "t" + t, bytes("manifest " + t));
        });
    List<String> listed = new ArrayList<>();
    store.listChunks(acme, id -> listed.add(acme.key() + "/" + id));
    store.listChunks(globex, id -> listed.add(globex.key() + "/" + id));
    assertThat(listed).containsExactlyInAnyOrderElementsOf(written);
    assertThat(store.manifests(acme)).containsExactly("t0", "t2", "t4", "t6");
    assertThat(store.manifests(globex)).containsExactly("t1", "t3", "t5", "t7");
  }

  @Test
  void ofConcurrentPublishesOfOneIdExactlyOneWins() throws Exception {
    AtomicInteger wins = new AtomicInteger();
    byte[][] winner = new byte[1][];
    Concurrently.run(
        8,
        t -> {
          byte[] manifest = bytes("manifest of writer " + t);
          try {
            store.publishManifest(acme, "contended", manifest);
            wins.incrementAndGet();
            winner[0] = manifest;
          } catch (IllegalArgumentException e) {
            assertThat(e).hasMessageContaining("contended");
          }
        });
    assertThat(wins).hasValue(1);
    assertThat(store.manifest(acme, "contended").orElseThrow()).isEqualTo(winner[0]);
  }

  @Test
  void closeIsIdempotentAndAClosedStoreRefusesCalls() {
    String id = chunkId(bytes("c"));
    store.close();
    store.close();
    assertThatThrownBy(() -> store.hasChunk(acme, id)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.putChunk(acme, id, bytes("c")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.manifests(acme)).isInstanceOf(IllegalStateException.class);
  }
}

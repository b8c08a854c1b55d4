package dev.tdeveloper.demo.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.crypto.DecryptionException;
import dev.tdeveloper.security.crypto.EnvelopeEncryptor;
import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.crypto.local.MasterKey;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.InstantSource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable, encrypted note store on its own, without HTTP. */
class NoteStoreTest {
  static final TenantId ACME = TenantId.of("acme");
  static final TenantId GLOBEX = TenantId.of("globex");

  @TempDir Path dir;
  private LocalKeyManager keys;
  private NoteStore store;

  @BeforeEach
  void open() {
    MasterKey.generateFile(dir.resolve("master.key"));
    keys =
        LocalKeyManager.builder(dir.resolve("keys"), MasterKey.fromFile(dir.resolve("master.key")))
            .open();
    keys.rotate(ACME);
    keys.rotate(GLOBEX);
    store = newStore();
  }

  private NoteStore newStore() {
    NoteStore s =
        new NoteStore(
            dir.resolve("notes"), EnvelopeEncryptor.builder(keys).build(), InstantSource.system());
    s.createSpace(ACME);
    s.createSpace(GLOBEX);
    return s;
  }

  private void reopen() {
    store.close();
    store = newStore();
  }

  @AfterEach
  void close() {
    store.close();
    keys.close();
  }

  private static <T> T as(TenantId tenant, java.util.function.Supplier<T> action) {
    return TenantContext.get(tenant, action);
  }

  @Test
  void theJournalNeverHoldsTheNotesTextButReadsItBackAfterReopening() throws Exception {
    String text = "the launch code is hunter2-swordfish";
    Note note = as(ACME, () -> store.create(text));

    for (Path file : files(dir.resolve("notes"))) {
      assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
          .as(file.toString())
          .doesNotContain("hunter2")
          .doesNotContain(text);
    }
    assertThat(Files.size(store.fileOf(ACME))).isGreaterThan(text.length());
    reopen();
    assertThat(as(ACME, () -> store.find(note.id()))).contains(note);
    assertThat(as(ACME, store::list)).containsExactly(note);
  }

  @Test
  void idsAreNeverReusedAcrossDeletesCompactionsAndReopens() {
    for (int i = 0; i < 100; i++) {
      long id = as(ACME, () -> store.create("temporary")).id();
      assertThat(as(ACME, () -> store.delete(id))).isTrue();
    }
    Note kept = as(ACME, () -> store.create("kept"));
    as(ACME, () -> store.delete(kept.id()));
    store.compact(ACME);
    reopen();

    assertThat(as(ACME, store::count)).isZero();
    assertThat(as(ACME, () -> store.create("after")).id()).isEqualTo(102);
    assertThat(as(GLOBEX, () -> store.create("first of globex")).id()).isEqualTo(1);
  }

  @Test
  void anInvalidNoteWritesNothing() throws Exception {
    long before = Files.size(store.fileOf(ACME));
    assertThatThrownBy(() -> as(ACME, () -> store.create(" ")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Files.size(store.fileOf(ACME))).isEqualTo(before);
    assertThat(as(ACME, () -> store.create("ok")).id()).isEqualTo(1);
  }

  @Test
  void anEnvelopeMovedToAnotherNoteFailsToDecrypt() {
    as(ACME, () -> store.create("first"));
    as(ACME, () -> store.create("second"));
    byte[] first = store.ciphertextOf(ACME, 1).orElseThrow();
    byte[] second = store.ciphertextOf(ACME, 2).orElseThrow();

    assertThat(store.ciphertexts().replace(ACME, "0000000000000000002", second, first)).isTrue();

    assertThatThrownBy(() -> as(ACME, () -> store.find(2))).isInstanceOf(DecryptionException.class);
    assertThat(as(ACME, () -> store.find(1)).orElseThrow().text()).isEqualTo("first");
  }

  @Test
  void anotherTenantsJournalCopiedInPlaceFailsToDecrypt() throws Exception {
    as(ACME, () -> store.create("acme only"));
    as(GLOBEX, () -> store.create("globex only"));
    store.close();
    Files.copy(store.fileOf(ACME), store.fileOf(GLOBEX), StandardCopyOption.REPLACE_EXISTING);
    store = newStore();

    assertThat(as(GLOBEX, store::count)).isEqualTo(1);
    assertThatThrownBy(() -> as(GLOBEX, store::list)).isInstanceOf(DecryptionException.class);
    assertThat(as(ACME, store::list)).extracting(Note::text).containsExactly("acme only");
  }

  @Test
  void dropSpaceDeletesTheTenantsFilesOnly() {
    as(ACME, () -> store.create("gone soon"));
    as(GLOBEX, () -> store.create("stays"));

    store.dropSpace(ACME);

    assertThat(store.fileOf(ACME)).doesNotExist();
    assertThat(store.hasSpace(ACME)).isFalse();
    assertThat(as(GLOBEX, store::list)).extracting(Note::text).containsExactly("stays");
  }

  static List<Path> files(Path root) throws Exception {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).toList();
    }
  }
}

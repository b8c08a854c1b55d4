package dev.tdeveloper.demo.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.crypto.EnvelopeEncryptor;
import dev.tdeveloper.security.crypto.local.LocalKeyManager;
import dev.tdeveloper.security.crypto.local.MasterKey;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.context.TenantContext;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authors of notes: sealed with the text, old journals still readable, rewrites by author. */
class NoteAuthorTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));
  private LocalKeyManager keys;
  private EnvelopeEncryptor encryptor;
  private NoteStore store;

  @BeforeEach
  void open() {
    MasterKey.generateFile(dir.resolve("master.key"));
    keys =
        LocalKeyManager.builder(dir.resolve("keys"), MasterKey.fromFile(dir.resolve("master.key")))
            .open();
    keys.rotate(ACME);
    keys.rotate(GLOBEX);
    encryptor = EnvelopeEncryptor.builder(keys).build();
    store = newStore();
  }

  private NoteStore newStore() {
    NoteStore s = new NoteStore(dir.resolve("notes"), encryptor, clock);
    s.createSpace(ACME);
    s.createSpace(GLOBEX);
    return s;
  }

  @AfterEach
  void close() {
    store.close();
    keys.close();
  }

  private static <T> T as(TenantId tenant, Supplier<T> action) {
    return TenantContext.get(tenant, action);
  }

  @Test
  void authorIsSealedWithTheTextAndSurvivesReopening() throws Exception {
    as(ACME, () -> store.create("plans", Optional.of("alice@example.com")));
    store.close();
    store = newStore();

    Note note = as(ACME, () -> store.find(1).orElseThrow());
    assertThat(note.author()).contains("alice@example.com");
    assertThat(new String(Files.readAllBytes(store.fileOf(ACME)), StandardCharsets.ISO_8859_1))
        .doesNotContain("alice");
  }

  @Test
  void aJournalWrittenBeforeAuthorsStaysReadable() {
    store.close();
    Instant at = clock.instant();
    try (NoteJournal old =
        NoteJournal.open(dir.resolve("notes").resolve("acme.notes"), ACME, NoteChangeLog.none())) {
      byte[] sealed =
          encryptor.encrypt(
              ACME, "old note".getBytes(StandardCharsets.UTF_8), NoteStore.context(1, at, false));
      old.put(new NoteJournal.Sealed(1, at, sealed, false));
    }
    store = newStore();

    Note note = as(ACME, () -> store.find(1).orElseThrow());
    assertThat(note.text()).isEqualTo("old note");
    assertThat(note.author()).isEmpty();
    assertThat(as(ACME, () -> store.create("new", Optional.of("bob"))).id()).isEqualTo(2);
  }

  @Test
  void rewriteByAuthorTouchesOnlyThatAuthorInTheCurrentTenantAndLeavesNoOldCiphertext()
      throws Exception {
    as(ACME, () -> store.create("alice secret one", Optional.of("alice")));
    as(ACME, () -> store.create("bob's", Optional.of("bob")));
    as(ACME, () -> store.create("anonymous", Optional.empty()));
    as(GLOBEX, () -> store.create("alice at globex", Optional.of("alice")));
    byte[] before = as(ACME, () -> store.ciphertextOf(ACME, 1).orElseThrow());

    int changed = as(ACME, () -> store.rewriteByAuthor("alice", n -> Optional.empty()));

    assertThat(changed).isEqualTo(1);
    assertThat(as(ACME, () -> store.list()).stream().map(Note::text))
        .containsExactly("bob's", "anonymous");
    assertThat(as(GLOBEX, () -> store.byAuthor("alice"))).hasSize(1);
    assertThat(indexOf(Files.readAllBytes(store.fileOf(ACME)), before)).isEqualTo(-1);
  }

  @Test
  void aReplacementMustKeepIdAndCreationTime() {
    as(ACME, () -> store.create("text", Optional.of("alice")));
    assertThatThrownBy(
            () ->
                as(
                    ACME,
                    () ->
                        store.rewriteByAuthor(
                            "alice", n -> Optional.of(new Note(99, "x", n.createdAt())))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id and creation time");
    assertThat(as(ACME, () -> store.byAuthor("alice"))).hasSize(1);
  }

  @Test
  void invalidAuthorIsRefusedWithoutWriting() {
    for (String bad : List.of("", "a b", "x".repeat(65), "<script>")) {
      assertThatThrownBy(() -> as(ACME, () -> store.create("t", Optional.of(bad))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(Note.AUTHOR_RULE);
    }
    assertThat(as(ACME, () -> store.count())).isZero();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

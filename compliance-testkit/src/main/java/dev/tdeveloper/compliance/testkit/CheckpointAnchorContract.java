package dev.tdeveloper.compliance.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.compliance.audit.integrity.Checkpoint;
import dev.tdeveloper.compliance.audit.integrity.CheckpointException;
import dev.tdeveloper.compliance.audit.integrity.CheckpointException.Problem;
import dev.tdeveloper.compliance.audit.integrity.CheckpointSigner;
import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.spi.CheckpointAnchor;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CheckpointAnchor} passes: extend it and return a new, empty anchor from
 * {@link #createAnchor()}. Anchors created by the kit are closed after each test.
 */
public abstract class CheckpointAnchorContract {
  private static final CheckpointSigner SIGNER = CheckpointSigner.generate("audit.example.com/kit");

  private final List<CheckpointAnchor> created = new ArrayList<>();

  /** Returns a new, empty, open anchor. */
  protected abstract CheckpointAnchor createAnchor();

  /** Returns a fresh anchor, closed automatically after the test. */
  protected final CheckpointAnchor anchor() {
    CheckpointAnchor anchor = createAnchor();
    created.add(anchor);
    return anchor;
  }

  @AfterEach
  void closeAnchors() {
    created.forEach(CheckpointAnchor::close);
  }

  /** Returns a signed checkpoint of {@code size} whose root is derived from {@code variant}. */
  protected static String signedCheckpoint(long size, String variant) {
    byte[] root = MerkleHashes.leaf((size + "/" + variant).getBytes(StandardCharsets.UTF_8));
    return SIGNER.sign(Checkpoint.of("audit.example.com/kit", size, root));
  }

  /** Publishes a checkpoint of {@code size} (variant "a") and returns its note. */
  private static String publish(CheckpointAnchor anchor, long size) {
    String note = signedCheckpoint(size, "a");
    anchor.publish(note);
    return note;
  }

  /** Asserts that publishing {@code note} fails with {@code problem} and keeps {@code latest}. */
  private static void assertRefusedKeeping(
      CheckpointAnchor anchor, String latest, String note, Problem problem) {
    assertThatThrownBy(() -> anchor.publish(note))
        .isInstanceOfSatisfying(
            CheckpointException.class, e -> assertThat(e.problem()).isEqualTo(problem));
    assertThat(anchor.latest()).contains(latest);
  }

  @Test
  void holdsNothingWhenEmpty() {
    assertThat(anchor().latest()).isEmpty();
  }

  @Test
  void returnsThePublishedNoteExactly() {
    CheckpointAnchor anchor = anchor();
    String note = publish(anchor, 10);
    assertThat(anchor.latest()).contains(note);
  }

  @Test
  void latestIsTheLastPublished() {
    CheckpointAnchor anchor = anchor();
    for (long size = 0; size <= 50; size += 5) {
      String note = publish(anchor, size);
      assertThat(anchor.latest()).contains(note);
    }
  }

  @Test
  void refusesToGoBackwardsAndKeepsTheLatest() {
    CheckpointAnchor anchor = anchor();
    publish(anchor, 50);
    String latest = publish(anchor, 100);
    assertRefusedKeeping(anchor, latest, signedCheckpoint(99, "a"), Problem.ROLLBACK);
    assertRefusedKeeping(anchor, latest, signedCheckpoint(0, "a"), Problem.ROLLBACK);
  }

  @Test
  void refusesAnotherRootAtTheSameSize() {
    CheckpointAnchor anchor = anchor();
    String latest = publish(anchor, 7);
    assertRefusedKeeping(anchor, latest, signedCheckpoint(7, "b"), Problem.FORK);
  }

  @Test
  void acceptsTheLatestAgain() {
    CheckpointAnchor anchor = anchor();
    String note = publish(anchor, 7);
    anchor.publish(note);
    assertThat(anchor.latest()).contains(note);
  }

  @Test
  void refusesMalformedNotesAndKeepsTheLatest() {
    CheckpointAnchor anchor = anchor();
    String note = publish(anchor, 3);
    assertRefusedKeeping(anchor, note, "not a note", Problem.MALFORMED_NOTE);
    assertRefusedKeeping(anchor, note, note.replace("\n", "\r\n"), Problem.MALFORMED_NOTE);
  }

  @Test
  void concurrentPublishesEndWithTheLargestCheckpoint() throws Exception {
    CheckpointAnchor anchor = anchor();
    int threads = 4;
    int perThread = 25;
    ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    Concurrently.run(
        threads,
        thread -> {
          for (int i = 0; i < perThread; i++) {
            try {
              anchor.publish(signedCheckpoint((long) i * threads + thread, "a"));
            } catch (CheckpointException e) {
              if (e.problem() != Problem.ROLLBACK) {
                unexpected.add(e);
              }
            }
            Optional<String> seen = anchor.latest();
            assertThat(seen).isPresent();
          }
        });
    assertThat(unexpected).isEmpty();
    long largest = (long) (perThread - 1) * threads + threads - 1;
    assertThat(anchor.latest()).contains(signedCheckpoint(largest, "a"));
  }
}

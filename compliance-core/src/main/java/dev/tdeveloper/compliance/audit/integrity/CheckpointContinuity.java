package dev.tdeveloper.compliance.audit.integrity;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Whether the log still extends a checkpoint anchored outside it: {@link #check} verifies the
 * anchored signed note, then compares the log's tree with it. A log smaller than the anchored size
 * lost its tail ({@link TailDeleted}); a log whose root at the anchored size differs was rewritten
 * or forked ({@link Forked}); otherwise the log {@link Extends} the checkpoint. Results are
 * immutable and thread-safe.
 */
public sealed interface CheckpointContinuity {
  /** Returns the verified anchored checkpoint the log was compared with. */
  Checkpoint anchored();

  /** Returns whether the log extends the anchored checkpoint. */
  boolean holds();

  /** Returns one sentence describing the result, naming sizes and roots. */
  String describe();

  /**
   * The log holds at least the anchored size and its root at that size equals the anchored root.
   *
   * @param anchored the anchored checkpoint
   * @param logSize the log's current size
   */
  record Extends(Checkpoint anchored, long logSize) implements CheckpointContinuity {
    @Override
    public boolean holds() {
      return true;
    }

    @Override
    public String describe() {
      return "the log of "
          + logSize
          + " entries extends the anchored checkpoint of size "
          + anchored.size();
    }
  }

  /**
   * The log holds fewer entries than the anchored checkpoint: entries were deleted from its end.
   *
   * @param anchored the anchored checkpoint
   * @param logSize the log's current size
   */
  record TailDeleted(Checkpoint anchored, long logSize) implements CheckpointContinuity {
    @Override
    public boolean holds() {
      return false;
    }

    @Override
    public String describe() {
      return "tail deleted: the log holds "
          + logSize
          + " entries but a checkpoint of size "
          + anchored.size()
          + " was anchored; entries "
          + logSize
          + " to "
          + (anchored.size() - 1)
          + " are gone";
    }
  }

  /**
   * The log's root at the anchored size differs from the anchored root: entries up to that size
   * were changed, reordered or replaced.
   *
   * @param anchored the anchored checkpoint
   * @param logRoot the log's root hash at the anchored size (copy it before changing it)
   */
  record Forked(Checkpoint anchored, byte[] logRoot) implements CheckpointContinuity {
    /** Copies the root. */
    public Forked {
      logRoot = logRoot.clone();
    }

    @Override
    public byte[] logRoot() {
      return logRoot.clone();
    }

    @Override
    public boolean holds() {
      return false;
    }

    @Override
    public String describe() {
      Base64.Encoder b64 = Base64.getEncoder();
      return "fork: at size "
          + anchored.size()
          + " the log's root is "
          + b64.encodeToString(logRoot)
          + " but the anchored root is "
          + b64.encodeToString(anchored.rootHash())
          + "; the log was rewritten";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Forked f
          && f.anchored.equals(anchored)
          && Arrays.equals(f.logRoot, logRoot);
    }

    @Override
    public int hashCode() {
      return anchored.hashCode() * 31 + Arrays.hashCode(logRoot);
    }

    @Override
    public String toString() {
      return "Forked[" + describe() + "]";
    }
  }

  /**
   * Verifies {@code anchoredNote} with {@code verifier} and compares {@code tree} with it.
   *
   * @throws CheckpointException if the anchored note does not verify (a forged or damaged anchor is
   *     not a statement about the log)
   */
  public static CheckpointContinuity check(
      MerkleTree tree, String anchoredNote, CheckpointVerifier verifier) {
    Objects.requireNonNull(tree, "tree");
    Checkpoint anchored =
        Objects.requireNonNull(verifier, "verifier")
            .verify(Objects.requireNonNull(anchoredNote, "anchoredNote"));
    long size = tree.size();
    if (size < anchored.size()) {
      return new TailDeleted(anchored, size);
    }
    byte[] root = tree.root(anchored.size());
    if (!Arrays.equals(root, anchored.rootHash())) {
      return new Forked(anchored, root);
    }
    return new Extends(anchored, size);
  }
}

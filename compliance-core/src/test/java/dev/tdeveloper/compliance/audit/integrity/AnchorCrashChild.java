package dev.tdeveloper.compliance.audit.integrity;

import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Child JVM of {@code FileCheckpointAnchorContractTest}: publishes checkpoints of growing sizes to
 * the anchor in {@code args[0]} and prints {@code PUBLISHED <size>} after each returns, until
 * killed.
 */
public final class AnchorCrashChild {
  private static final CheckpointSigner SIGNER = signer();

  private AnchorCrashChild() {}

  public static void main(String[] args) {
    ChildJvm.exitWhenParentGoes();
    try (FileCheckpointAnchor anchor = FileCheckpointAnchor.open(Path.of(args[0]))) {
      for (long size = 1; ; size++) {
        anchor.publish(note(size));
        System.out.println("PUBLISHED " + size);
        System.out.flush();
      }
    }
  }

  /**
   * The note published for {@code size}; Ed25519 is deterministic, so the parent can rebuild it.
   */
  static String note(long size) {
    byte[] root = MerkleHashes.leaf(("crash " + size).getBytes(StandardCharsets.UTF_8));
    return SIGNER.signText(Checkpoint.of("crash.example", size, root).text());
  }

  private static CheckpointSigner signer() {
    byte[] der = HexFormat.of().parseHex("302e020100300506032b657004220420" + "11".repeat(32));
    try {
      Path file = Files.createTempFile("anchor-crash", ".key");
      Files.write(file, der);
      CheckpointSigner signer = CheckpointSigner.load("crash.example", file);
      Files.delete(file);
      return signer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

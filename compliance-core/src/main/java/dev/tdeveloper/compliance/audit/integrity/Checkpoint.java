package dev.tdeveloper.compliance.audit.integrity;

import dev.tdeveloper.compliance.audit.integrity.CheckpointException.Problem;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A transparency-log checkpoint (c2sp.org/tlog-checkpoint): the log's origin, its tree size and
 * root hash, and optional extension lines. Its note text is {@code "<origin>\n<size>\n<base64
 * root>\n"} followed by one line per extension; {@link CheckpointSigner} signs that text and {@link
 * CheckpointVerifier} checks it. Immutable and thread-safe.
 */
public final class Checkpoint {
  private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

  private final String origin;
  private final long size;
  private final byte[] rootHash;
  private final List<String> extensions;

  private Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {
    this.origin = origin;
    this.size = size;
    this.rootHash = rootHash;
    this.extensions = extensions;
  }

  /**
   * Creates a checkpoint without extension lines.
   *
   * @throws IllegalArgumentException as {@link #of(String, long, byte[], List)} does
   */
  public static Checkpoint of(String origin, long size, byte[] rootHash) {
    return of(origin, size, rootHash, List.of());
  }

  /**
   * Creates a checkpoint.
   *
   * @param origin the log's unique name, such as {@code "audit.example.com/acme"}: one non-empty
   *     line without control characters
   * @param size the tree size, {@code >= 0}
   * @param rootHash the root hash of the tree of {@code size} leaves, 32 bytes (copied)
   * @param extensions further lines, each non-empty without control characters (copied)
   * @throws IllegalArgumentException naming the field that breaks these rules
   */
  public static Checkpoint of(String origin, long size, byte[] rootHash, List<String> extensions) {
    checkLine("origin", Objects.requireNonNull(origin, "origin"));
    if (size < 0) {
      throw new IllegalArgumentException("checkpoint size must be >= 0, got " + size);
    }
    if (Objects.requireNonNull(rootHash, "rootHash").length != MerkleHashes.LENGTH) {
      throw new IllegalArgumentException(
          "checkpoint rootHash must be 32 bytes, got " + rootHash.length);
    }
    List<String> lines = List.copyOf(Objects.requireNonNull(extensions, "extensions"));
    for (int i = 0; i < lines.size(); i++) {
      checkLine("extension line " + i, lines.get(i));
    }
    return new Checkpoint(origin, size, rootHash.clone(), lines);
  }

  /**
   * Parses a checkpoint's note text strictly: at least three lines, each ending with a newline; a
   * non-empty origin; the size as a canonical decimal (no sign, no leading zero); the root as
   * canonical standard base64 of 32 bytes; non-empty extension lines.
   *
   * @throws CheckpointException with {@link Problem#MALFORMED_CHECKPOINT} or {@link
   *     Problem#BAD_ROOT_LENGTH}
   */
  public static Checkpoint parse(String text) {
    Objects.requireNonNull(text, "text");
    if (!text.endsWith("\n")) {
      throw malformed("the text does not end with a newline");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw malformed("a checkpoint has at least 3 lines, got " + lines.length);
    }
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isEmpty() || lines[i].chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw malformed("line " + (i + 1) + " is empty or holds a control character");
      }
    }
    if (!DECIMAL.matcher(lines[1]).matches()) {
      throw malformed("the size line '" + lines[1] + "' is not a canonical decimal");
    }
    long size;
    try {
      size = Long.parseLong(lines[1]);
    } catch (NumberFormatException e) {
      throw malformed("the size " + lines[1] + " is too large");
    }
    byte[] root;
    try {
      root = Base64.getDecoder().decode(lines[2]);
    } catch (IllegalArgumentException e) {
      throw malformed("the root hash line is not base64");
    }
    if (!Base64.getEncoder().encodeToString(root).equals(lines[2])) {
      throw malformed("the root hash line is not canonical base64");
    }
    if (root.length != MerkleHashes.LENGTH) {
      throw new CheckpointException(
          Problem.BAD_ROOT_LENGTH,
          "checkpoint root hash must be 32 bytes, got " + root.length + " bytes");
    }
    return new Checkpoint(
        lines[0], size, root, List.of(Arrays.copyOfRange(lines, 3, lines.length)));
  }

  /**
   * Parses the checkpoint of a signed note <em>without</em> verifying any signature, for stores
   * (anchors) that order checkpoints but hold no keys. Verify with {@link CheckpointVerifier}
   * before trusting it.
   *
   * @throws CheckpointException if the note or its checkpoint is malformed
   */
  public static Checkpoint parseUnverified(String signedNote) {
    return parse(SignedNote.parse(Objects.requireNonNull(signedNote, "signedNote")).text());
  }

  /** Returns the log's origin line. */
  public String origin() {
    return origin;
  }

  /** Returns the tree size. */
  public long size() {
    return size;
  }

  /** Returns a copy of the 32-byte root hash. */
  public byte[] rootHash() {
    return rootHash.clone();
  }

  /** Returns the extension lines, without their newlines. */
  public List<String> extensions() {
    return extensions;
  }

  /** Returns the note text: origin, size, base64 root and extension lines, each ending in "\n". */
  public String text() {
    StringBuilder text = new StringBuilder(origin).append('\n');
    text.append(size)
        .append('\n')
        .append(Base64.getEncoder().encodeToString(rootHash))
        .append('\n');
    extensions.forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }

  private static void checkLine(String field, String line) {
    if (line.isEmpty() || line.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException(
          "checkpoint "
              + field
              + " must be one non-empty line without control characters: '"
              + line.replace("\n", "\\n")
              + "'");
    }
  }

  private static CheckpointException malformed(String message) {
    return new CheckpointException(
        Problem.MALFORMED_CHECKPOINT, "malformed checkpoint: " + message);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint c
        && c.size == size
        && c.origin.equals(origin)
        && Arrays.equals(c.rootHash, rootHash)
        && c.extensions.equals(extensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
  }

  @Override
  public String toString() {
    return "Checkpoint["
        + origin
        + ", "
        + size
        + ", "
        + Base64.getEncoder().encodeToString(rootHash)
        + "]";
  }
}

package dev.tdeveloper.compliance.audit.file;

import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** {@code checkpoints.log}: header {@code TDAUDCP1}, one CRC32C frame per signed note (UTF-8). */
final class CheckpointFormat {
  /** Longest signed note: {@value} bytes in UTF-8. */
  static final int MAX_BYTES = 65536;

  static final RecordFormat FORMAT =
      RecordFormat.crc32c("TDAUDCP1".getBytes(StandardCharsets.US_ASCII), MAX_BYTES);

  private CheckpointFormat() {}

  /** Returns the UTF-8 bytes of a signed note, checked. */
  static byte[] encode(String signedNote) {
    Objects.requireNonNull(signedNote, "signedNote");
    if (signedNote.isBlank()) {
      throw new IllegalArgumentException("signedNote must not be blank");
    }
    byte[] bytes = signedNote.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "signedNote is " + bytes.length + " bytes in UTF-8; at most " + MAX_BYTES + " allowed");
    }
    return bytes;
  }
}

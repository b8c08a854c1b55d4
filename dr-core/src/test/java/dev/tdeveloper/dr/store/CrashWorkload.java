package dev.tdeveloper.dr.store;

import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * What {@link LocalBackupStoreCrashChild} writes and how {@link LocalBackupStoreCrashTest} checks
 * it: chunks of random bytes named by their SHA-256 (so a torn chunk cannot pass), and manifests
 * that list chunk ids and end with a line counting them (so a torn manifest cannot pass).
 */
final class CrashWorkload {
  static final List<BackupScope> SCOPES =
      List.of(BackupScope.of(TenantId.of("acme")), BackupScope.platform());

  private CrashWorkload() {}

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns a chunk of 1 byte to 512 KiB of random bytes. */
  static byte[] chunk(Random random) {
    byte[] bytes = new byte[1 + random.nextInt(512 * 1024)];
    random.nextBytes(bytes);
    return bytes;
  }

  /** Returns a manifest listing {@code ids}, padded to make a torn write likely, then a count. */
  static byte[] manifest(List<String> ids) {
    StringBuilder text = new StringBuilder();
    for (int copy = 0; copy < 50; copy++) {
      ids.forEach(id -> text.append(id).append('\n'));
    }
    text.append("end ").append(ids.size() * 50).append('\n');
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Returns the chunk ids of a whole manifest, or empty if it is torn. */
  static Optional<List<String>> parse(byte[] manifest) {
    String text = new String(manifest, StandardCharsets.UTF_8);
    if (!text.endsWith("\n")) {
      return Optional.empty();
    }
    List<String> lines = text.lines().toList();
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    List<String> ids = lines.subList(0, lines.size() - 1);
    boolean whole =
        lines.get(lines.size() - 1).equals("end " + ids.size())
            && ids.stream().allMatch(Ids::isChunkId);
    return whole ? Optional.of(List.copyOf(ids)) : Optional.empty();
  }
}

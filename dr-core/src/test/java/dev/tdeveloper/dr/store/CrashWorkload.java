package dev.tdeveloper.dr.store;

import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * What {@link LocalBackupStoreCrashChild} writes and how {@link LocalBackupStoreCrashTest} checks
 * it. A chunk is a 20-byte head (its length, then 16 random bytes) repeated to that length and is
 * named by the SHA-256 of its head, so it is cheap to make (the child's time goes to writing) and a
 * torn chunk cannot pass {@link #isWhole}. A manifest lists chunk ids and ends with a line counting
 * them, so a torn manifest cannot pass {@link #parse}.
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

  private static final int HEAD = 20;

  /** Returns a chunk of 20 bytes to 1 MiB. */
  static byte[] chunk(Random random) {
    byte[] bytes = new byte[HEAD + random.nextInt(1 << 20)];
    ByteBuffer.wrap(bytes).putInt(bytes.length);
    byte[] noise = new byte[HEAD - 4];
    random.nextBytes(noise);
    System.arraycopy(noise, 0, bytes, 4, noise.length);
    for (int filled = HEAD; filled < bytes.length; filled *= 2) {
      System.arraycopy(bytes, 0, bytes, filled, Math.min(filled, bytes.length - filled));
    }
    return bytes;
  }

  /** Returns the id of a chunk made by {@link #chunk}. */
  static String idOf(byte[] chunk) {
    return sha256(Arrays.copyOf(chunk, HEAD));
  }

  /** Returns whether {@code chunk} is a whole chunk made by {@link #chunk} with id {@code id}. */
  static boolean isWhole(String id, byte[] chunk) {
    if (chunk.length < HEAD || ByteBuffer.wrap(chunk).getInt() != chunk.length) {
      return false;
    }
    for (int i = HEAD; i < chunk.length; i++) {
      if (chunk[i] != chunk[i % HEAD]) {
        return false;
      }
    }
    return idOf(chunk).equals(id);
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

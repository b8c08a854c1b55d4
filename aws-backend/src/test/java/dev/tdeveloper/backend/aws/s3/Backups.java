package dev.tdeveloper.backend.aws.s3;

import dev.tdeveloper.dr.backup.BackupEngine;
import dev.tdeveloper.dr.backup.ChunkerSettings;
import dev.tdeveloper.dr.crypto.AesGcmChunkCipher;
import dev.tdeveloper.dr.crypto.MasterKey;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.dr.spi.BackupStore;
import dev.tdeveloper.tenancy.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/** dr-core's backup engine as the S3 tests drive it: fixed key, large chunks, fixed seeds. */
final class Backups {
  static final BackupScope SCOPE = BackupScope.of(TenantId.of("crash-test"));

  /** Chunks of 8 to 32 MiB, so a 12 MiB file is one chunk: a multipart object at 5 MiB parts. */
  static final ChunkerSettings LARGE = new ChunkerSettings(8 << 20, 16 << 20, 32 << 20);

  private static final byte[] KEY = new byte[32];

  static {
    Arrays.fill(KEY, (byte) 7);
  }

  private Backups() {}

  static BackupEngine engine(BackupStore store, ChunkerSettings chunker) {
    return BackupEngine.builder()
        .store(store)
        .cipher(AesGcmChunkCipher.create(MasterKey.of(KEY.clone())))
        .chunker(chunker)
        .parallelism(1)
        .build();
  }

  /** Writes {@code files} files of {@code size} seeded random bytes into {@code root}. */
  static Path tree(Path root, int files, int size, long seed) throws IOException {
    Files.createDirectories(root);
    Random random = new Random(seed);
    for (int i = 0; i < files; i++) {
      byte[] bytes = new byte[size];
      random.nextBytes(bytes);
      Files.write(root.resolve("file-" + i + ".bin"), bytes);
    }
    return root;
  }
}

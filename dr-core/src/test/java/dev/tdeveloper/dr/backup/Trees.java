package dev.tdeveloper.dr.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Generated file trees for backup tests, and comparison of restored ones. */
final class Trees {
  private Trees() {}

  /** Writes {@code files} files of random sizes (some empty, some bigger than {@code big}). */
  static void generate(Path root, long seed, int files, int big) throws IOException {
    Random random = new Random(seed);
    for (int i = 0; i < files; i++) {
      int size =
          switch (i % 5) {
            case 0 -> 0;
            case 1 -> big + random.nextInt(big);
            case 2 -> random.nextInt(100);
            default -> random.nextInt(big / 2);
          };
      byte[] bytes = new byte[size];
      if (i % 3 == 0) {
        random.nextBytes(bytes); // incompressible
      } else {
        for (int b = 0; b < size; b++) {
          bytes[b] = (byte) ('a' + random.nextInt(4)); // compressible
        }
      }
      Path file = root.resolve("d" + (i % 4)).resolve("sub" + (i % 3)).resolve("f" + i + ".bin");
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    }
  }

  /** Returns every regular file's bytes by relative path. */
  static Map<String, byte[]> read(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(path)) {
          files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
        }
      }
    }
    return files;
  }

  static void assertSameFiles(Path expected, Path actual) throws IOException {
    Map<String, byte[]> want = read(expected);
    Map<String, byte[]> got = read(actual);
    assertThat(got.keySet()).containsExactlyElementsOf(want.keySet());
    want.forEach((path, bytes) -> assertThat(got.get(path)).as(path).isEqualTo(bytes));
  }
}

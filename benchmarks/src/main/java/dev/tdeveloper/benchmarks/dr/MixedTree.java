package dev.tdeveloper.benchmarks.dr;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generated, deterministic tree of mixed files, as a service's data directory looks: a quarter of
 * the bytes in many small text files (1 to 16 KiB, 256 per directory), a third in medium files (256
 * KiB to 4 MiB, alternately text and random), the rest in a few large files (32 to 96 MiB) of 1 MiB
 * blocks alternately text and random. Text is words from a random vocabulary (zstd keeps about a
 * third of it); random bytes do not compress. No two files share content, so nothing dedupes by
 * accident. Public for the AWS backup comparison ({@code aws.S3BackupComparison}). Not thread-safe.
 */
public final class MixedTree {
  private static final int BLOCK = 1 << 20;

  /** The tree's root directory. */
  public final Path root;

  /** The bytes generated. */
  public final long bytes;

  final List<Path> small = new ArrayList<>();
  final List<Path> bigger = new ArrayList<>();
  private final SplittableRandom random;
  private final byte[][] vocabulary;

  private MixedTree(Path root, long bytes, long seed) {
    this.root = root;
    this.bytes = bytes;
    this.random = new SplittableRandom(seed);
    this.vocabulary = new byte[4096][];
    for (int i = 0; i < vocabulary.length; i++) {
      StringBuilder word = new StringBuilder();
      int length = 2 + random.nextInt(9);
      for (int j = 0; j < length; j++) {
        word.append((char) ('a' + random.nextInt(26)));
      }
      vocabulary[i] =
          word.append(i % 13 == 0 ? ".\n" : " ").toString().getBytes(StandardCharsets.US_ASCII);
    }
  }

  /** Generates about {@code bytes} bytes of files under {@code root} (created). */
  public static MixedTree generate(Path root, long bytes, long seed) throws IOException {
    MixedTree tree = new MixedTree(root, bytes, seed);
    tree.fill();
    return tree;
  }

  private void fill() throws IOException {
    long smallBudget = bytes / 4;
    long mediumBudget = bytes / 3;
    long largeBudget = bytes - smallBudget - mediumBudget;
    for (int i = 0; smallBudget > 0; i++) {
      int size = (int) Math.min(smallBudget, 1024 + random.nextInt(15 * 1024));
      Path file = root.resolve(String.format("small/d%03d/f%05d.txt", i / 256, i));
      write(file, text(size));
      small.add(file);
      smallBudget -= size;
    }
    for (int i = 0; mediumBudget > 0; i++) {
      int size = (int) Math.min(mediumBudget, (256 << 10) + random.nextInt(15 * (256 << 10)));
      Path file = root.resolve(String.format("medium/m%04d.%s", i, i % 2 == 0 ? "log" : "bin"));
      write(file, i % 2 == 0 ? text(size) : random(size));
      bigger.add(file);
      mediumBudget -= size;
    }
    for (int i = 0; largeBudget > 0; i++) {
      long size = Math.min(largeBudget, (32L << 20) + random.nextInt(64 << 20));
      Path file = root.resolve(String.format("large/l%02d.db", i));
      Files.createDirectories(file.getParent());
      try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
        for (long at = 0; at < size; at += BLOCK) {
          int block = (int) Math.min(BLOCK, size - at);
          out.write((at / BLOCK) % 2 == 0 ? text(block) : random(block));
        }
      }
      bigger.add(file);
      largeBudget -= size;
    }
  }

  /**
   * Overwrites about 1% of the tree's bytes and gives every changed file modification time {@code
   * time}: half in whole small files rewritten, half in 256 KiB runs of random bytes at random
   * places in medium and large files (each run also costs the chunks around its two ends). Returns
   * the bytes changed.
   */
  public long changeOnePercent(Instant time) throws IOException {
    long budget = bytes / 100;
    long changed = 0;
    List<Path> targets = bigger.isEmpty() ? small : bigger;
    while (changed < budget / 2 && !small.isEmpty()) {
      Path file = small.get(random.nextInt(small.size()));
      byte[] content = text((int) Files.size(file));
      write(file, content);
      Files.setLastModifiedTime(file, FileTime.from(time));
      changed += content.length;
    }
    while (changed < budget) {
      Path file = targets.get(random.nextInt(targets.size()));
      long size = Files.size(file);
      int run = (int) Math.min(Math.min(256 << 10, size), budget - changed);
      try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
        out.seek(size == run ? 0 : random.nextLong(size - run));
        out.write(random(run));
      }
      Files.setLastModifiedTime(file, FileTime.from(time));
      changed += run;
    }
    return changed;
  }

  private byte[] text(int size) {
    byte[] out = new byte[size];
    int at = 0;
    while (at < size) {
      byte[] word = vocabulary[random.nextInt(vocabulary.length)];
      int n = Math.min(word.length, size - at);
      System.arraycopy(word, 0, out, at, n);
      at += n;
    }
    return out;
  }

  private byte[] random(int size) {
    byte[] out = new byte[size];
    random.nextBytes(out);
    return out;
  }

  private static void write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }

  /** Deletes {@code tree} and everything under it, if it exists. */
  public static void delete(Path tree) {
    if (!Files.exists(tree)) {
      return;
    }
    try {
      Files.walkFileTree(
          tree,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + tree, e);
    }
  }
}

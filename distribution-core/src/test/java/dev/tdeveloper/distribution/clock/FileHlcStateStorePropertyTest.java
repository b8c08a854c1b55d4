package dev.tdeveloper.distribution.clock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.distribution.spi.HlcStateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/** Properties of {@link FileHlcStateStore}: monotone marks, and crash images of a torn store. */
class FileHlcStateStorePropertyTest {
  private Path directory;
  private int files;

  @BeforeProperty
  void createDirectory() throws IOException {
    directory = Files.createTempDirectory("hlc-store-property");
  }

  @AfterProperty
  void deleteDirectory() throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(FileHlcStateStorePropertyTest::delete);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A path in this property's directory that no try has used. */
  private Path unusedPath() {
    files++;
    return directory.resolve("hlc-" + files + ".state");
  }

  /** Any marks, stored by one store or a reopened one, load as the highest stored so far. */
  @Property(tries = 40)
  void storesNeverMoveTheMarkBack(
      @ForAll @Size(min = 1, max = 8) List<@LongRange(min = 0, max = 1L << 47) Long> marks,
      @ForAll long reopenBits)
      throws IOException {
    Path file = unusedPath();
    HlcStateStore store = FileHlcStateStore.open(file);
    long highest = 0;
    for (int i = 0; i < marks.size(); i++) {
      if ((reopenBits >>> i & 1) == 1) {
        store = FileHlcStateStore.open(file);
      }
      store.store(marks.get(i));
      highest = Math.max(highest, marks.get(i));
      assertThat(store.load()).isEqualTo(highest);
      assertThat(FileHlcStateStore.open(file).load()).isEqualTo(highest);
    }
  }

  /**
   * After stores that returned, a crash during the next store leaves its slot torn anyhow (random
   * bytes or part of the new slot over any range of its block): the image opens and loads at least
   * every mark whose store returned, and no more than the torn store's mark.
   */
  @Property(tries = 40)
  void aCrashImageLoadsAtLeastEveryReturnedMark(
      @ForAll @Size(min = 1, max = 6) List<@LongRange(min = 1, max = 1_000_000) Long> steps,
      @ForAll @IntRange(min = 0, max = HlcSlots.SLOT_STRIDE - 1) int from,
      @ForAll @IntRange(min = 1, max = HlcSlots.SLOT_STRIDE) int length,
      @ForAll boolean newBytes,
      @ForAll long seed)
      throws IOException {
    Path file = unusedPath();
    HlcStateStore store = FileHlcStateStore.open(file);
    long returned = 0;
    for (int i = 0; i < steps.size() - 1; i++) {
      returned += steps.get(i);
      store.store(returned);
    }
    long torn = returned + steps.get(steps.size() - 1);
    byte[] before = Files.readAllBytes(file);
    store.store(torn);
    byte[] after = Files.readAllBytes(file);
    int block = FileHlcStateStoreTest.changedSlot(before, after) * HlcSlots.SLOT_STRIDE;

    byte[] image = before.clone();
    int end = Math.min(HlcSlots.SLOT_STRIDE, from + length);
    byte[] garbage = new byte[end - from];
    new Random(seed).nextBytes(garbage);
    for (int i = from; i < end; i++) {
      image[block + i] = newBytes ? after[block + i] : garbage[i - from];
    }
    Path crashed = unusedPath();
    Files.write(crashed, image);

    long loaded = FileHlcStateStore.open(crashed).load();
    assertThat(loaded).isBetween(returned, torn);
    if (newBytes && from == 0 && end >= HlcSlots.SLOT_BYTES) {
      assertThat(loaded).isEqualTo(torn);
    }
  }
}

package dev.tdeveloper.dr.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ChunkerPropertiesTest {
  private static final Chunker SMALL = Chunker.of(new ChunkerSettings(256, 1024, 4096));

  private static List<byte[]> chunks(Chunker chunker, InputStream in) throws IOException {
    List<byte[]> chunks = new ArrayList<>();
    chunker.chunk(in, (b, off, len) -> chunks.add(Arrays.copyOfRange(b, off, off + len)));
    return chunks;
  }

  private static byte[] random(long seed, int size) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** Hands out at most a few bytes per read, as a slow pipe would. */
  private static InputStream trickle(byte[] bytes, int step) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, step));
      }
    };
  }

  @Property(tries = 60)
  void chunksCoverTheInputExactlyWithinBounds(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 60_000) int size) throws IOException {
    byte[] input = random(seed, size);
    List<byte[]> chunks = chunks(SMALL, new ByteArrayInputStream(input));
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (int i = 0; i < chunks.size(); i++) {
      joined.write(chunks.get(i));
      assertThat(chunks.get(i).length).isPositive().isLessThanOrEqualTo(4096);
      if (i < chunks.size() - 1) {
        assertThat(chunks.get(i).length).isGreaterThanOrEqualTo(256);
      }
    }
    assertThat(joined.toByteArray()).isEqualTo(input);
  }

  @Property(tries = 30)
  void boundariesDoNotDependOnHowTheStreamIsRead(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 5000) int step) throws IOException {
    byte[] input = random(seed, 50_000);
    List<byte[]> whole = chunks(SMALL, new ByteArrayInputStream(input));
    List<byte[]> trickled = chunks(SMALL, trickle(input, step));
    assertThat(trickled).hasSameSizeAs(whole);
    for (int i = 0; i < whole.size(); i++) {
      assertThat(trickled.get(i)).isEqualTo(whole.get(i));
    }
  }

  @Property(tries = 40)
  void boundariesDoNotDependOnWhatTheStreamReportsAvailable(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 20_000) int size,
      @ForAll @IntRange(min = -1, max = 3) int report)
      throws IOException {
    byte[] input = random(seed, size);
    // 0: reports nothing; 1: less than it holds; 2: more than it holds; 3: far more; -1: negative.
    int reported =
        switch (report) {
          case 0 -> 0;
          case 1 -> size / 3;
          case 2 -> size + 5000;
          case 3 -> Integer.MAX_VALUE;
          default -> -7;
        };
    InputStream misreporting =
        new FilterInputStream(new ByteArrayInputStream(input)) {
          @Override
          public int available() {
            return reported;
          }
        };
    List<byte[]> whole = chunks(SMALL, new ByteArrayInputStream(input));
    List<byte[]> misreported = chunks(SMALL, misreporting);
    assertThat(misreported).hasSameSizeAs(whole);
    for (int i = 0; i < whole.size(); i++) {
      assertThat(misreported.get(i)).isEqualTo(whole.get(i));
    }
  }

  @Property(tries = 40)
  void anInsertionNearTheStartKeepsMostLaterChunks(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 2000) int at,
      @ForAll @IntRange(min = 1, max = 100) int inserted)
      throws IOException {
    byte[] input = random(seed, 200_000);
    byte[] edited = new byte[input.length + inserted];
    System.arraycopy(input, 0, edited, 0, at);
    System.arraycopy(random(seed + 1, inserted), 0, edited, at, inserted);
    System.arraycopy(input, at, edited, at + inserted, input.length - at);
    List<byte[]> before = chunks(SMALL, new ByteArrayInputStream(input));
    Set<String> after = new HashSet<>();
    for (byte[] chunk : chunks(SMALL, new ByteArrayInputStream(edited))) {
      after.add(Sha256.hex(chunk, 0, chunk.length));
    }
    long lost = before.stream().filter(c -> !after.contains(Sha256.hex(c, 0, c.length))).count();
    assertThat(lost).as("chunks lost of %d", before.size()).isLessThanOrEqualTo(8);
  }

  @Test
  void chunkSizesAverageNearTheTarget() throws IOException {
    List<byte[]> chunks =
        chunks(Chunker.of(ChunkerSettings.DEFAULT), new ByteArrayInputStream(random(7, 16 << 20)));
    double average = (16 << 20) / (double) chunks.size();
    assertThat(average).isBetween(40_000.0, 100_000.0);
  }

  @Test
  void anEmptyStreamHasNoChunks() throws IOException {
    assertThat(chunks(SMALL, InputStream.nullInputStream())).isEmpty();
  }

  @Test
  void invalidSettingsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> new ChunkerSettings(10, 1024, 4096))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("min")
        .hasMessageContaining("10");
    assertThatThrownBy(() -> new ChunkerSettings(256, 1000, 4096))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("avg")
        .hasMessageContaining("power of two");
    assertThatThrownBy(() -> new ChunkerSettings(256, 1024, 1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max");
    assertThatThrownBy(() -> new ChunkerSettings(256, 1024, Integer.MAX_VALUE))
        .hasMessageContaining("at most");
  }
}

package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A note's file name in backups and the change journal. */
class NotesBackupSourceTest {
  @Test
  void pathIsTheIdZeroPaddedAsFormatWritesIt() {
    LongStream boundaries =
        LongStream.of(0, 1, 9, 10, 99, 100, 999_999_999L, 1_000_000_000L, Long.MAX_VALUE);
    SplittableRandom random = new SplittableRandom(17);
    LongStream sampled =
        LongStream.concat(
            random.longs(5_000, 0, Long.MAX_VALUE),
            random.longs(5_000, 0, 1_000_000)); // ids of this size are the common ones
    LongStream.concat(boundaries, sampled)
        .forEach(
            id ->
                assertThat(NotesBackupSource.path(id))
                    .as("id %d", id)
                    .isEqualTo(String.format("%019d.note", id)));
  }

  @Test
  void refusesANegativeId() {
    assertThatThrownBy(() -> NotesBackupSource.path(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}

package dev.tdeveloper.distribution.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.distribution.DistributionException;
import dev.tdeveloper.distribution.spi.HlcStateStore;
import dev.tdeveloper.distribution.testkit.HlcStateStoreContract;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHlcStateStoreTest extends HlcStateStoreContract {
  @TempDir Path temp;

  private Path file() {
    return temp.resolve("state").resolve("hlc.state");
  }

  @Override
  protected HlcStateStore open() {
    return FileHlcStateStore.open(file());
  }

  /** The index of the one slot block in which {@code before} and {@code after} differ. */
  static int changedSlot(byte[] before, byte[] after) {
    int first = Arrays.mismatch(before, after);
    assertThat(first).as("a store changes the file").isNotNegative();
    int slot = first / HlcSlots.SLOT_STRIDE;
    for (int i = 0; i < before.length; i++) {
      if (before[i] != after[i]) {
        assertThat(i / HlcSlots.SLOT_STRIDE).as("byte %d changed", i).isEqualTo(slot);
      }
    }
    return slot;
  }

  @Test
  void openCreatesAFixedSizeFileThatStoresNeverResize() throws Exception {
    HlcStateStore store = open();
    assertThat(Files.size(file())).isEqualTo(HlcSlots.FILE_BYTES);
    for (long mark = 1; mark <= 5; mark++) {
      store.store(mark * 1000);
      assertThat(Files.size(file())).isEqualTo(HlcSlots.FILE_BYTES);
    }
    assertThat(Files.exists(DurableFiles.tempOf(file()))).isFalse();
  }

  @Test
  void storesWriteTheTwoSlotsAlternately() throws Exception {
    HlcStateStore store = open();
    int previous = -1;
    for (long mark = 1; mark <= 6; mark++) {
      byte[] before = Files.readAllBytes(file());
      store.store(mark);
      int slot = changedSlot(before, Files.readAllBytes(file()));
      assertThat(slot).isNotEqualTo(previous);
      previous = slot;
    }
  }

  @Test
  void aTornNewerSlotFallsBackToTheOlderMark() throws Exception {
    HlcStateStore store = open();
    store.store(100);
    byte[] before = Files.readAllBytes(file());
    store.store(200);
    byte[] torn = Files.readAllBytes(file());
    int slot = changedSlot(before, torn);
    torn[slot * HlcSlots.SLOT_STRIDE + 12] ^= 0x01;
    Files.write(file(), torn);
    HlcStateStore reopened = open();
    assertThat(reopened.load()).isEqualTo(100);
    reopened.store(150);
    assertThat(open().load()).isEqualTo(150);
  }

  @Test
  void bothSlotsBadIsAClearError() throws Exception {
    open().store(100);
    byte[] bytes = Files.readAllBytes(file());
    bytes[3] ^= 0x40;
    bytes[HlcSlots.SLOT_STRIDE + 20] ^= 0x01;
    Files.write(file(), bytes);
    assertThatThrownBy(this::open)
        .isInstanceOf(DistributionException.class)
        .hasMessageContaining(file().toString())
        .hasMessageContaining("corrupt")
        .hasMessageContaining("slot 0: bad magic number")
        .hasMessageContaining("slot 1: bad checksum");
    Files.write(file(), new byte[HlcSlots.FILE_BYTES]);
    assertThatThrownBy(this::open).hasMessageContaining("neither slot holds a valid mark");
  }

  @Test
  void aSlotWithAValidChecksumInTheWrongPlaceIsIgnored() throws Exception {
    open().store(100);
    byte[] bytes = Files.readAllBytes(file());
    byte[] misplaced = HlcSlots.encode(999, 4);
    System.arraycopy(misplaced, 0, bytes, HlcSlots.SLOT_STRIDE, HlcSlots.SLOT_BYTES);
    Files.write(file(), bytes);
    assertThat(open().load()).isEqualTo(100);
  }

  @Test
  void migratesTheOneLineFormatOnce() throws Exception {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "hlc-high-water-millis 1234\n");
    HlcStateStore store = open();
    assertThat(store.load()).isEqualTo(1234);
    assertThat(Files.size(file())).isEqualTo(HlcSlots.FILE_BYTES);
    assertThat(Files.exists(DurableFiles.tempOf(file()))).isFalse();
    byte[] migrated = Files.readAllBytes(file());
    assertThat(open().load()).isEqualTo(1234);
    assertThat(Files.readAllBytes(file())).isEqualTo(migrated);
    store.store(1000);
    assertThat(open().load()).isEqualTo(1234);
    store.store(1300);
    assertThat(open().load()).isEqualTo(1300);
  }

  @Test
  void ignoresAStaleTemporaryFile() throws Exception {
    open().store(10);
    Files.writeString(DurableFiles.tempOf(file()), "hlc-high-water-millis 99");
    assertThat(open().load()).isEqualTo(10);
    open().store(20);
    assertThat(open().load()).isEqualTo(20);
  }

  @Test
  void refusesACorruptFileNamingIt() throws Exception {
    Files.createDirectories(file().getParent());
    for (String content :
        new String[] {"garbage\n", "hlc-high-water-millis x\n", "hlc-high-water-millis -5\n", ""}) {
      Files.writeString(file(), content);
      assertThatThrownBy(this::open)
          .isInstanceOf(DistributionException.class)
          .hasMessageContaining(file().toString())
          .hasMessageContaining("corrupt");
    }
    for (int size : new int[] {100, HlcSlots.FILE_BYTES - 1, HlcSlots.FILE_BYTES + 1}) {
      Files.write(file(), new byte[size]);
      assertThatThrownBy(this::open)
          .isInstanceOf(DistributionException.class)
          .hasMessageContaining(file().toString())
          .hasMessageContaining("it is " + size + " bytes: neither the 8192-byte slot format");
    }
  }

  @Test
  void aFileThatDisappearsAfterOpenIsAnErrorOnLoad() throws Exception {
    HlcStateStore store = open();
    Files.delete(file());
    assertThatThrownBy(store::load)
        .isInstanceOf(DistributionException.class)
        .hasMessageContaining(file().toString());
  }
}

package dev.tdeveloper.distribution.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.distribution.DistributionException;
import dev.tdeveloper.distribution.spi.HlcStateStore;
import dev.tdeveloper.distribution.testkit.HlcStateStoreContract;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @Test
  void writesOneReadableLine() throws Exception {
    open().store(1234);
    assertThat(Files.readString(file())).isEqualTo("hlc-high-water-millis 1234\n");
    assertThat(Files.exists(DurableFiles.tempOf(file()))).isFalse();
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
    Files.writeString(file(), "x".repeat(100));
    assertThatThrownBy(this::open).hasMessageContaining("longer than 64 bytes");
  }
}

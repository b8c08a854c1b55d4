package dev.tdeveloper.dr.source;

import dev.tdeveloper.dr.spi.SourceEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A file's content that opens the file only when first read (an incremental backup skips unchanged
 * files without opening them) and fails instead of handing over a file that changed while read:
 * more or fewer bytes than its recorded size, or a new modification time at the end. Not
 * thread-safe.
 */
final class CheckedFileStream extends InputStream {
  private final Path file;
  private final SourceEntry entry;
  private InputStream in;
  private long read;
  private boolean ended;

  CheckedFileStream(Path file, SourceEntry entry) {
    this.file = file;
    this.entry = entry;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (ended) {
      return -1;
    }
    if (in == null) {
      in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    }
    int n = in.read(buffer, offset, length);
    if (n < 0) {
      ended = true;
      if (read != entry.size()) {
        throw changed("shrank from " + entry.size() + " to " + read + " bytes");
      }
      if (!Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS)
          .toInstant()
          .equals(entry.lastModified())) {
        throw changed("was modified");
      }
      return -1;
    }
    read += n;
    if (read > entry.size()) {
      throw changed("grew beyond " + entry.size() + " bytes");
    }
    return n;
  }

  private IOException changed(String how) {
    return new IOException(
        "file " + file + " " + how + " while it was backed up; the backup is abandoned");
  }

  @Override
  public void close() throws IOException {
    if (in != null) {
      in.close();
    }
  }
}

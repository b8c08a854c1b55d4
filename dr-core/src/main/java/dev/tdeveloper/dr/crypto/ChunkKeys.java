package dev.tdeveloper.dr.crypto;

import dev.tdeveloper.dr.DrException;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link MasterKey} in a file: exactly {@value MasterKey#LENGTH} raw bytes, readable and
 * writable by the owner only where the filesystem has POSIX permissions. {@link #generate} is
 * crash-safe (the key is written to a temporary file, forced, then linked into place) and never
 * overwrites an existing file. Nothing here logs or prints key bytes. Stateless and thread-safe.
 */
public final class ChunkKeys {
  private static final Logger LOG = LoggerFactory.getLogger(ChunkKeys.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private ChunkKeys() {}

  /**
   * Generates a new master key into {@code file} (creating its directory if needed).
   *
   * @throws DrException if {@code file} exists (it is left untouched) or cannot be written
   */
  public static MasterKey generate(Path file) {
    Objects.requireNonNull(file, "file");
    Path target = file.toAbsolutePath();
    if (Files.exists(target)) {
      throw exists(target);
    }
    MasterKey key = MasterKey.generate();
    byte[] material = key.material();
    Path temp =
        target.resolveSibling(
            target.getFileName()
                + "."
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                + ".tmp");
    try {
      Files.createDirectories(target.getParent());
      deleteStaleTemporaryFiles(target);
      try (FileChannel channel =
          FileChannel.open(
              temp,
              Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              ownerOnly(target))) {
        ByteBuffer buffer = ByteBuffer.wrap(material);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.createLink(target, temp);
      } catch (UnsupportedOperationException e) {
        Files.move(temp, target);
      }
      DurableFiles.syncDirectory(target.getParent());
    } catch (FileAlreadyExistsException e) {
      throw exists(target);
    } catch (IOException e) {
      throw new DrException("cannot write master key file " + target, e);
    } finally {
      Arrays.fill(material, (byte) 0);
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        LOG.warn("cannot delete temporary key file {}", temp, e);
      }
    }
    LOG.info("generated master key {} into {}", key.id(), target);
    return key;
  }

  /**
   * Loads the master key in {@code file}.
   *
   * @throws DrException if the file is missing, unreadable or not {@value MasterKey#LENGTH} bytes
   *     (the message names the file and its length, never its content)
   */
  public static MasterKey load(Path file) {
    Objects.requireNonNull(file, "file");
    Path target = file.toAbsolutePath();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(target);
    } catch (NoSuchFileException e) {
      throw new DrException("master key file " + target + " does not exist", e);
    } catch (IOException e) {
      throw new DrException("cannot read master key file " + target, e);
    }
    try {
      if (bytes.length != MasterKey.LENGTH) {
        throw new DrException(
            "master key file "
                + target
                + " holds "
                + bytes.length
                + " bytes: expected exactly "
                + MasterKey.LENGTH);
      }
      warnIfOthersCanRead(target);
      return MasterKey.of(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** Loads the key in {@code file}, generating it first if the file does not exist. */
  public static MasterKey loadOrGenerate(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.exists(file)) {
      try {
        return generate(file);
      } catch (DrException e) {
        if (!Files.exists(file)) {
          throw e;
        }
        // another caller generated it first: load theirs
      }
    }
    return load(file);
  }

  private static DrException exists(Path target) {
    return new DrException(
        "master key file " + target + " exists already; refusing to overwrite a key");
  }

  private static FileAttribute<?>[] ownerOnly(Path target) {
    if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
    }
    return new FileAttribute<?>[0];
  }

  private static void deleteStaleTemporaryFiles(Path target) throws IOException {
    String prefix = target.getFileName() + ".";
    try (DirectoryStream<Path> files = Files.newDirectoryStream(target.getParent())) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.startsWith(prefix)
            && name.endsWith(".tmp")
            && name.length() == prefix.length() + 16 + 4) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static void warnIfOthersCanRead(Path target) {
    try {
      if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
        permissions.removeAll(OWNER_ONLY);
        if (!permissions.isEmpty()) {
          LOG.warn(
              "master key file {} is accessible beyond its owner ({}); restrict it to rw-------",
              target,
              PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        }
      }
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("cannot read the permissions of {}", target, e);
    }
  }
}

package dev.tdeveloper.security.secrets.rotation;

import dev.tdeveloper.security.secrets.Secret;
import dev.tdeveloper.security.spi.RotationTarget;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * A user table on disk, for crash tests: like {@link InMemoryRotationTarget} (SHA-256 verifiers,
 * unknown users refused), but each change is replaced atomically in a file, so it survives the
 * process that made it, as a database's state does.
 */
final class FileUserTable implements RotationTarget {
  private final Path file;
  private final Properties table = new Properties();

  FileUserTable(Path file, String... users) {
    this.file = file;
    try {
      if (Files.exists(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          table.load(in);
        }
      } else {
        for (String user : users) {
          table.setProperty(user, "");
          table.setProperty(user + ".changes", "0");
        }
        save();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String description() {
    return "user table " + file.getFileName();
  }

  @Override
  public synchronized void set(String user, Secret password) {
    if (table.getProperty(user) == null) {
      throw new IllegalArgumentException("no user '" + user + "'");
    }
    table.setProperty(user, hash(password));
    table.setProperty(
        user + ".changes",
        String.valueOf(Integer.parseInt(table.getProperty(user + ".changes")) + 1));
    save();
  }

  @Override
  public synchronized boolean test(String user, Secret password) {
    String stored = table.getProperty(user);
    return stored != null && !stored.isEmpty() && stored.equals(hash(password));
  }

  synchronized int changes(String user) {
    return Integer.parseInt(table.getProperty(user + ".changes"));
  }

  private void save() {
    try {
      DurableFiles.replace(file, out -> table.store(out, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hash(Secret password) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(password.bytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.tdeveloper.security.crypto;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A durable {@link CiphertextStore} of one file per record, for the rewrap tests. */
final class FileCiphertextStore implements CiphertextStore {
  private final Path root;

  FileCiphertextStore(Path root) {
    this.root = root;
  }

  synchronized void put(TenantId tenant, String id, byte[] ciphertext) {
    try {
      Files.createDirectories(root.resolve(tenant.value()));
      DurableFiles.replace(root.resolve(tenant.value()).resolve(id), out -> out.write(ciphertext));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized byte[] get(TenantId tenant, String id) {
    try {
      return Files.readAllBytes(root.resolve(tenant.value()).resolve(id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized List<StoredCiphertext> next(
      TenantId tenant, Optional<String> after, int limit) {
    Path dir = root.resolve(tenant.value());
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(id -> !id.endsWith(DurableFiles.TEMP_SUFFIX))
          .filter(id -> after.map(a -> id.compareTo(a) > 0).orElse(true))
          .sorted()
          .limit(limit)
          .map(id -> new StoredCiphertext(id, get(tenant, id)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized boolean replace(
      TenantId tenant, String id, byte[] expected, byte[] replacement) {
    if (!Arrays.equals(get(tenant, id), expected)) {
      return false;
    }
    put(tenant, id, replacement);
    return true;
  }
}

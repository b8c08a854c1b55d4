package dev.tdeveloper.compliance.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.internal.Journals;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.GroupCommit;
import dev.tdeveloper.tenancy.internal.JournalFile;
import dev.tdeveloper.tenancy.internal.JsonRecords;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A durable {@link PseudonymVault} in one append-only file, {@value #FILE_NAME}, in its directory.
 * Each new mapping is appended and forced to the device before {@link #pseudonymize} returns it, so
 * an acknowledged pseudonym survives a crash; a torn tail (an interrupted append, never
 * acknowledged) is cut off on the next open. The force runs off the vault's lock as a group commit
 * ({@link GroupCommit}): threads adding mappings meanwhile append theirs, and one force then
 * acknowledges all of them. A caller that finds a mapping whose force is still running (the same
 * value pseudonymized or looked up concurrently) waits for that force too. If a force fails, the
 * mappings it should have covered are dropped, their callers get a {@link ComplianceException}, and
 * the vault refuses new mappings until reopened.
 *
 * <p>{@link #forget} does not append a tombstone, which would leave the raw value on disk: it
 * rewrites the whole file without the mapping (into a temporary file, forced, then renamed over the
 * old one) before it returns. A crash before the rename leaves the old file and the forget is not
 * acknowledged; after it, the value is gone from every file of the directory. (Blocks the file
 * system freed may still hold old bytes until reused; put the vault on an encrypted volume when
 * that matters.) A forget therefore costs a rewrite of the vault, which suits erasure requests, not
 * bulk deletes.
 *
 * <p>A lock file keeps a second vault, in this or another process, from opening the directory.
 * Thread-safe: lookups are lock-free; writes hold the vault's lock, forces do not. Close it when
 * done.
 */
public final class FilePseudonymVault extends IndexedPseudonymVault implements AutoCloseable {
  /** The vault's file in its directory: {@value}. */
  public static final String FILE_NAME = "pseudonyms.jrnl";

  private static final RecordFormat FORMAT =
      RecordFormat.crc32c("TDPSNV01".getBytes(StandardCharsets.US_ASCII), 16384);

  /** The step told to the test hook before each force of the group commit: {@value}. */
  static final String FORCING = "forcing";

  private final Consumer<String> hook;
  private final JournalFile file;
  private final GroupCommit commit;
  private boolean closed; // guarded by this

  private FilePseudonymVault(Path directory, Consumer<String> hook) {
    this.hook = hook;
    this.file = Journals.open(directory, FILE_NAME, FORMAT, "pseudonym vault", this::replay);
    this.commit =
        new GroupCommit(
            () -> {
              hook.accept(FORCING);
              file.force();
            });
  }

  /**
   * Opens the vault in {@code directory}, creating the directory and the file if needed.
   *
   * @throws ComplianceException if the directory cannot be created, the vault is open elsewhere, or
   *     its file is not a vault or is corrupt (naming the offset)
   */
  public static FilePseudonymVault open(Path directory) {
    return open(directory, step -> {});
  }

  /**
   * Opens the vault, telling {@code hook} each step of a forget's rewrite and each force (for
   * tests).
   */
  static FilePseudonymVault open(Path directory, Consumer<String> hook) {
    return new FilePseudonymVault(Objects.requireNonNull(directory, "directory"), hook);
  }

  private void replay(long offset, byte[] payload) {
    JsonNode node = JsonRecords.parse(payload, 1);
    String pseudonym = JsonRecords.text(node, "p");
    if (!pseudonym.startsWith(VaultIndex.PREFIX)) {
      throw new IllegalArgumentException("field 'p' is not a pseudonym");
    }
    index.put(
        new VaultIndex.Key(JsonRecords.text(node, "s"), JsonRecords.text(node, "x")), pseudonym);
  }

  @Override
  long stored(VaultIndex.Key key, String pseudonym) {
    IOException failure = commit.failure();
    if (failure != null) {
      throw new ComplianceException(
          this + " failed to force its file and refuses new mappings; reopen it", failure);
    }
    file.appendUnforced(encode(key, pseudonym));
    return commit.written();
  }

  @Override
  void durable(long ticket) {
    try {
      commit.await(ticket); // without the vault's lock: other mappings are appended meanwhile
    } catch (IOException e) {
      throw new ComplianceException("cannot force " + this + "; reopen it", e);
    }
  }

  /**
   * {@inheritDoc} The file is rewritten without the value before this returns.
   *
   * @throws ComplianceException if the file cannot be rewritten; the mapping is then kept
   */
  @Override
  public Optional<String> forget(Optional<TenantId> tenant, String value) {
    return super.forget(tenant, value);
  }

  @Override
  void forgetting(VaultIndex.Key key) {
    List<byte[]> kept = new ArrayList<>();
    for (Map.Entry<VaultIndex.Key, String> e : index.all().entrySet()) {
      if (!e.getKey().equals(key)) {
        kept.add(encode(e.getKey(), e.getValue()));
      }
    }
    exclusive(
        () -> {
          file.rewrite(kept, hook);
          commit.forcedAll(); // the rewrite forced every mapping but the forgotten one
        });
  }

  /**
   * Forces what is pending, then closes the file and releases the directory's lock; later writes
   * throw. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    exclusive(
        () -> {
          try {
            if (commit.failure() == null) {
              file.force();
              commit.forcedAll();
            }
          } finally {
            file.close();
          }
        });
  }

  /** Runs a step that swaps or closes the file while no force runs. */
  private void exclusive(GroupCommit.IoAction step) {
    try {
      commit.exclusive(step);
    } catch (IOException e) {
      throw new ComplianceException("cannot change " + this, e);
    }
  }

  @Override
  public String toString() {
    return "FilePseudonymVault[" + file.file() + "]";
  }

  private static byte[] encode(VaultIndex.Key key, String pseudonym) {
    ObjectNode node = JsonRecords.object(1);
    node.put("s", key.scope());
    node.put("x", key.text());
    node.put("p", pseudonym);
    return JsonRecords.bytes(node, () -> "pseudonym record");
  }
}

package dev.tdeveloper.compliance.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.internal.Journals;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.JournalFile;
import dev.tdeveloper.tenancy.internal.JsonRecords;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A durable {@link LegalHoldRegistry} in one append-only file, {@value #FILE_NAME}: a placement and
 * a release are each one record, forced to the device before {@code place} or {@code release}
 * returns, so an acknowledged hold survives a crash and a restart. A torn tail (an interrupted,
 * never acknowledged append) is cut off on the next open; any other damage fails the open, naming
 * the offset, rather than silently drop a hold.
 *
 * <p>The file is never rewritten: a release is appended after its placement, so the file is the
 * provable history of every hold. A hold narrowed to a subject keeps the subject's identifiers, as
 * the record of what was held needs them (GDPR Art. 17(3)(e) exempts data kept for legal claims);
 * put the directory on an encrypted volume.
 *
 * <p>A lock file keeps a second registry, in this or another process, from opening the directory.
 * Thread-safe: writes hold the registry's lock. Close it when done.
 */
public final class FileLegalHolds implements LegalHoldRegistry, AutoCloseable {
  /** The registry's file in its directory: {@value}. */
  public static final String FILE_NAME = "legal-holds.jrnl";

  static final RecordFormat FORMAT =
      RecordFormat.crc32c("TDHOLD01".getBytes(StandardCharsets.US_ASCII), 65536);

  private final LegalHolds holds;
  private final JournalFile file;

  private FileLegalHolds(Path directory, InstantSource clock) {
    this.holds = new LegalHolds(clock, this::persist);
    this.file =
        Journals.open(
            directory, FILE_NAME, FORMAT, "legal hold registry", (offset, p) -> replay(p));
  }

  /**
   * Opens the registry in {@code directory}, creating both if needed; {@code clock} timestamps new
   * placements and releases.
   *
   * @throws ComplianceException if the directory cannot be created, the registry is open elsewhere,
   *     or its file is not a registry, is corrupt or holds an unreadable record (naming the offset)
   */
  public static FileLegalHolds open(Path directory, InstantSource clock) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(clock, "clock");
    return new FileLegalHolds(directory, clock);
  }

  /**
   * {@inheritDoc}
   *
   * @throws ComplianceException if the record cannot be written; the hold is then not placed
   * @throws IllegalStateException if the registry is closed
   */
  @Override
  public synchronized LegalHold place(
      TenantId tenant, Optional<DataSubject> subject, Optional<String> category, String reason) {
    return holds.place(tenant, subject, category, reason);
  }

  /**
   * {@inheritDoc}
   *
   * @throws ComplianceException if the record cannot be written; the hold then stays active
   */
  @Override
  public synchronized LegalHold release(String id, String reason) {
    return holds.release(id, reason);
  }

  @Override
  public Optional<LegalHold> find(String id) {
    return holds.find(id);
  }

  @Override
  public List<LegalHold> forTenant(TenantId tenant) {
    return holds.forTenant(tenant);
  }

  @Override
  public List<LegalHold> covering(TenantId tenant, Optional<DataSubject> owner, String category) {
    return holds.covering(tenant, owner, category);
  }

  /** Closes the file and releases its lock; later writes throw. */
  @Override
  public synchronized void close() {
    file.close();
  }

  @Override
  public String toString() {
    return "FileLegalHolds[" + file.file() + "]";
  }

  private void persist(LegalHold hold) {
    file.append(encode(hold));
  }

  private void replay(byte[] payload) {
    JsonNode n = JsonRecords.parse(payload, 1);
    String id = JsonRecords.text(n, "id");
    String kind = JsonRecords.text(n, "k");
    if (kind.equals("released")) {
      LegalHold known =
          holds
              .find(id)
              .orElseThrow(
                  () -> new IllegalArgumentException("legal hold " + id + " is released unplaced"));
      holds.load(known.release(instant(n, "at"), JsonRecords.text(n, "r")));
    } else if (kind.equals("placed")) {
      TenantId tenant = TenantId.of(JsonRecords.text(n, "t"));
      Optional<DataSubject> subject =
          n.has("s")
              ? Optional.of(
                  new DataSubject(
                      tenant, new TreeMap<>(JsonRecords.map(JsonRecords.required(n, "s")))))
              : Optional.empty();
      holds.load(
          new LegalHold(
              id,
              tenant,
              subject,
              JsonRecords.optional(n, "c"),
              JsonRecords.text(n, "r"),
              instant(n, "at"),
              Optional.empty(),
              Optional.empty()));
    } else {
      throw new IllegalArgumentException("field 'k' must be placed or released, was " + kind);
    }
  }

  private static byte[] encode(LegalHold hold) {
    ObjectNode node = JsonRecords.object(1);
    node.put("id", hold.id());
    if (hold.releasedAt().isPresent()) {
      node.put("k", "released");
      node.put("at", hold.releasedAt().get().toString());
      node.put("r", hold.releaseReason().get());
    } else {
      node.put("k", "placed");
      node.put("t", hold.tenant().value());
      hold.subject()
          .ifPresent(
              s -> {
                ObjectNode ids = node.putObject("s");
                for (Map.Entry<String, String> e : s.identifiers().entrySet()) {
                  ids.put(e.getKey(), e.getValue());
                }
              });
      hold.category().ifPresent(c -> node.put("c", c));
      node.put("r", hold.reason());
      node.put("at", hold.placedAt().toString());
    }
    return JsonRecords.bytes(node, () -> "legal hold " + hold.id());
  }

  private static Instant instant(JsonNode n, String field) {
    try {
      return Instant.parse(JsonRecords.text(n, field));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "field '" + field + "' is not an instant: " + e.getMessage(), e);
    }
  }
}

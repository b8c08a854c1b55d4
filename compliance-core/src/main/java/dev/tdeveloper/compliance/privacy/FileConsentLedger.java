package dev.tdeveloper.compliance.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.audit.Pseudonymizer;
import dev.tdeveloper.compliance.internal.Journals;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.JournalFile;
import dev.tdeveloper.tenancy.internal.JsonRecords;
import dev.tdeveloper.tenancy.internal.RecordFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A durable {@link ConsentLedger} in one append-only file, {@value #FILE_NAME}: each entry is
 * forced to the device before {@code grant} or {@code withdraw} returns, so an acknowledged consent
 * survives a crash, and a torn tail (an unacknowledged append) is cut off on the next open. The
 * file is never rewritten. Opening does not check the hash chain, so that {@link #verify()} can
 * name a tampered entry; damage to the framing itself fails the open, naming the offset.
 *
 * <p>Thread-safe: every method holds the ledger's lock. Close it when done.
 */
public final class FileConsentLedger implements ConsentLedger, AutoCloseable {
  /** The ledger's file in its directory: {@value}. */
  public static final String FILE_NAME = "consents.jrnl";

  static final RecordFormat FORMAT =
      RecordFormat.crc32c("TDCONS01".getBytes(StandardCharsets.US_ASCII), 16384);

  private final ConsentChain chain;
  private final JournalFile file;

  private FileConsentLedger(Path directory, Pseudonymizer pseudonymizer, InstantSource clock) {
    this.chain = new ConsentChain(pseudonymizer, clock, this::persist);
    this.file =
        Journals.open(
            directory,
            FILE_NAME,
            FORMAT,
            "consent ledger",
            (offset, payload) -> chain.load(decode(payload)));
  }

  /**
   * Opens the ledger in {@code directory}, creating both if needed.
   *
   * @throws ComplianceException if the directory cannot be created, the ledger is open elsewhere,
   *     or its file is not a ledger, is corrupt or holds an unreadable entry (naming the offset)
   */
  public static FileConsentLedger open(
      Path directory, Pseudonymizer pseudonymizer, InstantSource clock) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(pseudonymizer, "pseudonymizer");
    Objects.requireNonNull(clock, "clock");
    return new FileConsentLedger(directory, pseudonymizer, clock);
  }

  @Override
  public synchronized ConsentRecord grant(
      TenantId tenant, String subject, String purpose, String policyVersion, String evidence) {
    return chain.grant(tenant, subject, purpose, policyVersion, evidence);
  }

  @Override
  public synchronized ConsentRecord withdraw(
      TenantId tenant, String subject, String purpose, String policyVersion, String evidence) {
    return chain.withdraw(tenant, subject, purpose, policyVersion, evidence);
  }

  @Override
  public Optional<ConsentRecord> current(TenantId tenant, String subject, String purpose) {
    return chain.current(tenant, subject, purpose);
  }

  @Override
  public List<ConsentRecord> history(TenantId tenant, String subject) {
    return chain.history(tenant, subject);
  }

  @Override
  public ConsentVerification verify() {
    return chain.verify();
  }

  @Override
  public String head() {
    return chain.head();
  }

  @Override
  public long size() {
    return chain.size();
  }

  private void persist(ConsentRecord record) {
    file.append(encode(record));
  }

  /** Closes the file and releases its lock; later writes throw. */
  @Override
  public synchronized void close() {
    file.close();
  }

  @Override
  public String toString() {
    return "FileConsentLedger[" + file.file() + "]";
  }

  static byte[] encode(ConsentRecord r) {
    ObjectNode node = JsonRecords.object(1);
    node.put("i", r.index());
    node.put("t", r.tenant().value());
    node.put("s", r.subject());
    node.put("p", r.purpose());
    node.put("pv", r.policyVersion());
    node.put("st", r.state().name());
    node.put("at", r.at().toString());
    node.put("e", r.evidence());
    node.put("prev", r.previousHash());
    node.put("h", r.hash());
    return JsonRecords.bytes(node, () -> "consent entry " + r.index());
  }

  static ConsentRecord decode(byte[] payload) {
    JsonNode n = JsonRecords.parse(payload, 1);
    try {
      return new ConsentRecord(
          JsonRecords.number(n, "i"),
          TenantId.of(JsonRecords.text(n, "t")),
          JsonRecords.text(n, "s"),
          JsonRecords.text(n, "p"),
          JsonRecords.text(n, "pv"),
          ConsentRecord.State.valueOf(JsonRecords.text(n, "st")),
          Instant.parse(JsonRecords.text(n, "at")),
          JsonRecords.text(n, "e"),
          JsonRecords.text(n, "prev"),
          JsonRecords.text(n, "h"));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("field 'at' is not an instant: " + e.getMessage(), e);
    }
  }
}

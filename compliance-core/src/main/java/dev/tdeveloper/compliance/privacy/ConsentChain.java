package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.compliance.audit.Pseudonymizer;
import dev.tdeveloper.tenancy.TenantId;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The hash-chained list of consent entries behind both ledgers: it builds, chains and checks
 * entries and answers queries; {@code persist} makes an entry durable before it is added (the file
 * ledger appends it to its journal). Thread-safe: every method holds the chain's lock.
 */
final class ConsentChain implements ConsentLedger {
  static final String GENESIS = "0".repeat(64);

  private final Pseudonymizer pseudonymizer;
  private final InstantSource clock;
  private final Consumer<ConsentRecord> persist;
  private final List<ConsentRecord> records = new ArrayList<>();

  ConsentChain(Pseudonymizer pseudonymizer, InstantSource clock, Consumer<ConsentRecord> persist) {
    this.pseudonymizer = Objects.requireNonNull(pseudonymizer, "pseudonymizer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.persist = persist;
  }

  /** Adds an entry read back from storage, unchecked: {@link #verify} checks it. */
  synchronized void load(ConsentRecord record) {
    records.add(record);
  }

  @Override
  public ConsentRecord grant(
      TenantId tenant, String subject, String purpose, String policyVersion, String evidence) {
    return append(tenant, subject, purpose, policyVersion, evidence, ConsentRecord.State.GRANTED);
  }

  @Override
  public ConsentRecord withdraw(
      TenantId tenant, String subject, String purpose, String policyVersion, String evidence) {
    return append(tenant, subject, purpose, policyVersion, evidence, ConsentRecord.State.WITHDRAWN);
  }

  private synchronized ConsentRecord append(
      TenantId tenant,
      String subject,
      String purpose,
      String policyVersion,
      String evidence,
      ConsentRecord.State state) {
    Objects.requireNonNull(tenant, "tenant");
    Checks.secret("subject", subject, VaultIndex.MAX_VALUE_LENGTH);
    Checks.name("purpose", purpose);
    Checks.text("policyVersion", policyVersion, 64);
    Checks.text("evidence", evidence, 2000);
    String pseudonym = pseudonymizer.pseudonymize(Optional.of(tenant), subject);
    String previous = head();
    ConsentRecord unsealed =
        new ConsentRecord(
            records.size(),
            tenant,
            pseudonym,
            purpose,
            policyVersion,
            state,
            clock.instant(),
            evidence,
            previous,
            "");
    ConsentRecord record =
        new ConsentRecord(
            unsealed.index(),
            tenant,
            pseudonym,
            purpose,
            policyVersion,
            state,
            unsealed.at(),
            evidence,
            previous,
            hash(previous, unsealed));
    persist.accept(record);
    records.add(record);
    return record;
  }

  @Override
  public synchronized Optional<ConsentRecord> current(
      TenantId tenant, String subject, String purpose) {
    Objects.requireNonNull(purpose, "purpose");
    List<ConsentRecord> mine = history(tenant, subject);
    for (int i = mine.size() - 1; i >= 0; i--) {
      if (mine.get(i).purpose().equals(purpose)) {
        return Optional.of(mine.get(i));
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized List<ConsentRecord> history(TenantId tenant, String subject) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(subject, "subject");
    Optional<String> pseudonym = pseudonymizer.lookup(Optional.of(tenant), subject);
    if (pseudonym.isEmpty()) {
      return List.of();
    }
    return records.stream()
        .filter(r -> r.tenant().equals(tenant) && r.subject().equals(pseudonym.get()))
        .toList();
  }

  @Override
  public synchronized ConsentVerification verify() {
    String previous = GENESIS;
    for (int i = 0; i < records.size(); i++) {
      ConsentRecord r = records.get(i);
      String problem =
          r.index() != i
              ? "holds index " + r.index() + " at position " + i
              : !r.previousHash().equals(previous)
                  ? "does not link to the entry before it"
                  : !r.hash().equals(hash(previous, r))
                      ? "its hash does not match its content"
                      : null;
      if (problem != null) {
        return new ConsentVerification(
            records.size(), OptionalLong.of(i), "consent entry " + i + " " + problem);
      }
      previous = r.hash();
    }
    return new ConsentVerification(records.size(), OptionalLong.empty(), "");
  }

  @Override
  public synchronized String head() {
    return records.isEmpty() ? GENESIS : records.get(records.size() - 1).hash();
  }

  @Override
  public synchronized long size() {
    return records.size();
  }

  /** Returns SHA-256 over the previous hash's bytes and the entry's canonical form, as hex. */
  static String hash(String previous, ConsentRecord r) {
    ByteArrayOutputStream canonical = new ByteArrayOutputStream();
    for (String field :
        List.of(
            Long.toString(r.index()),
            r.tenant().value(),
            r.subject(),
            r.purpose(),
            r.policyVersion(),
            r.state().name(),
            r.at().toString(),
            r.evidence())) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      canonical.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
      canonical.writeBytes(bytes);
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(HexFormat.of().parseHex(previous));
      sha.update(canonical.toByteArray());
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}

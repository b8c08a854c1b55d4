package dev.tdeveloper.compliance.audit.log;

import static dev.tdeveloper.compliance.audit.file.VerificationReport.Kind.CHAIN_MISMATCH;
import static dev.tdeveloper.compliance.audit.file.VerificationReport.Kind.LEAF_HASH_MISMATCH;
import static dev.tdeveloper.compliance.audit.file.VerificationReport.Kind.LEAVES_FILE_MISMATCH;
import static dev.tdeveloper.compliance.audit.file.VerificationReport.Kind.SEQUENCE_GAP;
import static dev.tdeveloper.compliance.audit.file.VerificationReport.Kind.TAIL_MISSING;

import dev.tdeveloper.compliance.audit.file.VerificationReport;
import dev.tdeveloper.compliance.audit.file.VerificationReport.Problem;
import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.audit.integrity.MerkleHashes;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.compliance.spi.AuditSink;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One verification of an audit log kept in any {@link AuditSink}, through the SPI only: the checks
 * of the file verifier that do not depend on a file layout. Every retained entry in sequence, its
 * leaf hash {@code SHA-256(0x00 || event)} and equal to the sink's leaf hash of that entry, the
 * keyed chain recomputed, the log at least as long as expected, then the stored checkpoints.
 *
 * <p>The SPI keeps no chain value of the entry before the first retained one, so after retention
 * the chain is checked from the first retained entry's value on; that entry's leaf hash is still
 * covered by the checkpoints' Merkle roots. The checkpoints are read before the size, so entries
 * appended meanwhile never make a stored checkpoint look larger than the log.
 */
final class SinkScan {
  private static final int BATCH = 1024;

  private final AuditSink sink;
  private final Optional<KeyedChain> key;
  private final OptionalLong expectedSize;
  private final CheckpointCheck checkpoints;
  private long first;
  private long next;
  private byte[] chain;

  SinkScan(
      AuditSink sink,
      Optional<KeyedChain> key,
      OptionalLong expectedSize,
      CheckpointCheck checkpoints) {
    this.sink = sink;
    this.key = key;
    this.expectedSize = expectedSize;
    this.checkpoints = checkpoints;
  }

  VerificationReport run() {
    List<String> notes = sink.checkpoints();
    long size = sink.size();
    first = sink.firstRetained();
    next = first;
    chain = first == 0 ? KeyedChain.start() : null;
    List<AuditRecord> records = new ArrayList<>(BATCH);
    List<byte[]> leaves = new ArrayList<>(BATCH);
    for (long from = first; from < size; from += BATCH) {
      long to = Math.min(size, from + BATCH);
      records.clear();
      leaves.clear();
      sink.read(from, to, records::add);
      sink.readLeafHashes(from, to, hash -> leaves.add(hash.clone()));
      for (int i = 0; i < records.size(); i++) {
        Optional<Problem> problem = check(records.get(i), leaves);
        if (problem.isPresent()) {
          return report(problem.get());
        }
        next++;
      }
      if (next != to) {
        return report(
            Problem.at(
                SEQUENCE_GAP,
                next,
                "the sink holds no entry " + next + " (its size is " + size + ")"));
      }
    }
    if (expectedSize.isPresent() && expectedSize.getAsLong() > next) {
      return report(
          Problem.at(
              TAIL_MISSING,
              next,
              "the log holds "
                  + next
                  + " entries, "
                  + expectedSize.getAsLong()
                  + " were expected"));
    }
    return report(checkpoints.check(size, sink::readLeafHashes, notes).orElse(null));
  }

  private Optional<Problem> check(AuditRecord record, List<byte[]> leaves) {
    if (record.sequence() != next) {
      return problem(
          SEQUENCE_GAP, "entry " + record.sequence() + " stands where entry " + next + " belongs");
    }
    byte[] leaf = record.leafHash();
    if (!MessageDigest.isEqual(leaf, MerkleHashes.leaf(record.eventBytes()))) {
      return problem(LEAF_HASH_MISMATCH, "the stored leaf hash is not SHA-256(0x00 || event)");
    }
    int index = (int) ((next - first) % BATCH);
    if (index >= leaves.size() || !MessageDigest.isEqual(leaf, leaves.get(index))) {
      return problem(LEAVES_FILE_MISMATCH, "the sink's leaf hash differs from the entry's");
    }
    if (key.isEmpty()) {
      return Optional.empty();
    }
    if (!record.hasChain()) {
      return problem(CHAIN_MISMATCH, "the entry has no keyed-chain value");
    }
    if (chain == null) {
      chain = record.chain(); // the first retained entry after retention: its value is the anchor
      return Optional.empty();
    }
    byte[] expected = key.get().next(chain, next, leaf);
    if (!key.get().matches(expected, record.chain())) {
      return problem(CHAIN_MISMATCH, "the keyed-chain value is not what the key computes");
    }
    chain = expected;
    return Optional.empty();
  }

  private Optional<Problem> problem(VerificationReport.Kind kind, String detail) {
    return Optional.of(Problem.at(kind, next, detail));
  }

  private VerificationReport report(Problem problem) {
    return new VerificationReport(
        Math.max(next, first), first, next - first, Optional.ofNullable(problem));
  }
}

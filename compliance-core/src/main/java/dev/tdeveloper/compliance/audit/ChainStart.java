package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.compliance.ComplianceException;
import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.compliance.spi.AuditSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds where a new logger continues a stored log's keyed chain: the last record's chain value,
 * after checking that the log is keyed exactly when a key is configured and, when the entry before
 * it is still stored, that the key recomputes the last value. Stateless.
 */
final class ChainStart {
  private ChainStart() {}

  /** Returns the chain value to continue from, or null for an unkeyed log. */
  static byte[] of(AuditSink sink, Optional<KeyedChain> chain) {
    long size = sink.size();
    if (size == 0) {
      return chain.isPresent() ? KeyedChain.start() : null;
    }
    long first = sink.firstRetained();
    if (first >= size) {
      if (chain.isPresent()) {
        throw new ComplianceException(
            "cannot continue the keyed chain: retention removed every event up to entry "
                + (size - 1)
                + ", so the last chain value is gone");
      }
      return null;
    }
    List<AuditRecord> tail = new ArrayList<>(2);
    sink.read(Math.max(first, size - 2), size, tail::add);
    AuditRecord last = tail.get(tail.size() - 1);
    if (chain.isEmpty()) {
      if (last.hasChain()) {
        throw new ComplianceException(
            "the stored audit log is keyed (entry "
                + last.sequence()
                + " carries a chain value): configure its keyedChain to continue it");
      }
      return null;
    }
    if (!last.hasChain()) {
      throw new ComplianceException(
          "a keyedChain is configured but the stored audit log is not keyed (entry "
              + last.sequence()
              + " has no chain value)");
    }
    byte[] previous =
        last.sequence() == 0
            ? KeyedChain.start()
            : tail.size() == 2 && tail.get(0).hasChain() ? tail.get(0).chain() : null;
    if (previous != null
        && !chain
            .get()
            .matches(chain.get().next(previous, last.sequence(), last.leafHash()), last.chain())) {
      throw new ComplianceException(
          "the configured keyedChain does not match the stored audit log: entry "
              + last.sequence()
              + "'s chain value was made with another key (or the entry was altered)");
    }
    return last.chain();
  }
}

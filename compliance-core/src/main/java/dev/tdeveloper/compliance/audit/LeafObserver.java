package dev.tdeveloper.compliance.audit;

/**
 * Told about every entry the logger stores, on its writer thread, in sequence order, once the entry
 * is as durable as configured and before its receipt's future completes: the place to feed a Merkle
 * tree or take checkpoints. It must be quick; if it throws, the logger fails closed as for a sink
 * failure (the tree would otherwise miss a leaf).
 */
@FunctionalInterface
public interface LeafObserver {
  /**
   * Receives one stored entry.
   *
   * @param sequence the entry's index in the log
   * @param leafHash its 32-byte leaf hash (a copy the observer may keep)
   */
  void onLeaf(long sequence, byte[] leafHash);
}

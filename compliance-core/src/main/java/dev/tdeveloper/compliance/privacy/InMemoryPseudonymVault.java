package dev.tdeveloper.compliance.privacy;

/** A {@link PseudonymVault} in memory only. Thread-safe: lookups are lock-free, writes locked. */
final class InMemoryPseudonymVault extends IndexedPseudonymVault {
  @Override
  long stored(VaultIndex.Key key, String pseudonym) {
    return DURABLE;
  }

  @Override
  void durable(long ticket) {}

  @Override
  void forgetting(VaultIndex.Key key) {}

  @Override
  public String toString() {
    return "InMemoryPseudonymVault[" + size() + " mappings]";
  }
}

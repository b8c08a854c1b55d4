package dev.tdeveloper.compliance.privacy;

/** A {@link PseudonymVault} in memory only. Thread-safe: lookups are lock-free, writes locked. */
final class InMemoryPseudonymVault extends IndexedPseudonymVault {
  @Override
  void stored(VaultIndex.Key key, String pseudonym) {}

  @Override
  void forgetting(VaultIndex.Key key) {}

  @Override
  public String toString() {
    return "InMemoryPseudonymVault[" + size() + " mappings]";
  }
}

package dev.tdeveloper.compliance.privacy;

class InMemoryLegalHoldsTest extends LegalHoldRegistryContract {
  @Override
  LegalHoldRegistry registry() {
    return new LegalHolds(clock);
  }
}

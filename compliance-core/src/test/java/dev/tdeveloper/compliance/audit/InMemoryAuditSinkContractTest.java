package dev.tdeveloper.compliance.audit;

import dev.tdeveloper.compliance.spi.AuditSink;
import dev.tdeveloper.compliance.testkit.AuditSinkContract;

/** The in-memory sink passes the same contract kit as the file sink (and later PostgreSQL). */
class InMemoryAuditSinkContractTest extends AuditSinkContract {
  @Override
  protected AuditSink createSink() {
    return new InMemoryAuditSink();
  }

  @Override
  protected AuditSink reopen(AuditSink closed) {
    throw new UnsupportedOperationException("an in-memory sink keeps nothing across a close");
  }

  @Override
  protected boolean persistent() {
    return false;
  }
}

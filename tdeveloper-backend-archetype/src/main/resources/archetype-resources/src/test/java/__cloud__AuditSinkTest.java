package ${package};

import dev.tdeveloper.compliance.spi.AuditSink;
import dev.tdeveloper.compliance.testkit.AuditSinkContract;

/** Holds {@link ${cloud}AuditSink} to the SDK's contract kit; fails until it is implemented. */
class ${cloud}AuditSinkTest extends AuditSinkContract {
  /** Returns a sink on a new, empty log (its own table or key prefix). */
  @Override
  protected AuditSink createSink() {
    return new ${cloud}AuditSink();
  }

  /** Returns a new sink on the log of {@code closed}: synced entries and checkpoints must be there. */
  @Override
  protected AuditSink reopen(AuditSink closed) {
    return new ${cloud}AuditSink();
  }
}

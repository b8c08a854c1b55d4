package dev.tdeveloper.compliance.audit.file;

import dev.tdeveloper.compliance.spi.AuditSink;
import dev.tdeveloper.compliance.testkit.AuditSinkContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The file sink, with the smallest segments so that the kit's logs rotate. */
class FileAuditSinkContractTest extends AuditSinkContract {
  @TempDir Path temp;
  private int logs;

  @Override
  protected AuditSink createSink() {
    return open(temp.resolve("log-" + logs++));
  }

  @Override
  protected AuditSink reopen(AuditSink closed) {
    return open(((FileAuditSink) closed).directory());
  }

  private static FileAuditSink open(Path directory) {
    return FileAuditSink.builder(directory).segmentBytes(FileAuditSink.MIN_SEGMENT_BYTES).open();
  }
}

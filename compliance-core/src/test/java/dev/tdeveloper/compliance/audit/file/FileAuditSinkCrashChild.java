package dev.tdeveloper.compliance.audit.file;

import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.compliance.spi.AuditRecord;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.Random;

/**
 * Child JVM of {@link FileAuditSinkCrashTest}: opens the log in {@code args[0]}, then appends
 * batches of 1 to 50 keyed entries, calling {@code sync()} after each and printing {@code ACK <last
 * sequence>}, until killed.
 */
public final class FileAuditSinkCrashChild {
  private FileAuditSinkCrashChild() {}

  public static void main(String[] args) {
    ChildJvm.exitWhenParentGoes();
    Random random = new Random(Long.parseLong(args[1]));
    try (FileAuditSink sink =
        FileAuditSink.builder(Path.of(args[0]))
            .segmentBytes(FileAuditSink.MIN_SEGMENT_BYTES)
            .open()) {
      long size = sink.size();
      byte[][] chain = {KeyedChain.start()};
      if (size > 0) {
        sink.read(size - 1, size, r -> chain[0] = r.chain());
      }
      TestLog log = new TestLog(size, chain[0]);
      System.out.println("OPEN " + size);
      while (true) {
        var batch = log.next(1 + random.nextInt(50));
        sink.append(batch);
        sink.sync();
        AuditRecord last = batch.get(batch.size() - 1);
        System.out.println("ACK " + last.sequence());
      }
    }
  }
}

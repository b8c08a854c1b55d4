package dev.tdeveloper.compliance.audit.log;

import dev.tdeveloper.compliance.audit.AuditEvent;
import dev.tdeveloper.compliance.audit.AuditReceipt;
import dev.tdeveloper.compliance.audit.integrity.CheckpointSigner;
import dev.tdeveloper.compliance.audit.integrity.KeyedChain;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Logs events from four threads into an {@link AuditLog} with group commit, taking a checkpoint
 * every 200 events, and prints {@code ACK <sequence>} once an event's receipt says it is durable,
 * until it is killed. Args: log directory, signing key file.
 */
public final class AuditLogCrashChild {
  private AuditLogCrashChild() {}

  public static void main(String[] args) throws Exception {
    ChildJvm.exitWhenParentGoes();
    AuditLog log =
        AuditLog.builder(Path.of(args[0]))
            .signer(CheckpointSigner.load("crash-test", Path.of(args[1])))
            .keyedChain(KeyedChain.withKey(AuditLogTest.CHAIN_KEY))
            .open();
    System.out.println("OPEN " + log.size());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      TenantId tenant = TenantId.of("tenant-" + t);
      Thread thread =
          new Thread(
              () -> {
                for (long i = 0; ; i++) {
                  AuditReceipt receipt =
                      log.logger()
                          .log(
                              AuditEvent.builder("note.write", Instant.now())
                                  .tenant(tenant)
                                  .actor("user-" + i)
                                  .build());
                  receipt.durable().thenRun(() -> System.out.println("ACK " + receipt.sequence()));
                  if (receipt.sequence() % 200 == 0) {
                    log.checkpoint();
                  }
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }
}

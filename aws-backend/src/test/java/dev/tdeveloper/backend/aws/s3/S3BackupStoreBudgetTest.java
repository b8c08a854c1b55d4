package dev.tdeveloper.backend.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.aws.testkit.s3.S3Clients;
import dev.tdeveloper.aws.testkit.s3.S3ServerKind;
import dev.tdeveloper.dr.spi.BackupScope;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.s3.S3Client;

/** The memory budget bounds the parts in flight across concurrent multipart puts. */
class S3BackupStoreBudgetTest {
  /** Counts UploadPart calls between the start and the end of their execution. */
  private static final class PartsInFlight implements ExecutionInterceptor {
    final AtomicInteger now = new AtomicInteger();
    final AtomicInteger max = new AtomicInteger();
    final AtomicInteger total = new AtomicInteger();

    private static boolean isPart(ExecutionAttributes attributes) {
      return "UploadPart".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (isPart(attributes)) {
        total.incrementAndGet();
        max.accumulateAndGet(now.incrementAndGet(), Math::max);
      }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      if (isPart(attributes)) {
        now.decrementAndGet();
      }
    }
  }

  @Test
  void aBudgetOfOnePartUploadsOnePartAtATimeAcrossConcurrentPuts() throws Exception {
    PartsInFlight parts = new PartsInFlight();
    S3ServerKind kind = S3ServerKind.S3MOCK;
    int part = S3BackupStoreBuilder.MIN_PART_SIZE;
    try (S3Client s3 =
            S3Clients.syncBuilder(kind.shared().endpoint())
                .overrideConfiguration(c -> c.addExecutionInterceptor(parts))
                .build();
        S3BackupStore store =
            S3BackupStore.builder()
                .client(s3)
                .bucket(TestBuckets.newBucket(kind, false))
                .partSize(part)
                .multipartThreshold(part)
                .partParallelism(4)
                .memoryBudget(part)
                .build()) {
      BackupScope scope = BackupScope.platform();
      Thread[] writers = new Thread[2];
      for (int w = 0; w < writers.length; w++) {
        byte[] bytes = new byte[2 * part + 1];
        new Random(w).nextBytes(bytes);
        String id = Integer.toHexString(w).repeat(64);
        writers[w] = new Thread(() -> store.putChunk(scope, id, bytes));
        writers[w].start();
      }
      for (Thread writer : writers) {
        writer.join();
      }
      assertThat(parts.total).hasValue(6);
      assertThat(parts.max).hasValue(1);
      assertThat(store.getChunk(scope, "1".repeat(64))).hasSize(2 * part + 1);
    }
  }
}

package dev.tdeveloper.tenancy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.TenantId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TenantRouterConcurrencyTest {
  @Test
  void concurrentChangesAreNeverLostAndReadersSeeOnlyKnownShards() throws Exception {
    List<ShardId> base = TenantRouterTest.cells(4);
    TenantRouter router = TenantRouter.builder().shards(base).build();
    int writers = 4;
    int pinsPerWriter = 200;
    Set<ShardId> everSeen = ConcurrentHashMap.newKeySet();
    Set<ShardId> allowed = new HashSet<>(base);
    for (int w = 0; w < writers; w++) {
      allowed.add(ShardId.of("extra-" + w));
    }
    ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        writes.add(
            pool.submit(
                () -> {
                  start.await();
                  router.addShard(ShardId.of("extra-" + writer));
                  for (int i = 0; i < pinsPerWriter; i++) {
                    router.pin(TenantId.of("w" + writer + "-t" + i), base.get(i % base.size()));
                  }
                  return null;
                }));
      }
      List<Future<?>> reads = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        reads.add(
            pool.submit(
                () -> {
                  start.await();
                  int i = 0;
                  while (writing.get() || i < 1_000) {
                    everSeen.add(router.route(TenantId.of("w0-t" + (i++ % pinsPerWriter))));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> write : writes) {
        write.get(30, TimeUnit.SECONDS);
      }
      writing.set(false);
      for (Future<?> read : reads) {
        read.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    RoutingTable table = router.table();
    assertThat(table.pins()).hasSize(writers * pinsPerWriter);
    assertThat(table.shards()).hasSize(base.size() + writers).containsAll(allowed);
    assertThat(table.version()).isEqualTo(writers + (long) writers * pinsPerWriter);
    assertThat(allowed).containsAll(everSeen);
    for (int w = 0; w < writers; w++) {
      for (int i = 0; i < pinsPerWriter; i++) {
        assertThat(router.route(TenantId.of("w" + w + "-t" + i))).isEqualTo(base.get(i % 4));
      }
    }
  }
}

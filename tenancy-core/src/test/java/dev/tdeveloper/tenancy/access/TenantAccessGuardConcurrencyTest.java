package dev.tdeveloper.tenancy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TenantAccessGuardConcurrencyTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Permission READ = Permission.of("notes:read");

  private final TenantAccessGuard guard =
      TenantAccessGuard.builder()
          .rolePolicy(RolePolicy.builder().role("viewer", "notes:read").build())
          .clock(new ManualClock())
          .build();

  @Test
  void grantsCanBeAddedAndCheckedConcurrently() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String id = "ops-" + t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  Principal p = Principal.member(id, GLOBEX);
                  for (int i = 0; i < 100; i++) {
                    OperatorGrant g =
                        OperatorGrant.forTenant(
                            id, ACME, Set.of(READ), "load test " + i, Instant.MAX);
                    guard.grant(g);
                    guard.check(p, ACME, READ);
                    guard.revoke(g);
                    assertThatThrownBy(() -> guard.check(p, ACME, READ))
                        .isInstanceOf(CrossTenantAccessException.class);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
      assertThat(guard.activeGrants()).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }
}

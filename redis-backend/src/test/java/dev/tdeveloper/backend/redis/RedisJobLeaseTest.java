package dev.tdeveloper.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.spi.JobLease;
import dev.tdeveloper.tenancy.spi.JobLeaseException;
import dev.tdeveloper.tenancy.spi.JobLeaseProvider;
import dev.tdeveloper.tenancy.spi.Lease;
import dev.tdeveloper.tenancy.spi.ProviderSelector;
import dev.tdeveloper.tenancy.testkit.Concurrently;
import dev.tdeveloper.tenancy.testkit.servers.LocalRedisExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Redis lease on the server's own clock and expiry, shared by instances on two clients. */
@ExtendWith(LocalRedisExtension.class)
class RedisJobLeaseTest {
  private TestClient first;
  private TestClient second;
  private String job;

  @BeforeEach
  void connect(URI uri) {
    first = new TestClient(uri);
    second = new TestClient(uri);
    job = "job-" + UUID.randomUUID();
  }

  @AfterEach
  void disconnect() {
    first.close();
    second.close();
  }

  @Test
  void twoInstancesRacingFromThreadsNeverHoldTheJobTogether() throws Exception {
    List<Long> tokens = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<String> runningOn = new AtomicReference<>();
    AtomicInteger[] runs = {new AtomicInteger(), new AtomicInteger()};
    try (RedisJobLease a = RedisJobLease.builder(first.client).build();
        RedisJobLease b = RedisJobLease.builder(second.client).build()) {
      RedisJobLease[] instances = {a, b};
      Concurrently.run(
          4,
          thread -> {
            RedisJobLease leases = instances[thread % 2];
            String holder = "instance-" + (thread % 2) + "/thread-" + thread;
            for (int i = 0; i < 300; i++) {
              Optional<Lease> lease = leases.acquire(job, holder, Duration.ofSeconds(30));
              if (lease.isEmpty()) {
                continue;
              }
              assertThat(runningOn.compareAndSet(null, holder)).as("nobody else runs").isTrue();
              tokens.add(lease.get().fencingToken());
              runs[thread % 2].incrementAndGet();
              assertThat(leases.renew(lease.get(), Duration.ofSeconds(30))).isTrue();
              assertThat(runningOn.compareAndSet(holder, null)).isTrue();
              assertThat(leases.release(lease.get())).isTrue();
            }
          });
    }
    assertThat(runs[0].get() + runs[1].get()).isEqualTo(tokens.size()).isPositive();
    assertThat(tokens).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void theServerExpiresTheLeaseAfterItsTimeToLive() throws Exception {
    try (RedisJobLease a = RedisJobLease.builder(first.client).build();
        RedisJobLease b = RedisJobLease.builder(second.client).build()) {
      long start = System.nanoTime();
      // Two seconds, so a stalled test thread (a loaded CI machine) still finds the key alive.
      Lease alice = a.acquire(job, "alice", Duration.ofSeconds(2)).orElseThrow();
      String key = a.redisKey(job);
      assertThat(first.redis().pttl(key)).isBetween(1L, 2_000L);
      assertThat(first.redis().get(key)).matches(alice.fencingToken() + "\\|\\d{13}\\|alice");
      assertThat(first.redis().get(key + ":fence")).isEqualTo(Long.toString(alice.fencingToken()));
      Optional<Lease> bob = b.acquire(job, "bob", Duration.ofSeconds(30));
      while (bob.isEmpty() && System.nanoTime() - start < Duration.ofSeconds(30).toNanos()) {
        Thread.sleep(10);
        bob = b.acquire(job, "bob", Duration.ofSeconds(30));
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("not granted before the first lease's time to live")
          .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
      assertThat(bob).isPresent();
      assertThat(bob.get().fencingToken()).isGreaterThan(alice.fencingToken());
      assertThat(a.renew(alice, Duration.ofSeconds(30))).isFalse();
      assertThat(first.redis().pttl(key)).isBetween(20_000L, 30_000L);
    }
  }

  @Test
  void renewSetsTheServerExpiryAgainAndReleaseDeletesTheKey() {
    try (RedisJobLease a = RedisJobLease.builder(first.client).keyPrefix("leases:").build()) {
      Lease alice = a.acquire(job, "alice", Duration.ofSeconds(10)).orElseThrow();
      String key = "leases:{" + job + "}";
      assertThat(a.redisKey(job)).isEqualTo(key);
      assertThat(a.renew(alice, Duration.ofMinutes(10))).isTrue();
      assertThat(first.redis().pttl(key)).isBetween(590_000L, 600_000L);
      assertThat(a.release(alice)).isTrue();
      assertThat(first.redis().exists(key)).isZero();
      Lease again = a.acquire(job, "alice", Duration.ofNanos(1_000_001)).orElseThrow();
      assertThat(again.fencingToken()).isEqualTo(alice.fencingToken() + 1);
      assertThat(first.redis().pttl(key)).as("rounded up to 2 ms, or gone").isBetween(-2L, 2L);
    }
  }

  @Test
  void tokensKeepGrowingAfterTheServerForgetsItsScripts() {
    try (RedisJobLease a = RedisJobLease.builder(first.client).build()) {
      Lease one = a.acquire(job, "alice", Duration.ofSeconds(10)).orElseThrow();
      assertThat(a.release(one)).isTrue();
      first.redis().scriptFlush();
      Lease two = a.acquire(job, "alice", Duration.ofSeconds(10)).orElseThrow();
      assertThat(two.fencingToken()).isEqualTo(one.fencingToken() + 1);
    }
  }

  @Test
  void failuresThrowJobLeaseException() {
    RedisJobLease a = RedisJobLease.builder(first.client).build();
    a.close();
    assertThatThrownBy(() -> a.acquire(job, "alice", Duration.ofSeconds(1)))
        .isInstanceOf(JobLeaseException.class)
        .hasMessageContaining("closed");
    first.redis().set(a.redisKey(job), "garbage");
    try (RedisJobLease b = RedisJobLease.builder(first.client).build()) {
      assertThatThrownBy(() -> b.acquire(job, "alice", Duration.ofSeconds(1)))
          .isInstanceOf(JobLeaseException.class)
          .hasMessageContaining(job);
    }
  }

  @Test
  void isFoundByNameAndRejectsBadSettings(URI uri) {
    JobLeaseProvider provider =
        ProviderSelector.select(
            JobLeaseProvider.class, Optional.of("redis"), "dev.tdeveloper:redis-backend");
    try (JobLease leases =
        provider.create(
            Map.of("uri", uri.toString(), "key-prefix", "p:", "command-timeout", "2s"))) {
      assertThat(leases).isInstanceOf(RedisJobLease.class);
      assertThat(((RedisJobLease) leases).redisKey(job)).isEqualTo("p:{" + job + "}");
      assertThat(leases.acquire(job, "alice", Duration.ofSeconds(1))).isPresent();
    }
    assertThatThrownBy(() -> provider.create(Map.of("uri", uri.toString(), "ttl", "1s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ttl'");
    assertThatThrownBy(() -> provider.create(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uri");
    assertThatThrownBy(
            () -> provider.create(Map.of("uri", uri.toString(), "command-timeout", "soon")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("command-timeout");
  }
}

package dev.tdeveloper.tenancy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.spi.JobLease;
import dev.tdeveloper.tenancy.spi.Lease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link JobLease} must pass: exclusivity, expiry after the time to live,
 * renewal and release by the current holder only, and fencing tokens that grow with every grant. A
 * backend's test extends this class and implements {@link #createLeases(ManualClock)}, returning
 * leases whose expiry is measured by {@code clock}: the in-process default takes it as its ticker;
 * a backend that expires on a server clock gives its scripts a test-only time read from the clock
 * (and checks the server's own expiry in its own tests).
 *
 * <p>Every test uses job names under a fresh random prefix, so a shared server needs no flushing.
 */
public abstract class JobLeaseContract {
  protected static final Duration TTL = Duration.ofSeconds(30);
  protected static final String ALICE = "alice@host-1";
  protected static final String BOB = "bob@host-2";

  protected ManualClock clock;
  protected JobLease leases;
  private String prefix;

  /** Returns new leases whose expiry is measured by {@code clock}. */
  protected abstract JobLease createLeases(ManualClock clock);

  /** Returns the clock the leases are created with; by default at {@code 2026-01-01T00:00:00Z}. */
  protected ManualClock newClock() {
    return new ManualClock();
  }

  @BeforeEach
  void createLeasesUnderTest() {
    clock = newClock();
    leases = createLeases(clock);
    prefix = "lease-contract-" + UUID.randomUUID() + ":";
  }

  @AfterEach
  void closeLeases() {
    leases.close();
  }

  /** Returns the job name {@code name} for this test. */
  protected String job(String name) {
    return prefix + name;
  }

  @Test
  void grantsAFreeJobToItsFirstHolder() {
    Optional<Lease> lease = leases.acquire(job("backup"), ALICE, TTL);
    assertThat(lease).isPresent();
    assertThat(lease.get().jobName()).isEqualTo(job("backup"));
    assertThat(lease.get().holder()).isEqualTo(ALICE);
    assertThat(lease.get().fencingToken()).isPositive();
  }

  @Test
  void refusesAHeldJobToEveryoneIncludingItsHolder() {
    leases.acquire(job("backup"), ALICE, TTL).orElseThrow();
    assertThat(leases.acquire(job("backup"), BOB, TTL)).isEmpty();
    assertThat(leases.acquire(job("backup"), ALICE, TTL)).isEmpty();
    clock.advance(TTL.minusMillis(1));
    assertThat(leases.acquire(job("backup"), BOB, TTL)).isEmpty();
  }

  @Test
  void keepsJobsIndependent() {
    leases.acquire(job("backup"), ALICE, TTL).orElseThrow();
    assertThat(leases.acquire(job("rotation"), BOB, TTL)).isPresent();
    assertThat(leases.acquire(job("backup-2"), BOB, TTL)).isPresent();
  }

  @Test
  void expiresAfterItsTimeToLive() {
    Lease alice = leases.acquire(job("backup"), ALICE, TTL).orElseThrow();
    clock.advance(TTL);
    Lease bob = leases.acquire(job("backup"), BOB, TTL).orElseThrow();
    assertThat(bob.fencingToken()).isGreaterThan(alice.fencingToken());
    assertThat(leases.renew(alice, TTL)).isFalse();
    assertThat(leases.release(alice)).isFalse();
    assertThat(leases.acquire(job("backup"), ALICE, TTL)).isEmpty();
  }

  @Test
  void anExpiredLeaseCannotBeRenewedEvenIfNobodyTookTheJob() {
    Lease alice = leases.acquire(job("backup"), ALICE, TTL).orElseThrow();
    clock.advance(TTL);
    assertThat(leases.renew(alice, TTL)).isFalse();
    assertThat(leases.release(alice)).isFalse();
    assertThat(leases.acquire(job("backup"), BOB, TTL)).isPresent();
  }

  @Test
  void renewalByTheHolderExtendsTheLeaseFromNow() {
    Lease alice = leases.acquire(job("backup"), ALICE, TTL).orElseThrow();
    clock.advance(Duration.ofSeconds(20));
    assertThat(leases.renew(alice, Duration.ofSeconds(60))).isTrue();
    clock.advance(Duration.ofSeconds(59));
    assertThat(leases.acquire(job("backup"), BOB, TTL)).isEmpty();
    assertThat(leases.renew(alice, Duration.ofSeconds(5))).isTrue();
    clock.advance(Duration.ofMillis(4_999));
    assertThat(leases.acquire(job("backup"), BOB, TTL)).isEmpty();
    clock.advance(Duration.ofMillis(1));
    assertThat(leases.acquire(job("backup"), BOB, TTL)).isPresent();
  }

  @Test
  void onlyTheHolderCanRenew() {
    Lease alice = leases.acquire(job("backup"), ALICE, TTL).orElseThrow();
    Lease forgedHolder = new Lease(alice.jobName(), BOB, alice.fencingToken());
    Lease forgedToken = new Lease(alice.jobName(), ALICE, alice.fencingToken() + 1);
    assertThat(leases.renew(forgedHolder, Duration.ofHours(1))).isFalse();
    assertThat(leases.renew(forgedToken, Duration.ofHours(1))).isFalse();
    clock.advance(TTL);
    assertThat(leases.acquire(job("backup"), BOB, TTL)).isPresent();
  }

  @Test
  void onlyTheHolderCanRelease() {
    Lease alice = leases.acquire(job("backup"), ALICE, TTL).orElseThrow();
    assertThat(leases.release(new Lease(alice.jobName(), BOB, alice.fencingToken()))).isFalse();
    assertThat(leases.release(new Lease(alice.jobName(), ALICE, alice.fencingToken() + 1)))
        .isFalse();
    assertThat(leases.acquire(job("backup"), BOB, TTL)).isEmpty();
    assertThat(leases.renew(alice, TTL)).isTrue();
  }

  @Test
  void releaseFreesTheJobAtOnceAndOnlyOnce() {
    Lease alice = leases.acquire(job("backup"), ALICE, TTL).orElseThrow();
    assertThat(leases.release(alice)).isTrue();
    assertThat(leases.release(alice)).isFalse();
    assertThat(leases.renew(alice, TTL)).isFalse();
    Lease bob = leases.acquire(job("backup"), BOB, TTL).orElseThrow();
    assertThat(bob.fencingToken()).isGreaterThan(alice.fencingToken());
    assertThat(leases.release(alice)).isFalse();
    assertThat(leases.acquire(job("backup"), ALICE, TTL)).isEmpty();
  }

  @Test
  void releasingAnotherJobsLeaseChangesNothing() {
    Lease alice = leases.acquire(job("backup"), ALICE, TTL).orElseThrow();
    Lease other = new Lease(job("rotation"), ALICE, alice.fencingToken());
    assertThat(leases.release(other)).isFalse();
    assertThat(leases.renew(other, TTL)).isFalse();
    assertThat(leases.acquire(job("backup"), BOB, TTL)).isEmpty();
  }

  @Test
  void fencingTokensGrowWithEveryGrant() {
    long last = 0;
    for (int i = 0; i < 20; i++) {
      String holder = i % 2 == 0 ? ALICE : BOB;
      Lease lease = leases.acquire(job("backup"), holder, TTL).orElseThrow();
      assertThat(lease.fencingToken()).isGreaterThan(last);
      last = lease.fencingToken();
      if (i % 3 == 0) {
        assertThat(leases.renew(lease, TTL)).isTrue();
        clock.advance(TTL);
      } else {
        assertThat(leases.release(lease)).isTrue();
      }
    }
  }

  @Test
  void exactlyOneOfManyRacingHoldersWins() throws Exception {
    for (int round = 0; round < 10; round++) {
      String job = job("race-" + round);
      ConcurrentLinkedQueue<Lease> granted = new ConcurrentLinkedQueue<>();
      Concurrently.run(
          8, thread -> leases.acquire(job, "holder-" + thread, TTL).ifPresent(granted::add));
      assertThat(granted).hasSize(1);
    }
  }

  @Test
  void holdersTakingTurnsNeverOverlapAndSeeGrowingTokens() throws Exception {
    String job = job("turns");
    AtomicInteger inside = new AtomicInteger();
    List<Long> tokens = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger turns = new AtomicInteger();
    Concurrently.run(
        4,
        thread -> {
          for (int i = 0; i < 150; i++) {
            Optional<Lease> lease = leases.acquire(job, "holder-" + thread, TTL);
            if (lease.isPresent()) {
              assertThat(inside.incrementAndGet()).isEqualTo(1);
              tokens.add(lease.get().fencingToken());
              turns.incrementAndGet();
              inside.decrementAndGet();
              assertThat(leases.release(lease.get())).isTrue();
            }
          }
        });
    assertThat(turns.get()).isPositive();
    assertThat(tokens).isSorted().doesNotHaveDuplicates().hasSize(turns.get());
  }

  @Test
  void rejectsBadArgumentsAndChangesNothing() {
    assertThatThrownBy(() -> leases.acquire(null, ALICE, TTL))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> leases.acquire(job("backup"), null, TTL))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> leases.acquire(job("backup"), ALICE, null))
        .isInstanceOf(NullPointerException.class);
    for (String bad : List.of("", "-backup", "back up", "{acme}", "x".repeat(201))) {
      assertThatThrownBy(() -> leases.acquire(bad, ALICE, TTL))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("jobName");
    }
    assertThatThrownBy(() -> leases.acquire(job("backup"), "a\nb", TTL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holder");
    for (Duration bad :
        List.of(
            Duration.ZERO,
            Duration.ofNanos(999_999),
            Duration.ofMillis(-1),
            Duration.ofDays(367))) {
      assertThatThrownBy(() -> leases.acquire(job("backup"), ALICE, bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ttl");
    }
    Lease alice = leases.acquire(job("backup"), ALICE, TTL).orElseThrow();
    assertThatThrownBy(() -> leases.renew(alice, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> leases.renew(null, TTL)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> leases.release(null)).isInstanceOf(NullPointerException.class);
    clock.advance(TTL.minusMillis(1));
    assertThat(leases.acquire(job("backup"), BOB, TTL)).isEmpty();
  }
}

package dev.tdeveloper.security.shield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BanListTest {
  private final ManualClock clock = new ManualClock();
  private final List<BanEvent> events = Collections.synchronizedList(new ArrayList<>());

  private BanList<String> bans(BanPolicy policy) {
    return BanList.<String>builder().policy(policy).ticker(clock).listener(events::add).build();
  }

  private static final BanPolicy POLICY =
      BanPolicy.defaults()
          .withBans(Duration.ofMinutes(1), Duration.ofMinutes(8))
          .withForgiveAfter(Duration.ofHours(1));

  @Test
  void doublesEachRepeatOffenceUpToTheMaximum() {
    BanList<String> bans = bans(POLICY);
    List<Duration> lengths = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Ban<String> ban = bans.ban("1.2.3.4");
      lengths.add(ban.duration());
      assertThat(ban.offence()).isEqualTo(i + 1);
      assertThat(ban.remaining()).isEqualTo(ban.duration());
      clock.advance(ban.duration());
      assertThat(bans.isBanned("1.2.3.4")).isFalse();
    }
    assertThat(lengths)
        .containsExactly(
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(4),
            Duration.ofMinutes(8),
            Duration.ofMinutes(8),
            Duration.ofMinutes(8));
  }

  @Test
  void expiresByTheInjectedClock() {
    BanList<String> bans = bans(POLICY);
    bans.ban("k");
    clock.advance(Duration.ofSeconds(59));
    assertThat(bans.isBanned("k")).isTrue();
    assertThat(bans.remainingNanos("k")).isEqualTo(Duration.ofSeconds(1).toNanos());
    assertThat(bans.activeBan("k")).map(Ban::remaining).contains(Duration.ofSeconds(1));
    clock.advanceNanos(Duration.ofSeconds(1).toNanos() - 1);
    assertThat(bans.isBanned("k")).isTrue();
    clock.advanceNanos(1);
    assertThat(bans.isBanned("k")).isFalse();
    assertThat(bans.remainingNanos("k")).isZero();
    assertThat(bans.activeBan("k")).isEmpty();
    assertThat(bans.activeBans()).isEmpty();
    assertThat(bans.offences("k")).isEqualTo(1);
  }

  @Test
  void banningABannedKeyCountsNoNewOffence() {
    BanList<String> bans = bans(POLICY);
    bans.ban("k");
    clock.advance(Duration.ofSeconds(30));
    Ban<String> again = bans.ban("k");
    assertThat(again.offence()).isEqualTo(1);
    assertThat(again.remaining()).isEqualTo(Duration.ofSeconds(30));
    assertThat(events).hasSize(1);
  }

  @Test
  void forgivesOneOffencePerQuietPeriod() {
    BanList<String> bans = bans(POLICY);
    for (int i = 0; i < 3; i++) {
      clock.advance(bans.ban("k").duration());
    }
    assertThat(bans.offences("k")).isEqualTo(3);
    clock.advance(Duration.ofMinutes(59));
    assertThat(bans.offences("k")).isEqualTo(3);
    clock.advance(Duration.ofMinutes(1));
    assertThat(bans.offences("k")).isEqualTo(2);
    assertThat(bans.ban("k").duration()).isEqualTo(Duration.ofMinutes(4)); // offence 3, not 4
    clock.advance(Duration.ofMinutes(4)).advance(Duration.ofHours(10));
    assertThat(bans.offences("k")).isZero();
    assertThat(bans.ban("k").duration()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void dropsRecordsOnceEveryOffenceIsForgiven() {
    BanList<String> bans = bans(POLICY);
    bans.ban("k");
    clock.advance(Duration.ofMinutes(1)).advance(Duration.ofHours(1));
    bans.cleanUp();
    assertThat(bans.size()).isZero();
  }

  @Test
  void unbanLiftsTheBanForgetsOffencesAndPublishes() {
    BanList<String> bans = bans(POLICY);
    bans.ban("k");
    clock.advance(Duration.ofMinutes(1));
    bans.ban("k");
    assertThat(bans.unban("k")).isTrue();
    assertThat(bans.isBanned("k")).isFalse();
    assertThat(bans.offences("k")).isZero();
    assertThat(bans.unban("k")).isFalse();
    assertThat(bans.ban("k").offence()).isEqualTo(1);
    assertThat(events)
        .containsExactly(
            new BanEvent.Banned("k", 1, Duration.ofMinutes(1)),
            new BanEvent.Banned("k", 2, Duration.ofMinutes(2)),
            new BanEvent.Unbanned("k"),
            new BanEvent.Banned("k", 1, Duration.ofMinutes(1)));
  }

  @Test
  void staysWithinItsMaximumSizeAndReportsEvictions() {
    BanList<String> bans = bans(POLICY.withMaximumSize(100));
    for (int i = 0; i < 1_000; i++) {
      bans.ban("ip-" + i);
    }
    bans.cleanUp();
    assertThat(bans.size()).isLessThanOrEqualTo(100);
    assertThat(events).filteredOn(e -> e instanceof BanEvent.Evicted).hasSizeGreaterThan(800);
    assertThat(events)
        .filteredOn(e -> e instanceof BanEvent.Evicted)
        .allMatch(e -> ((BanEvent.Evicted) e).wasBanned());
  }

  @Test
  void racingThreadsCountOneOffence() throws Exception {
    BanList<String> bans = bans(POLICY);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Ban<String>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return bans.ban("k");
                }));
      }
      start.countDown();
      for (Future<Ban<String>> f : futures) {
        assertThat(f.get().offence()).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(events).containsExactly(new BanEvent.Banned("k", 1, Duration.ofMinutes(1)));
  }

  @Test
  void aThrowingListenerNeverBreaksABan() {
    BanList<String> bans =
        BanList.<String>builder()
            .ticker(clock)
            .listener(
                e -> {
                  throw new IllegalStateException("listener bug");
                })
            .build();
    assertThat(bans.ban("k").duration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(bans.isBanned("k")).isTrue();
  }

  @Test
  void rejectsBadPoliciesNamingTheField() {
    assertThatThrownBy(() -> BanPolicy.defaults().withBans(Duration.ZERO, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("firstBan must be PT1S to PT720H, was PT0S");
    assertThatThrownBy(
            () -> BanPolicy.defaults().withBans(Duration.ofHours(2), Duration.ofHours(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maxBan PT1H must not be shorter than firstBan PT2H");
    assertThatThrownBy(() -> BanPolicy.defaults().withForgiveAfter(Duration.ofDays(31)))
        .hasMessage("forgiveAfter must be PT1S to PT720H, was PT744H");
    assertThatThrownBy(() -> BanPolicy.defaults().withMaximumSize(0))
        .hasMessage("maximumSize must be 1 to 2^30, was 0");
    assertThatThrownBy(() -> BanPolicy.defaults().banFor(0))
        .hasMessage("offence must be at least 1, was 0");
    assertThatThrownBy(() -> BanList.builder().policy(POLICY).policy(POLICY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("policy was already set");
    assertThat(BanPolicy.defaults().banFor(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
  }
}

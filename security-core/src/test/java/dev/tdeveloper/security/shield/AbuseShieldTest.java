package dev.tdeveloper.security.shield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AbuseShieldTest {
  private static final IpAddress CLIENT = IpAddress.parse("198.51.100.7");
  private static final IpAddress OTHER = IpAddress.parse("198.51.100.8");
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  private final ManualClock clock = new ManualClock();
  private final List<ShieldEvent> events = Collections.synchronizedList(new ArrayList<>());

  private AbuseShieldBuilder base() {
    return AbuseShield.builder()
        .ticker(clock)
        .listener(events::add)
        .banPolicy(BanPolicy.defaults().withBans(Duration.ofMinutes(1), Duration.ofMinutes(30)));
  }

  private static ShieldDecision.Block blocked(ShieldDecision decision) {
    assertThat(decision).isInstanceOf(ShieldDecision.Block.class);
    return (ShieldDecision.Block) decision;
  }

  private static void assertPasses(ShieldDecision decision) {
    assertThat(decision.passed()).as("%s", decision).isTrue();
    ((ShieldDecision.Pass) decision).permit().onSuccess();
  }

  @Test
  void denyListBlocksWith403AndPublishes() {
    AbuseShield shield = base().denyList(IpRangeSet.of("198.51.100.0/24")).build();
    ShieldDecision.Block block = blocked(shield.check(ShieldRequest.of(CLIENT)));
    assertThat(block)
        .isEqualTo(new ShieldDecision.Block(BlockReason.DENY_LISTED, 403, Optional.empty()));
    assertPasses(shield.check(ShieldRequest.of(IpAddress.parse("203.0.113.1"))));
    assertThat(events)
        .containsExactly(
            new ShieldEvent.Blocked(
                BlockReason.DENY_LISTED,
                Dimension.CLIENT_IP,
                "198.51.100.7",
                403,
                Optional.empty()));
  }

  @Test
  void heavyHitterIsBannedWith429AndRetryAfterThenBackoffDoubles() {
    AbuseShield shield =
        base()
            .heavyHitters(Dimension.CLIENT_IP, HeavyHitterConfig.of(10, Duration.ofMinutes(1)))
            .build();
    for (int i = 0; i < 10; i++) {
      assertPasses(shield.check(ShieldRequest.of(CLIENT)));
    }
    ShieldDecision.Block first = blocked(shield.check(ShieldRequest.of(CLIENT)));
    assertThat(first)
        .isEqualTo(
            new ShieldDecision.Block(
                BlockReason.HEAVY_HITTER, 429, Optional.of(Duration.ofMinutes(1))));
    clock.advance(Duration.ofSeconds(20));
    ShieldDecision.Block banned = blocked(shield.check(ShieldRequest.of(CLIENT)));
    assertThat(banned.reason()).isEqualTo(BlockReason.BANNED);
    assertThat(banned.retryAfter()).contains(Duration.ofSeconds(40));
    assertPasses(shield.check(ShieldRequest.of(OTHER)));

    clock.advance(Duration.ofSeconds(40));
    for (int i = 0; i < 10; i++) {
      assertPasses(shield.check(ShieldRequest.of(CLIENT)));
    }
    ShieldDecision.Block second = blocked(shield.check(ShieldRequest.of(CLIENT)));
    assertThat(second.retryAfter()).contains(Duration.ofMinutes(2));
    assertThat(events)
        .filteredOn(e -> e instanceof ShieldEvent.Banned)
        .containsExactly(
            new ShieldEvent.Banned(Dimension.CLIENT_IP, "198.51.100.7", 1, Duration.ofMinutes(1)),
            new ShieldEvent.Banned(Dimension.CLIENT_IP, "198.51.100.7", 2, Duration.ofMinutes(2)));
    assertThat(events)
        .filteredOn(e -> e instanceof ShieldEvent.Blocked)
        .extracting(e -> ((ShieldEvent.Blocked) e).reason())
        .containsExactly(BlockReason.HEAVY_HITTER, BlockReason.BANNED, BlockReason.HEAVY_HITTER);
  }

  @Test
  void oneTenantsFloodNeverBansAnotherTenant() {
    AbuseShield shield =
        base()
            .heavyHitters(Dimension.TENANT, HeavyHitterConfig.of(100, Duration.ofMinutes(1)))
            .build();
    int acmeBlocked = 0;
    for (int i = 0; i < 1_000; i++) {
      IpAddress ip = IpAddress.ofIpv4(0x0a000000 + i); // many IPs: a distributed flood
      ShieldDecision acme = shield.check(ShieldRequest.of(ip, ACME));
      if (acme.passed()) {
        ((ShieldDecision.Pass) acme).permit().onSuccess();
      } else {
        acmeBlocked++;
      }
      if (i % 20 == 0) { // globex's normal traffic, well under its threshold
        assertPasses(shield.check(ShieldRequest.of(ip, GLOBEX)));
      }
    }
    assertThat(acmeBlocked).isEqualTo(1_000 - 100);
    assertThat(shield.tenantBans().isBanned(ACME)).isTrue();
    assertThat(shield.tenantBans().isBanned(GLOBEX)).isFalse();
    assertPasses(shield.check(ShieldRequest.of(CLIENT, GLOBEX)));
  }

  @Test
  void oneIpsFloodIsBannedByIpBeforeItCanBanItsTenant() {
    AbuseShield shield =
        base()
            .heavyHitters(Dimension.CLIENT_IP, HeavyHitterConfig.of(50, Duration.ofMinutes(1)))
            .heavyHitters(Dimension.TENANT, HeavyHitterConfig.of(200, Duration.ofMinutes(1)))
            .build();
    for (int i = 0; i < 10_000; i++) {
      shield.check(ShieldRequest.of(CLIENT, ACME));
    }
    assertThat(shield.ipBans().isBanned(CLIENT)).isTrue();
    assertThat(shield.tenantBans().isBanned(ACME)).isFalse();
    assertThat(shield.tenantHeavyHitters().orElseThrow().estimate(ACME).count()).isEqualTo(50);
    assertPasses(shield.check(ShieldRequest.of(OTHER, ACME)));
  }

  @Test
  void apiKeyDimensionBansTheKeyNotTheIp() {
    AbuseShield shield =
        base()
            .heavyHitters(Dimension.API_KEY, HeavyHitterConfig.of(5, Duration.ofMinutes(1)))
            .build();
    String key = ShieldRequest.fingerprint("sk_live_secret");
    for (int i = 0; i < 5; i++) {
      assertPasses(shield.check(ShieldRequest.of(CLIENT, ACME, key)));
    }
    assertThat(blocked(shield.check(ShieldRequest.of(CLIENT, ACME, key))).status()).isEqualTo(429);
    assertPasses(shield.check(ShieldRequest.of(CLIENT, ACME, "other-key")));
    assertPasses(shield.check(ShieldRequest.of(CLIENT, ACME)));
    assertThat(events)
        .filteredOn(e -> e instanceof ShieldEvent.Banned)
        .extracting(ShieldEvent::subject)
        .containsExactly(key)
        .allMatch(s -> !s.contains("secret"));
  }

  @Test
  void allowListSkipsBansButIsStillConcurrencyLimited() {
    AdaptiveConcurrencyLimit limit =
        AdaptiveConcurrencyLimit.builder()
            .initialLimit(2)
            .minLimit(2)
            .maxLimit(2)
            .ticker(clock)
            .build();
    AbuseShield shield =
        base()
            .allowList(IpRangeSet.of("198.51.100.0/24"))
            .denyList(IpRangeSet.of("198.51.100.7/32"))
            .heavyHitters(Dimension.CLIENT_IP, HeavyHitterConfig.of(1, Duration.ofMinutes(1)))
            .concurrencyLimit(limit)
            .build();
    shield.ipBans().ban(CLIENT);
    ShieldDecision a = shield.check(ShieldRequest.of(CLIENT));
    ShieldDecision b = shield.check(ShieldRequest.of(CLIENT));
    assertThat(a.passed()).isTrue();
    assertThat(b.passed()).isTrue();
    ShieldDecision.Block c = blocked(shield.check(ShieldRequest.of(CLIENT)));
    assertThat(c)
        .isEqualTo(new ShieldDecision.Block(BlockReason.OVERLOADED, 503, Optional.empty()));
    ((ShieldDecision.Pass) a).permit().onSuccess();
    assertPasses(shield.check(ShieldRequest.of(CLIENT)));
    assertThat(limit.inFlight()).isEqualTo(1);
    assertThat(events)
        .filteredOn(e -> e instanceof ShieldEvent.Blocked)
        .extracting(e -> ((ShieldEvent.Blocked) e).reason())
        .containsExactly(BlockReason.OVERLOADED);
  }

  @Test
  void blockedRequestsTakeNoConcurrencySlot() {
    AdaptiveConcurrencyLimit limit =
        AdaptiveConcurrencyLimit.builder().initialLimit(1).minLimit(1).maxLimit(1).build();
    AbuseShield shield =
        base().denyList(IpRangeSet.of("198.51.100.7")).concurrencyLimit(limit).build();
    for (int i = 0; i < 100; i++) {
      shield.check(ShieldRequest.of(CLIENT));
    }
    assertThat(limit.inFlight()).isZero();
    ShieldDecision pass = shield.check(ShieldRequest.of(OTHER));
    assertThat(pass.passed()).isTrue();
    assertThat(limit.inFlight()).isEqualTo(1);
  }

  @Test
  void manualBansAndUnbansApplyPerDimension() {
    AbuseShield shield = base().build();
    shield.tenantBans().ban(ACME);
    ShieldDecision.Block block = blocked(shield.check(ShieldRequest.of(CLIENT, ACME)));
    assertThat(block.reason()).isEqualTo(BlockReason.BANNED);
    assertThat(block.retryAfter()).contains(Duration.ofMinutes(1));
    assertPasses(shield.check(ShieldRequest.of(CLIENT, GLOBEX)));
    assertPasses(shield.check(ShieldRequest.of(CLIENT)));
    assertThat(shield.tenantBans().unban(ACME)).isTrue();
    assertPasses(shield.check(ShieldRequest.of(CLIENT, ACME)));
    assertThat(events.get(0))
        .isEqualTo(new ShieldEvent.Banned(Dimension.TENANT, "acme", 1, Duration.ofMinutes(1)));
  }

  @Test
  void withoutSettingsEverythingPassesWithAnUnlimitedPermit() {
    AbuseShield shield = AbuseShield.builder().build();
    ShieldDecision decision = shield.check(ShieldRequest.of(CLIENT, ACME, "k"));
    assertThat(decision).isEqualTo(new ShieldDecision.Pass(Permit.unlimited()));
    assertThat(shield.concurrencyLimit()).isEmpty();
    assertThat(shield.ipHeavyHitters()).isEmpty();
  }

  @Test
  void aThrowingListenerNeverBreaksADecision() {
    AbuseShield shield =
        AbuseShield.builder()
            .denyList(IpRangeSet.of("198.51.100.7"))
            .listener(
                e -> {
                  throw new IllegalStateException("listener bug");
                })
            .build();
    assertThat(blocked(shield.check(ShieldRequest.of(CLIENT))).status()).isEqualTo(403);
  }

  @Test
  void rejectsBadConfigurationAndRequests() {
    assertThatThrownBy(
            () ->
                AbuseShield.builder()
                    .allowList(IpRangeSet.of("10.0.0.0/8"))
                    .denyList(IpRangeSet.of("192.0.2.0/24", "10.0.0.0/8"))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("range 10.0.0.0/8 is on both the allowList and the denyList");
    HeavyHitterConfig config = HeavyHitterConfig.of(1, Duration.ofMinutes(1));
    assertThatThrownBy(
            () ->
                AbuseShield.builder()
                    .heavyHitters(Dimension.TENANT, config)
                    .heavyHitters(Dimension.TENANT, config))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("heavyHitters for TENANT was already set");
    assertThatThrownBy(() -> AbuseShield.builder().denyList(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("denyList");
    assertThatThrownBy(() -> ShieldRequest.of(CLIENT, ACME, "x".repeat(129)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiKey must be 1 to 128 characters")
        .hasMessageEndingWith("was 129 characters");
    assertThatThrownBy(() -> ShieldRequest.of(CLIENT, ACME, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AbuseShield.builder().build().check(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("request");
    assertThatThrownBy(() -> new ShieldDecision.Block(BlockReason.BANNED, 200, Optional.empty()))
        .hasMessage("status must be 400 to 599, was 200");
  }

  @Test
  void fingerprintsAreStableAndRevealNothing() {
    String a = ShieldRequest.fingerprint("sk_live_abc");
    assertThat(a).isEqualTo(ShieldRequest.fingerprint("sk_live_abc")).startsWith("sha256:");
    assertThat(a).hasSize(39).doesNotContain("abc");
    assertThat(ShieldRequest.fingerprint("sk_live_abd")).isNotEqualTo(a);
    // SHA-256("abc") starts with ba7816bf8f01cfea414140de5dae2223 (FIPS 180-2 test vector)
    assertThat(ShieldRequest.fingerprint("abc"))
        .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223");
  }
}

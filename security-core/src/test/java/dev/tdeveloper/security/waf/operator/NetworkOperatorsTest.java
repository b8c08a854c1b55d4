package dev.tdeveloper.security.waf.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.shield.IpAddress;
import dev.tdeveloper.security.waf.WafException;
import dev.tdeveloper.security.waf.seclang.OperatorRef;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class NetworkOperatorsTest {
  private static final InetAddress LISTED = InetAddress.getLoopbackAddress();

  private final List<String> queries = new CopyOnWriteArrayList<>();

  /** A resolver that lists 1.2.3.4 and 5.6.7.8 (as reversed names) in any zone. */
  private InetAddress[] resolve(String host) throws UnknownHostException {
    queries.add(host);
    if (host.contains("4.3.2.1.") || host.contains("8.7.6.5.")) {
      return new InetAddress[] {LISTED};
    }
    throw new UnknownHostException(host);
  }

  private Operator rbl(String zone, DnsBlocklist blocklist) {
    OperatorEnv env = new OperatorEnv(Ops.AT, Path.of("."), GeoLookup.none(), blocklist);
    return Operators.create(new OperatorRef("rbl", zone, false), env);
  }

  private DnsBlocklist fake(String key) {
    return DnsBlocklist.resolving(this::resolve, Duration.ofSeconds(30), key);
  }

  @Test
  void rblQueriesTheReversedAddressInTheZoneAndCapturesTheAddress() {
    Operator op = rbl("zen.spamhaus.org", fake(""));
    RecordingContext ctx = RecordingContext.withCapture();
    assertThat(op.evaluate(ctx, "1.2.3.4")).isTrue();
    assertThat(ctx.captures).containsExactly(Map.entry(0, "1.2.3.4"));
    assertThat(op.evaluate(new RecordingContext(), "9.9.9.9")).isFalse();
    assertThat(queries).containsExactly("4.3.2.1.zen.spamhaus.org", "9.9.9.9.zen.spamhaus.org");
  }

  @Test
  void rblNeverQueriesPrivateLoopbackIpv6OrNonAddresses() {
    Operator op = rbl("zen.spamhaus.org", fake(""));
    for (String in :
        new String[] {
          "10.1.2.3", "127.0.0.1", "192.168.0.1", "172.16.5.4", "169.254.1.1", "100.64.0.1",
          "224.0.0.1", "255.255.255.255", "0.0.0.0", "2001:db8::1", "::1", "example.com",
          "1.2.3.4.evil", "", "1.2.3.4\u0000"
        }) {
      assertThat(op.evaluate(new RecordingContext(), in)).as(in).isFalse();
    }
    assertThat(queries).isEmpty();
  }

  @Test
  void rblAsksHttpBlOnlyWithAnAccessKey() {
    assertThat(rbl("dnsbl.httpbl.org", fake("")).evaluate(new RecordingContext(), "1.2.3.4"))
        .isFalse();
    assertThat(queries).isEmpty();
    Operator keyed = rbl("dnsbl.httpbl.org", fake("abcdefghijkl"));
    assertThat(keyed.evaluate(new RecordingContext(), "5.6.7.8")).isTrue();
    assertThat(queries).containsExactly("abcdefghijkl.8.7.6.5.dnsbl.httpbl.org");
  }

  @Test
  void rblCountsATimedOutLookupAsNotListed() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    DnsBlocklist stuck =
        DnsBlocklist.resolving(
            host -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return new InetAddress[] {LISTED};
            },
            Duration.ofMillis(20),
            "");
    try {
      assertThat(rbl("bl.example.org", stuck).evaluate(new RecordingContext(), "1.2.3.4"))
          .isFalse();
    } finally {
      release.countDown();
    }
  }

  @Test
  void rblCountsAFailingResolverAsNotListed() {
    DnsBlocklist broken =
        DnsBlocklist.resolving(
            host -> {
              throw new IllegalStateException("boom");
            },
            Duration.ofSeconds(30),
            "");
    assertThat(rbl("bl.example.org", broken).evaluate(new RecordingContext(), "1.2.3.4")).isFalse();
    DnsBlocklist throwing =
        (address, zone) -> {
          throw new IllegalStateException("boom");
        };
    assertThat(rbl("bl.example.org", throwing).evaluate(new RecordingContext(), "1.2.3.4"))
        .isFalse();
  }

  @Test
  void rblRefusesInvalidZonesAndSettings() {
    assertThatThrownBy(() -> rbl("", fake("")))
        .isInstanceOf(WafException.class)
        .hasMessageStartingWith("rules.conf:7: @rbl: invalid DNS zone");
    assertThatThrownBy(() -> rbl("bad zone", fake(""))).hasMessageContaining("invalid DNS zone");
    assertThatThrownBy(() -> rbl("a..b", fake(""))).hasMessageContaining("invalid DNS zone");
    assertThatThrownBy(() -> DnsBlocklist.resolving(this::resolve, Duration.ZERO, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> DnsBlocklist.resolving(this::resolve, Duration.ofSeconds(1), "a.b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("httpBlKey");
  }

  @Test
  void theDefaultEnvironmentHasNoGeoDatabaseAndTheJdkBlocklist() {
    OperatorEnv env = new OperatorEnv(Ops.AT, Path.of("."));
    assertThat(env.dnsBlocklist()).isSameAs(DnsBlocklist.jdk());
    assertThat(env.geoLookup().lookup(IpAddress.parse("8.8.8.8"))).isEmpty();
    RecordingContext ctx = new RecordingContext();
    Operator geo = Operators.create(new OperatorRef("geoLookup", "", false), env);
    assertThat(geo.evaluate(ctx, "8.8.8.8")).isFalse();
    assertThat(ctx.geo).isEmpty();
    assertThat(DnsBlocklist.none().listed(IpAddress.parse("1.2.3.4"), "x.org")).isFalse();
  }

  @Test
  void geoLookupFillsGeoForAKnownAddress() {
    GeoLookup table =
        GeoLookup.of(
            Map.of(IpAddress.parse("203.0.113.9"), Map.of("COUNTRY_CODE", "DE", "CITY", "Berlin")));
    OperatorEnv env = new OperatorEnv(Ops.AT, Path.of("."), table, DnsBlocklist.none());
    Operator geo = Operators.create(new OperatorRef("geoLookup", "", false), env);
    RecordingContext ctx = new RecordingContext();
    assertThat(geo.evaluate(ctx, "203.0.113.9")).isTrue();
    assertThat(ctx.geo).containsEntry("COUNTRY_CODE", "DE").containsEntry("CITY", "Berlin");
    RecordingContext other = new RecordingContext();
    assertThat(geo.evaluate(other, "203.0.113.10")).isFalse();
    assertThat(geo.evaluate(other, "not an ip")).isFalse();
    assertThat(other.geo).isEmpty();
  }

  @Test
  void geoLookupCountsAThrowingServiceAsUnknown() {
    GeoLookup broken =
        address -> {
          throw new IllegalStateException("db closed");
        };
    OperatorEnv env = new OperatorEnv(Ops.AT, Path.of("."), broken, DnsBlocklist.none());
    Operator geo = Operators.create(new OperatorRef("geoLookup", "", false), env);
    assertThat(geo.evaluate(new RecordingContext(), "203.0.113.9")).isFalse();
  }
}

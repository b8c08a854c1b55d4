package dev.tdeveloper.security.shield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientIpResolverTest {
  private static final IpRangeSet PROXIES = IpRangeSet.of("10.0.0.0/8", "2001:db8:ffff::/48");
  private static final ClientIpResolver XFF = ClientIpResolver.xForwardedFor(PROXIES);
  private static final ClientIpResolver FORWARDED = ClientIpResolver.forwarded(PROXIES);
  private static final IpAddress PROXY = IpAddress.parse("10.0.0.1");

  private static String xff(String peer, String... values) {
    return XFF.resolve(IpAddress.parse(peer), List.of(values)).toString();
  }

  private static String fwd(String peer, String... values) {
    return FORWARDED.resolve(IpAddress.parse(peer), List.of(values)).toString();
  }

  @Test
  void ignoresSpoofedHeadersFromAnUntrustedPeer() {
    assertThat(xff("203.0.113.9", "1.1.1.1")).isEqualTo("203.0.113.9");
    assertThat(xff("203.0.113.9", "10.0.0.5")).isEqualTo("203.0.113.9");
    assertThat(fwd("203.0.113.9", "for=1.1.1.1")).isEqualTo("203.0.113.9");
  }

  @Test
  void takesTheAddressTheTrustedProxySawNotWhatTheClientWrote() {
    // the client sent "X-Forwarded-For: 1.1.1.1" hoping to be someone else; the proxy appended
    // the real address.
    assertThat(xff("10.0.0.1", "1.1.1.1, 203.0.113.9")).isEqualTo("203.0.113.9");
    // the client pretends to be an internal proxy forwarding for someone
    assertThat(xff("10.0.0.1", "8.8.8.8, 10.0.0.7, 203.0.113.9")).isEqualTo("203.0.113.9");
    assertThat(fwd("10.0.0.1", "for=1.1.1.1, for=203.0.113.9")).isEqualTo("203.0.113.9");
  }

  @Test
  void skipsEveryTrustedHopFromTheRight() {
    assertThat(xff("10.0.0.1", "198.51.100.4, 10.2.0.1, 10.3.0.1")).isEqualTo("198.51.100.4");
    assertThat(xff("10.0.0.1", "198.51.100.4", "10.2.0.1", "10.3.0.1")).isEqualTo("198.51.100.4");
    assertThat(xff("2001:db8:ffff::1", "2001:db8::5, 2001:db8:ffff::2")).isEqualTo("2001:db8::5");
  }

  @Test
  void aSeparateHeaderLineFromTheClientComesFirstAndIsNeverReached() {
    assertThat(xff("10.0.0.1", "6.6.6.6", "203.0.113.9")).isEqualTo("203.0.113.9");
  }

  @Test
  void withoutHeaderTheTrustedPeerIsTheClient() {
    assertThat(xff("10.0.0.1")).isEqualTo("10.0.0.1");
    assertThat(xff("10.0.0.1", "")).isEqualTo("10.0.0.1");
    assertThat(xff("10.0.0.1", " , ")).isEqualTo("10.0.0.1");
  }

  @Test
  void whenEveryHopIsTrustedTheLeftmostIsTheAnswer() {
    assertThat(xff("10.0.0.1", "10.9.9.9, 10.0.0.2")).isEqualTo("10.9.9.9");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.1.1.1, garbage, 10.0.0.2 | 10.0.0.2",
        "1.1.1.1, unknown | 10.0.0.1",
        "1.1.1.1, proxy.example.com, 10.0.0.3 | 10.0.0.3",
        "1.1.1.1, 999.1.1.1 | 10.0.0.1",
        "1.1.1.1, 01.2.3.4 | 10.0.0.1",
        "1.1.1.1, [::1 | 10.0.0.1",
        "1.1.1.1, 1.2.3.4:99999 | 10.0.0.1",
        "1.1.1.1, [1.2.3.4] | 10.0.0.1",
      })
  void malformedEntriesStopAtTheLastGoodHop(String header, String expected) {
    assertThat(xff("10.0.0.1", header)).isEqualTo(expected);
  }

  @Test
  void acceptsPortsBracketsAndMappedAddresses() {
    assertThat(xff("10.0.0.1", "203.0.113.9:4711")).isEqualTo("203.0.113.9");
    assertThat(xff("10.0.0.1", "[2001:db8::9]:4711")).isEqualTo("2001:db8::9");
    assertThat(xff("10.0.0.1", "[2001:db8::9]")).isEqualTo("2001:db8::9");
    assertThat(xff("10.0.0.1", "\t2001:db8::9 ")).isEqualTo("2001:db8::9");
    assertThat(xff("10.0.0.1", "::ffff:203.0.113.9")).isEqualTo("203.0.113.9");
    assertThat(xff("::ffff:10.0.0.1", "203.0.113.9")).isEqualTo("203.0.113.9");
  }

  @Test
  void readsRfc7239Elements() {
    assertThat(fwd("10.0.0.1", "for=192.0.2.60;proto=http;by=203.0.113.43"))
        .isEqualTo("192.0.2.60");
    assertThat(fwd("10.0.0.1", "For=\"[2001:db8:cafe::17]:4711\"")).isEqualTo("2001:db8:cafe::17");
    assertThat(fwd("10.0.0.1", "for=192.0.2.43, for=198.51.100.17;by=10.0.0.3"))
        .isEqualTo("198.51.100.17");
    assertThat(fwd("10.0.0.1", "for=192.0.2.43", "proto=https; for=10.0.0.9"))
        .isEqualTo("192.0.2.43");
    assertThat(fwd("10.0.0.1", "for=\"203.0.113.1, 10.0.0.1\"")).isEqualTo("10.0.0.1");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "for=1.1.1.1, for=unknown | 10.0.0.1",
        "for=1.1.1.1, for=_hidden | 10.0.0.1",
        "for=1.1.1.1, proto=https | 10.0.0.1",
        "for=1.1.1.1, for=1.2.3.4;for=5.6.7.8 | 10.0.0.1",
        "for=1.1.1.1, for=\"1.2.3.4 | 10.0.0.1",
        "for=\", for=1.2.3.4 | 1.2.3.4",
        "for=1.1.1.1, for=\"[2001:db8::1]\\\"\" | 10.0.0.1",
        "for=1.1.1.1, for=10.0.0.2, junk | 10.0.0.1",
        "for=1.1.1.1, for=10.0.0.2, for | 10.0.0.1",
        "for=1.1.1.1, =1.2.3.4 | 10.0.0.1",
        "for=1.1.1.1, for=10.0.0.2;x, for=10.0.0.3 | 10.0.0.3",
      })
  void malformedForwardedElementsStopAtTheLastGoodHop(String header, String expected) {
    assertThat(fwd("10.0.0.1", header)).isEqualTo(expected);
  }

  @Test
  void readsOnlyItsOwnHeader() {
    assertThat(ClientIpResolver.of(PROXIES, ClientIpResolver.ForwardingHeader.FORWARDED).header())
        .isEqualTo(ClientIpResolver.ForwardingHeader.FORWARDED);
    // an X-Forwarded-For value handed to a Forwarded resolver is malformed, not trusted
    assertThat(fwd("10.0.0.1", "1.1.1.1")).isEqualTo("10.0.0.1");
    assertThat(XFF.header().headerName()).isEqualTo("X-Forwarded-For");
  }

  @Test
  void rejectsNulls() {
    assertThatThrownBy(() -> XFF.resolve(null, List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("peer");
    assertThatThrownBy(() -> XFF.resolve(PROXY, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("headerValues");
    assertThatThrownBy(() -> ClientIpResolver.xForwardedFor(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("trustedProxies");
  }
}

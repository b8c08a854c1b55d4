package dev.tdeveloper.security.shield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {
  @ParameterizedTest
  @CsvSource({
    "0.0.0.0, 0.0.0.0",
    "192.0.2.1, 192.0.2.1",
    "255.255.255.255, 255.255.255.255",
    "::, ::",
    "::1, ::1",
    "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:0db8:0000:0000:0000:ff00:0042:8329, 2001:db8::ff00:42:8329",
    "1:0:0:0:0:0:0:0, 1::",
    "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
    "1:0:2:3:4:5:6:7, 1:0:2:3:4:5:6:7",
    "::1.2.3.4, ::102:304",
    "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
  })
  void parsesLiteralsToTheirCanonicalForm(String text, String canonical) {
    assertThat(IpAddress.parse(text)).hasToString(canonical);
    assertThat(IpAddress.parse(canonical)).isEqualTo(IpAddress.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"::ffff:1.2.3.4", "::FFFF:1.2.3.4", "0:0:0:0:0:ffff:102:304", "::ffff:0102:0304"})
  void treatsIpv4MappedIpv6AsTheIpv4Address(String mapped) {
    IpAddress address = IpAddress.parse(mapped);
    assertThat(address.isIpv4()).isTrue();
    assertThat(address).isEqualTo(IpAddress.parse("1.2.3.4")).hasToString("1.2.3.4");
    assertThat(address.hashCode()).isEqualTo(IpAddress.parse("1.2.3.4").hashCode());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1",
        "1.2.3",
        "1.2.3.4.5",
        "256.0.0.1",
        "1.2.3.-4",
        "01.2.3.4",
        "1.2.3.04",
        "1..3.4",
        "1.2.3.4.",
        " 1.2.3.4",
        "1.2.3.4 ",
        "1.2.3.4:80",
        "::g",
        ":::",
        ":1",
        "1:",
        "1::2::3",
        "12345::",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7:8::",
        "::1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7:1.2.3.4",
        "::1.2.3",
        "::1.2.3.4:5",
        "fe80::1%eth0",
        "[::1]",
        "localhost",
        "example.com",
        "0x7f.0.0.1",
        "2130706433",
        "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.2555",
      })
  void rejectsAnythingButALiteralNamingTheValue(String text) {
    assertThatThrownBy(() -> IpAddress.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid IP address '" + text + "'")
        .hasMessageContaining("host names are not resolved");
    assertThat(IpAddress.tryParse(text)).isEmpty();
  }

  @Test
  void rejectsNullWithItsName() {
    assertThatThrownBy(() -> IpAddress.parse(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("text");
  }

  @Test
  void quotesControlCharactersInMessages() {
    assertThatThrownBy(() -> IpAddress.parse("1.2.3.4\r\nX-Evil: 1"))
        .hasMessageContaining("'1.2.3.4\\u000d\\u000aX-Evil: 1'");
  }

  @Test
  void ordersIpv4BeforeIpv6AndNumerically() {
    assertThat(IpAddress.parse("9.0.0.0")).isLessThan(IpAddress.parse("10.0.0.0"));
    assertThat(IpAddress.parse("255.255.255.255")).isLessThan(IpAddress.parse("::"));
    assertThat(IpAddress.parse("8000::")).isGreaterThan(IpAddress.parse("7fff::"));
  }

  @Test
  void convertsToAndFromJdkAddressesWithoutLookups() throws Exception {
    InetAddress v6 = InetAddress.getByAddress(new byte[16]);
    assertThat(IpAddress.of(v6)).isEqualTo(IpAddress.parse("::"));
    assertThat(IpAddress.parse("2001:db8::1").toInetAddress().getHostAddress())
        .isEqualTo("2001:db8:0:0:0:0:0:1");
    assertThat(IpAddress.parse("::ffff:10.1.2.3").toInetAddress().getAddress()).hasSize(4);
  }

  @Property
  void ipv6FormattingMatchesGuavaAndRoundTrips(@ForAll long high, @ForAll long low) {
    IpAddress address = IpAddress.ofIpv6(high, low);
    InetAddress jdk = address.toInetAddress();
    assertThat(address.toString()).isEqualTo(InetAddresses.toAddrString(jdk));
    assertThat(IpAddress.parse(address.toString())).isEqualTo(address);
    assertThat(IpAddress.of(jdk)).isEqualTo(address);
  }

  @Property
  void sparseIpv6TextParsesLikeGuava(@ForAll long high, @ForAll long low, @ForAll int zeroMask) {
    long[] words = {high, low};
    StringBuilder full = new StringBuilder();
    for (int g = 0; g < 8; g++) {
      long group = (words[g / 4] >>> (48 - 16 * (g % 4))) & 0xffff;
      if ((zeroMask >>> g & 1) == 1) {
        group = 0;
      }
      full.append(g == 0 ? "" : ":").append(Long.toHexString(group));
    }
    String text = full.toString();
    assertThat(IpAddress.parse(text)).isEqualTo(IpAddress.of(InetAddresses.forString(text)));
  }

  @Property
  void ipv4RoundTrips(@ForAll int bits) {
    IpAddress address = IpAddress.ofIpv4(bits);
    assertThat(IpAddress.parse(address.toString())).isEqualTo(address);
    assertThat(IpAddress.of(InetAddresses.forString(address.toString()))).isEqualTo(address);
    assertThat(IpAddress.parse("::ffff:" + address)).isEqualTo(address);
  }
}

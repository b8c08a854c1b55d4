package dev.tdeveloper.security.waf.operator;

import static dev.tdeveloper.security.waf.operator.Ops.eval;
import static dev.tdeveloper.security.waf.operator.Ops.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.security.waf.WafException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpMatchTest {
  @TempDir Path dir;

  @Test
  void matchesAddressesAndBlocksOfBothFamilies() {
    Operator op = op("ipMatch", "127.0.0.1,::1,10.0.0.0/8, 2001:db8::/32");
    assertThat(eval(op, "127.0.0.1")).isTrue();
    assertThat(eval(op, "127.0.0.2")).isFalse();
    assertThat(eval(op, "::1")).isTrue();
    assertThat(eval(op, "10.200.3.4")).isTrue();
    assertThat(eval(op, "11.0.0.1")).isFalse();
    assertThat(eval(op, "2001:db8:1::5")).isTrue();
    assertThat(eval(op, "2001:db9::5")).isFalse();
  }

  @Test
  void ignoresHostBitsAfterThePrefixAsModSecurityDoes() {
    Operator op = op("ipMatch", "192.168.1.77/24,2001:db8::ff/120");
    assertThat(eval(op, "192.168.1.1")).isTrue();
    assertThat(eval(op, "192.168.2.1")).isFalse();
    assertThat(eval(op, "2001:db8::1")).isTrue();
  }

  @Test
  void matchesIpv4MappedInputsAsTheirIpv4Address() {
    assertThat(eval(op("ipMatch", "127.0.0.1"), "::ffff:127.0.0.1")).isTrue();
    assertThat(eval(op("ipMatch", "::ffff:10.0.0.0/104"), "10.9.9.9")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "localhost",
        "127.0.0.1 ",
        " 127.0.0.1",
        "127.0.0.1\u0000",
        "127.0.0.1/32",
        "1.2.3",
        "999.1.1.1",
        "010.0.0.1",
        "::1%eth0",
        "[::1]",
        "\u00ff\u00fe"
      })
  void neverMatchesInputsThatAreNotIpLiterals(String input) {
    assertThat(eval(op("ipMatch", "0.0.0.0/0,::/0"), input)).isFalse();
  }

  @Test
  void refusesInvalidRangesWithTheRuleLocation() {
    assertThatThrownBy(() -> op("ipMatch", "127.0.0.1,nope"))
        .isInstanceOf(WafException.class)
        .hasMessageStartingWith(
            "rules.conf:7: @ipMatch: not an IP address or CIDR block: nope; \"127.0.0.1,nope\";"
                + " allowed: comma-separated addresses or CIDR blocks");
    assertThatThrownBy(() -> op("ipMatch", "10.0.0.0/33")).hasMessageContaining("prefix above 32");
    assertThatThrownBy(() -> op("ipMatch", "::/129")).hasMessageContaining("prefix above 128");
    assertThatThrownBy(() -> op("ipMatch", "10.0.0.0/x")).hasMessageContaining("not a prefix");
    assertThatThrownBy(() -> op("ipMatch", "10.0.0.0/")).hasMessageContaining("not a prefix");
    assertThatThrownBy(() -> op("ipMatch", "")).hasMessageContaining("not an IP address");
    assertThatThrownBy(() -> op("ipMatch", "1.2.3.4,")).hasMessageContaining("not an IP address");
    assertThatThrownBy(() -> op("ipMatch", "::ffff:1.2.3.4/64"))
        .hasMessageContaining("IPv4-mapped block needs a prefix of 96 to 128");
  }

  @Test
  void readsRangesFromFilesWithComments() throws IOException {
    Files.writeString(
        dir.resolve("ips.data"),
        "# blocked\n192.0.2.0/24 # documentation net\n\n198.51.100.7,2001:db8::1\r\n");
    Operator op = op("ipMatchFromFile", "ips.data", dir);
    assertThat(eval(op, "192.0.2.99")).isTrue();
    assertThat(eval(op, "198.51.100.7")).isTrue();
    assertThat(eval(op, "2001:db8::1")).isTrue();
    assertThat(eval(op, "198.51.100.8")).isFalse();
    assertThat(eval(op("ipMatchF", "ips.data", dir), "192.0.2.1")).isTrue();
  }

  @Test
  void namesTheDataFileLineOfABadEntry() throws IOException {
    Files.writeString(dir.resolve("bad.data"), "192.0.2.1\n300.1.1.1\n");
    assertThatThrownBy(() -> op("ipMatchFromFile", "bad.data", dir))
        .isInstanceOf(WafException.class)
        .hasMessageStartingWith("rules.conf:7: @ipMatchFromFile: not an IP address")
        .hasMessageContaining(dir.resolve("bad.data") + ":2");
    assertThatThrownBy(() -> op("ipMatchFromFile", "absent.data", dir))
        .hasMessageContaining("cannot read data file " + dir.resolve("absent.data"));
  }
}

package dev.tdeveloper.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PemTest {
  @Test
  void readsEveryBlockInOrderAndSkipsTextAroundThem() {
    String text =
        "Bag Attributes\n    friendlyName: server\n"
            + "-----BEGIN CERTIFICATE-----\nAQID\n-----END CERTIFICATE-----\n"
            + "subject=CN=x\r\n"
            + "-----BEGIN PRIVATE KEY-----\r\nBAUG\r\nBwg=\r\n-----END PRIVATE KEY-----\r\n";
    List<Pem.Block> blocks = Pem.parse(text);
    assertThat(blocks).extracting(Pem.Block::label).containsExactly("CERTIFICATE", "PRIVATE KEY");
    assertThat(blocks.get(0).der()).containsExactly(1, 2, 3);
    assertThat(blocks.get(0).line()).isEqualTo(3);
    assertThat(blocks.get(1).der()).containsExactly(4, 5, 6, 7, 8);
    assertThat(blocks.get(1).line()).isEqualTo(7);
  }

  @Test
  void skipsRfc1421Headers() {
    String text =
        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\nAQID\n-----END RSA PRIVATE KEY-----";
    assertThat(Pem.parse(text).get(0).der()).containsExactly(1, 2, 3);
  }

  @Test
  void refusesAnUnterminatedBlock() {
    assertThatThrownBy(() -> Pem.parse("x\n-----BEGIN CERTIFICATE-----\nAQID\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PEM block 'CERTIFICATE' at line 2 has no '-----END CERTIFICATE-----'");
  }

  @Test
  void refusesABlockEndedWithAnotherLabel() {
    assertThatThrownBy(
            () -> Pem.parse("-----BEGIN CERTIFICATE-----\nAQID\n-----END PRIVATE KEY-----\n"))
        .hasMessage("PEM block 'CERTIFICATE' at line 1 ends with 'PRIVATE KEY' at line 3");
  }

  @Test
  void refusesBadBase64WithoutQuotingIt() {
    assertThatThrownBy(
            () -> Pem.parse("-----BEGIN PRIVATE KEY-----\nc2VjcmV0=x\n-----END PRIVATE KEY-----"))
        .hasMessage("PEM block 'PRIVATE KEY' at line 1 is not valid base64")
        .hasNoCause();
  }

  @Test
  void findsNothingInText() {
    assertThat(Pem.parse("hello\n")).isEmpty();
  }

  @Test
  void blockToStringShowsNoContent() {
    Pem.Block block = new Pem.Block("PRIVATE KEY", new byte[] {42, 43}, 1);
    assertThat(block.toString()).isEqualTo("Block[label=PRIVATE KEY, line=1, 2 bytes]");
  }
}

package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {
  private static final UnaryOperator<String> NO_ENV = name -> null;

  @Test
  void withoutTlsOptionsServesPlainHttpOn8080AsBefore() {
    DemoOptions options = DemoOptions.parse(NO_ENV, "--data-dir", "d");
    assertThat(options.tls()).isEqualTo(new DemoTls.Off());
    assertThat(options.tls().enabled()).isFalse();
    assertThat(options.port()).isEqualTo(8080);
    assertThat(options.dataDir()).isEqualTo(Path.of("d"));
  }

  @Test
  void tlsFlagAloneGeneratesACertificateAndDefaultsTo8443() {
    DemoOptions options = DemoOptions.parse(NO_ENV, "--tls");
    assertThat(options.tls()).isEqualTo(new DemoTls.LocalCa());
    assertThat(options.port()).isEqualTo(8443);
    assertThat(DemoOptions.parse(NO_ENV, "--tls", "--port", "9443").port()).isEqualTo(9443);
  }

  @Test
  void keyMaterialTurnsTlsOn() {
    DemoOptions p12 =
        DemoOptions.parse(NO_ENV, "--keystore", "s.p12", "--keystore-password", "Pw-123456");
    assertThat(p12.tls())
        .isEqualTo(new DemoTls.Pkcs12(Path.of("s.p12"), "Pw-123456".toCharArray()));
    assertThat(p12.port()).isEqualTo(8443);
    assertThat(p12.tls().toString()).doesNotContain("Pw-123456");
    assertThat(p12.toString()).doesNotContain("Pw-123456");

    DemoOptions pem = DemoOptions.parse(NO_ENV, "--tls", "--cert", "c.pem", "--key", "k.pem");
    assertThat(pem.tls()).isEqualTo(new DemoTls.Pem(Path.of("c.pem"), Path.of("k.pem")));
  }

  @Test
  void readsTheKeyStorePasswordFromTheEnvironmentWhenNotGiven() {
    UnaryOperator<String> env = Map.of(DemoOptions.KEYSTORE_PASSWORD_ENV, "from-env")::get;
    DemoTls tls = DemoOptions.parse(env, "--keystore", "s.p12").tls();
    assertThat(((DemoTls.Pkcs12) tls).password()).containsExactly("from-env".toCharArray());
  }

  @Test
  void refusesIncompleteOrConflictingKeyMaterial() {
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--keystore", "s.p12"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--keystore needs --keystore-password or the DEMO_KEYSTORE_PASSWORD variable");
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--cert", "c.pem"))
        .hasMessage("--cert and --key go together");
    assertThatThrownBy(
            () ->
                DemoOptions.parse(
                    NO_ENV,
                    "--keystore",
                    "s.p12",
                    "--keystore-password",
                    "x",
                    "--cert",
                    "c.pem",
                    "--key",
                    "k.pem"))
        .hasMessage("give either --keystore or --cert and --key, not both");
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--keystore-password", "Secret-Pw"))
        .hasMessage("--keystore-password needs --keystore");
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--tsl"))
        .hasMessage("option --tsl needs a value");
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--tsl", "x"))
        .hasMessageStartingWith("unknown option --tsl; known: ")
        .hasMessageContaining("--tls, --keystore, --keystore-password, --cert, --key");
  }

  @Test
  void aPkcs12OptionKeepsItsOwnCopyOfThePassword() {
    char[] password = "Pw-123456".toCharArray();
    DemoTls.Pkcs12 tls = new DemoTls.Pkcs12(Path.of("s.p12"), password);
    password[0] = 'X';
    tls.password()[1] = 'Y';
    assertThat(tls.password()).containsExactly("Pw-123456".toCharArray());
  }

  @Test
  void minFreeDiskSpaceDefaultsTo100MibAndRefusesBadValues() {
    assertThat(DemoOptions.parse(NO_ENV).minFreeDiskBytes()).isEqualTo(100L * 1024 * 1024);
    assertThat(DemoOptions.parse(NO_ENV, "--min-free-disk-mb", "0").minFreeDiskBytes()).isZero();
    assertThat(DemoOptions.parse(NO_ENV, "--min-free-disk-mb", "5").minFreeDiskBytes())
        .isEqualTo(5L * 1024 * 1024);
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--min-free-disk-mb", "lots"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--min-free-disk-mb must be a whole number of MiB, was 'lots'");
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--min-free-disk-mb", "-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--min-free-disk-mb must be 0 to 8796093022207, was -1");
    DemoOptions options = DemoOptions.parse(NO_ENV);
    assertThatThrownBy(() -> options.withMinFreeDiskBytes(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minFreeDiskBytes must be 0 or more, was -1 bytes");
  }
}

package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Parsing {@code --s3-bucket}, {@code --s3-endpoint} and {@code --kms-key}. */
class DemoAwsOptionsTest {
  private static final UnaryOperator<String> NO_ENV = name -> null;

  @Test
  void everythingStaysLocalWithoutTheFlags() {
    assertThat(DemoOptions.parse(NO_ENV).aws()).isEqualTo(DemoAwsOptions.local());
    assertThat(DemoAwsOptions.local().any()).isFalse();
  }

  @Test
  void theFlagsSwitchBackupsAndKeysToAws() {
    DemoAwsOptions aws =
        DemoOptions.parse(
                NO_ENV,
                "--s3-bucket",
                "notes-backups",
                "--s3-endpoint",
                "http://127.0.0.1:9090",
                "--kms-key",
                "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
            .aws();
    assertThat(aws.s3Bucket()).contains("notes-backups");
    assertThat(aws.s3Endpoint()).contains(URI.create("http://127.0.0.1:9090"));
    assertThat(aws.kmsKey())
        .contains("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    assertThat(DemoAwsOptions.of(null, null, "alias/notes").kmsKey()).contains("alias/notes");
    assertThat(DemoAwsOptions.of(null, null, "1234abcd-12ab-34cd-56ef-1234567890ab").kmsKey())
        .isPresent();
  }

  @Test
  void aBadBucketNameIsNamedWithWhatIsAllowed() {
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--s3-bucket", "Notes_Backups"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--s3-bucket 'Notes_Backups'")
        .hasMessageContaining("3-63 characters");
  }

  @Test
  void aBadKmsKeyIsNamedWithWhatIsAllowed() {
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--kms-key", "my key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--kms-key 'my key'")
        .hasMessageContaining("alias/NAME");
  }

  @Test
  void anEndpointMustBeHttpAndComeWithABucket() {
    assertThatThrownBy(
            () -> DemoOptions.parse(NO_ENV, "--s3-bucket", "b1b", "--s3-endpoint", "ftp://x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--s3-endpoint 'ftp://x'")
        .hasMessageContaining("http(s)://host");
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--s3-endpoint", "http://127.0.0.1:9090"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--s3-endpoint needs --s3-bucket");
  }

  @Test
  void credentialsInAnEndpointAreRefusedWithoutBeingShown() {
    assertThatThrownBy(
            () ->
                DemoOptions.parse(
                    NO_ENV,
                    "--s3-bucket",
                    "b1b",
                    "--s3-endpoint",
                    "http://AKIA:Sup3rSecret@127.0.0.1:9090"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never in the URL")
        .hasMessageNotContaining("Sup3rSecret");
  }

  @Test
  void anUnknownOptionListsTheAwsFlags() {
    assertThatThrownBy(() -> DemoOptions.parse(NO_ENV, "--s3", "x"))
        .hasMessageContaining("--s3-bucket, --s3-endpoint, --kms-key");
  }
}

package dev.tdeveloper.backend.aws.secrets;

import dev.tdeveloper.security.spi.SecretStore;
import dev.tdeveloper.security.spi.SecretStoreProvider;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * Provides {@link SecretsManagerSecretStore} under the name {@value #NAME}, on a client it builds
 * (and closes with the store). Settings, all optional: {@value #PREFIX} (secret name prefix,
 * default none), {@value #REGION} (default: the SDK's region chain), {@value #ENDPOINT} (an
 * endpoint override, for a VPC endpoint or a local test server). Credentials always come from the
 * SDK's default provider chain, never from settings. Any other setting is rejected. Stateless and
 * thread-safe.
 */
public final class SecretsManagerSecretStoreProvider implements SecretStoreProvider {
  /** This provider's name: {@value}. */
  public static final String NAME = "aws-secrets-manager";

  /** Setting: the secret name prefix. */
  public static final String PREFIX = "prefix";

  /** Setting: the AWS region, such as {@code eu-west-1}. */
  public static final String REGION = "region";

  /** Setting: the endpoint URI overriding the region's. */
  public static final String ENDPOINT = "endpoint";

  private static final Set<String> SETTINGS = new TreeSet<>(Set.of(PREFIX, REGION, ENDPOINT));

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public SecretsManagerSecretStoreProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Creates the store and its client.
   *
   * @throws IllegalArgumentException for an unknown or invalid setting, naming it
   */
  @Override
  public SecretStore create(Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    for (String setting : config.keySet()) {
      if (!SETTINGS.contains(setting)) {
        throw new IllegalArgumentException(
            "the "
                + NAME
                + " secret store has no setting '"
                + setting
                + "'; it accepts "
                + SETTINGS);
      }
    }
    String prefix = config.getOrDefault(PREFIX, "");
    SecretsManagerSecretStore.checkPrefix(prefix);
    SecretsManagerClientBuilder builder = SecretsManagerClient.builder();
    String region = config.get(REGION);
    if (region != null) {
      if (!region.matches("[a-z]{2}(-[a-z]+)+-[0-9]")) {
        throw new IllegalArgumentException(
            REGION + " must be an AWS region such as eu-west-1, was '" + region + "'");
      }
      builder.region(Region.of(region));
    }
    String endpoint = config.get(ENDPOINT);
    if (endpoint != null) {
      try {
        URI uri = new URI(endpoint);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
          throw new IllegalArgumentException(
              ENDPOINT + " must be an http(s) URI, was '" + endpoint + "'");
        }
        builder.endpointOverride(uri);
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException(
            ENDPOINT + " must be an http(s) URI, was '" + endpoint + "'", e);
      }
    }
    return SecretsManagerSecretStore.create(builder.build(), prefix).owningClient();
  }
}

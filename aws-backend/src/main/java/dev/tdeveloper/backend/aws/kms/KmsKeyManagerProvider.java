package dev.tdeveloper.backend.aws.kms;

import dev.tdeveloper.backend.aws.secrets.SecretsManagerSecretStoreProvider;
import dev.tdeveloper.security.spi.KeyManager;
import dev.tdeveloper.security.spi.KeyManagerProvider;
import dev.tdeveloper.security.spi.SecretStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;

/**
 * Provides {@link KmsKeyManager} under the name {@value #NAME}, on a KMS client it builds (and
 * closes with the manager). Settings:
 *
 * <ul>
 *   <li>{@value #MODE}: {@code key-per-tenant} (default) or {@code shared-key};
 *   <li>{@value #ALIAS_PREFIX}: the key-per-tenant aliases' prefix, default {@code tdeveloper};
 *   <li>{@value #KEY_ID}: the shared key (required for {@code shared-key}); {@value #RECORDS_NAME}
 *       and {@value #RECORDS_PREFIX}: where its version records live in Secrets Manager (defaults
 *       {@value KmsKeyManagerBuilder#DEFAULT_RECORDS_NAME} and none);
 *   <li>{@value #DELETION_WINDOW_DAYS}: 7 to 30, default 30;
 *   <li>{@value #REGION} and {@value #ENDPOINT}: as for the SDK (default: its region chain).
 * </ul>
 *
 * Credentials always come from the SDK's default provider chain, never from settings. Any other
 * setting is rejected. Stateless and thread-safe.
 */
public final class KmsKeyManagerProvider implements KeyManagerProvider {
  /** This provider's name: {@value}. */
  public static final String NAME = "aws-kms";

  /** Setting: {@code key-per-tenant} or {@code shared-key}. */
  public static final String MODE = "mode";

  /** Setting: the alias prefix of the key-per-tenant mode. */
  public static final String ALIAS_PREFIX = "alias-prefix";

  /** Setting: the shared key's id, ARN or alias. */
  public static final String KEY_ID = "key-id";

  /** Setting: the secret name of the shared mode's version records. */
  public static final String RECORDS_NAME = "records-name";

  /** Setting: the Secrets Manager name prefix of the shared mode's version records. */
  public static final String RECORDS_PREFIX = "records-prefix";

  /** Setting: days between destroy and KMS deleting the key. */
  public static final String DELETION_WINDOW_DAYS = "deletion-window-days";

  /** Setting: the AWS region. */
  public static final String REGION = "region";

  /** Setting: the endpoint URI overriding the region's. */
  public static final String ENDPOINT = "endpoint";

  private static final Set<String> SETTINGS =
      new TreeSet<>(
          Set.of(
              MODE,
              ALIAS_PREFIX,
              KEY_ID,
              RECORDS_NAME,
              RECORDS_PREFIX,
              DELETION_WINDOW_DAYS,
              REGION,
              ENDPOINT));

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public KmsKeyManagerProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Creates the key manager and its clients.
   *
   * @throws IllegalArgumentException for an unknown, missing or invalid setting, naming it
   */
  @Override
  public KeyManager create(Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    for (String setting : config.keySet()) {
      if (!SETTINGS.contains(setting)) {
        throw new IllegalArgumentException(
            "the "
                + NAME
                + " key manager has no setting '"
                + setting
                + "'; it accepts "
                + SETTINGS);
      }
    }
    String mode = config.getOrDefault(MODE, "key-per-tenant");
    if (!mode.equals("key-per-tenant") && !mode.equals("shared-key")) {
      throw new IllegalArgumentException(
          MODE + " must be key-per-tenant or shared-key, was '" + mode + "'");
    }
    boolean shared = mode.equals("shared-key");
    for (String setting :
        shared ? Set.of(ALIAS_PREFIX) : Set.of(KEY_ID, RECORDS_NAME, RECORDS_PREFIX)) {
      if (config.containsKey(setting)) {
        throw new IllegalArgumentException(setting + " does not apply to " + MODE + " " + mode);
      }
    }
    int window = KmsKeyManagerBuilder.DEFAULT_DELETION_WINDOW_DAYS;
    if (config.containsKey(DELETION_WINDOW_DAYS)) {
      try {
        window = Integer.parseInt(config.get(DELETION_WINDOW_DAYS).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            DELETION_WINDOW_DAYS
                + " must be 7 to 30, was '"
                + config.get(DELETION_WINDOW_DAYS)
                + "'");
      }
    }
    KmsClientBuilder clientBuilder = KmsClient.builder();
    String region = config.get(REGION);
    if (region != null) {
      if (!region.matches("[a-z]{2}(-[a-z]+)+-[0-9]")) {
        throw new IllegalArgumentException(
            REGION + " must be an AWS region such as eu-west-1, was '" + region + "'");
      }
      clientBuilder.region(Region.of(region));
    }
    String endpoint = config.get(ENDPOINT);
    if (endpoint != null) {
      clientBuilder.endpointOverride(uri(endpoint));
    }
    if (shared && config.get(KEY_ID) == null) {
      throw new IllegalArgumentException(
          "the " + NAME + " key manager in shared-key mode needs " + KEY_ID);
    }
    KmsKeyManagerBuilder builder;
    KmsClient kms = null;
    SecretStore records = null;
    try {
      kms = clientBuilder.build();
      builder = KmsKeyManager.builder(kms).deletionWindowDays(window).owning(kms);
      if (shared) {
        Map<String, String> recordSettings = new HashMap<>();
        recordSettings.put(
            SecretsManagerSecretStoreProvider.PREFIX, config.getOrDefault(RECORDS_PREFIX, ""));
        if (region != null) {
          recordSettings.put(SecretsManagerSecretStoreProvider.REGION, region);
        }
        if (endpoint != null) {
          recordSettings.put(SecretsManagerSecretStoreProvider.ENDPOINT, endpoint);
        }
        records = new SecretsManagerSecretStoreProvider().create(recordSettings);
        builder
            .sharedKey(
                config.get(KEY_ID),
                records,
                config.getOrDefault(RECORDS_NAME, KmsKeyManagerBuilder.DEFAULT_RECORDS_NAME))
            .owning(records);
      } else {
        builder.keyPerTenant(config.getOrDefault(ALIAS_PREFIX, "tdeveloper"));
      }
      return builder.build();
    } catch (RuntimeException e) {
      if (records != null) {
        records.close();
      }
      if (kms != null) {
        kms.close();
      }
      throw e;
    }
  }

  private static URI uri(String endpoint) {
    try {
      URI uri = new URI(endpoint);
      if ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        ENDPOINT + " must be an http(s) URI, was '" + endpoint + "'");
  }
}

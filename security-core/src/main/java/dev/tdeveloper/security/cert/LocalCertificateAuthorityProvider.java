package dev.tdeveloper.security.cert;

import dev.tdeveloper.security.spi.CertificateIssuer;
import dev.tdeveloper.security.spi.CertificateIssuerProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides {@link LocalCertificateAuthority} as {@value #NAME} to {@link
 * CertificateIssuer#fromProviders}. Its one setting, {@value #DIRECTORY}, is the directory the CA
 * is kept in. Loads without Bouncy Castle; {@link #create} then fails naming the artifact to add.
 * Thread-safe (stateless).
 */
public final class LocalCertificateAuthorityProvider implements CertificateIssuerProvider {
  /** The provider's name: {@value}. */
  public static final String NAME = "local-ca";

  /** The setting naming the CA's directory: {@value}. */
  public static final String DIRECTORY = "directory";

  /** Creates the provider ({@link java.util.ServiceLoader} calls this). */
  public LocalCertificateAuthorityProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Opens (or creates) the CA in {@code config.get("directory")}.
   *
   * @throws IllegalArgumentException if {@value #DIRECTORY} is missing or blank, or another setting
   *     is given
   * @throws IllegalStateException if Bouncy Castle is missing
   */
  @Override
  public CertificateIssuer create(Map<String, String> config) {
    Objects.requireNonNull(config, "config");
    for (String key : config.keySet()) {
      if (!Set.of(DIRECTORY).contains(key)) {
        throw new IllegalArgumentException(
            "unknown " + NAME + " setting '" + key + "'; known: [" + DIRECTORY + "]");
      }
    }
    String directory = config.get(DIRECTORY);
    if (directory == null || directory.isBlank()) {
      throw new IllegalArgumentException(NAME + " needs the setting '" + DIRECTORY + "'");
    }
    return LocalCertificateAuthority.open(Path.of(directory));
  }
}

package dev.tdeveloper.security.spi;

import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.internal.Texts;
import java.util.Objects;
import java.util.Optional;

/**
 * The name of a secret in a {@link SecretStore}: either a <em>platform</em> secret, shared by the
 * whole service (the database owner's password, a payment provider's key), or a <em>tenant</em>
 * secret, namespaced by a {@link TenantId} (a tenant's webhook signing key). The scope is part of
 * the identity: tenant {@code acme}'s {@code db/app} and tenant {@code globex}'s {@code db/app} and
 * the platform's {@code db/app} are three unrelated secrets, so no name of one tenant can reach
 * another's secret.
 *
 * <p>A name is 1 to {@value #MAX_LENGTH} characters of segments separated by {@code /}; each
 * segment is non-empty, made of {@code A-Z a-z 0-9 _ + = . @ -} (the characters AWS Secrets Manager
 * allows, less {@code /} at the ends), and is neither {@code .} nor {@code ..}.
 *
 * <p>Immutable and thread-safe; compared by value.
 *
 * @param tenant the owning tenant, empty for a platform secret
 * @param name the name within its scope
 */
public record SecretName(Optional<TenantId> tenant, String name) implements Comparable<SecretName> {
  /** The longest name, in characters: {@value}. */
  public static final int MAX_LENGTH = 256;

  /**
   * Validates the name.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code name} breaks the rule above; the message quotes it
   */
  public SecretName {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(name, "name");
    String problem = problemWith(name);
    if (problem != null) {
      throw new IllegalArgumentException(
          "invalid secret name " + Texts.quote(name) + ": " + problem + " (" + RULE + ")");
    }
  }

  private static final String RULE =
      "allowed: 1-"
          + MAX_LENGTH
          + " characters, '/'-separated non-empty segments of A-Z a-z 0-9 _ + = . @ -,"
          + " no '.' or '..' segment";

  /**
   * Returns the platform secret {@code name}.
   *
   * @throws IllegalArgumentException if the name is invalid
   */
  public static SecretName platform(String name) {
    return new SecretName(Optional.empty(), name);
  }

  /**
   * Returns the secret {@code name} of {@code tenant}.
   *
   * @throws IllegalArgumentException if the name is invalid
   */
  public static SecretName of(TenantId tenant, String name) {
    return new SecretName(Optional.of(Objects.requireNonNull(tenant, "tenant")), name);
  }

  /** Returns whether this is a platform secret (no tenant). */
  public boolean isPlatform() {
    return tenant.isEmpty();
  }

  /**
   * Returns the name with its scope, unique across scopes: {@code platform/<name>} or {@code
   * tenant/<id>/<name>}. A backend may use it as the key or path of the secret (for AWS Secrets
   * Manager, the secret's name).
   */
  public String qualified() {
    return tenant.map(t -> "tenant/" + t.value() + "/" + name).orElse("platform/" + name);
  }

  @Override
  public int compareTo(SecretName other) {
    return qualified().compareTo(other.qualified());
  }

  /** Returns {@link #qualified()}. */
  @Override
  public String toString() {
    return qualified();
  }

  private static String problemWith(String name) {
    if (name.isEmpty()) {
      return "it is empty";
    }
    if (name.length() > MAX_LENGTH) {
      return "it is " + name.length() + " characters long";
    }
    int segmentStart = 0;
    for (int i = 0; i <= name.length(); i++) {
      if (i == name.length() || name.charAt(i) == '/') {
        String segment = name.substring(segmentStart, i);
        if (segment.isEmpty()) {
          return "empty segment at index " + segmentStart;
        }
        if (segment.equals(".") || segment.equals("..")) {
          return "segment '" + segment + "' at index " + segmentStart;
        }
        segmentStart = i + 1;
        continue;
      }
      char c = name.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "_+=.@-".indexOf(c) >= 0;
      if (!allowed) {
        return "character " + Texts.describe(c) + " at index " + i + " is not allowed";
      }
    }
    return null;
  }
}

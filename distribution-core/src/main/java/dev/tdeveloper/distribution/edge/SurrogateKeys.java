package dev.tdeveloper.distribution.edge;

import dev.tdeveloper.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The surrogate key encoding: one key for everything a tenant has cached, one per resource type and
 * one per resource, so a purge can be as narrow or as wide as needed.
 *
 * <ul>
 *   <li>{@code t-acme}: every response of tenant {@code acme};
 *   <li>{@code t-acme.note}: its responses of type {@code note};
 *   <li>{@code t-acme.note.42}: its responses showing note {@code 42}.
 * </ul>
 *
 * <p>The encoding is injective, so two tenants (or two resources) never share a key: a tenant id
 * and a resource type cannot contain {@code .}, and resource ids are percent-encoded (every UTF-8
 * byte outside {@code [A-Za-z0-9_~-]} becomes {@code %XX}, so {@code .}, {@code %}, spaces and
 * control characters never appear raw). A key is at most 1,024 bytes (Fastly's limit), printable
 * ASCII without spaces, safe in a {@code Surrogate-Key} header.
 *
 * <p>Stateless and thread-safe.
 */
public final class SurrogateKeys {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private SurrogateKeys() {}

  /**
   * Returns the key of everything {@code tenant} has cached.
   *
   * @param tenant the tenant
   * @return {@code t-<tenant>}
   */
  public static String tenant(TenantId tenant) {
    return "t-" + Objects.requireNonNull(tenant, "tenant").value();
  }

  /**
   * Returns the key of a tenant's responses of one resource type.
   *
   * @param tenant the tenant
   * @param resourceType a lowercase token of 1 to 32 characters from {@code [a-z0-9-]}
   * @return {@code t-<tenant>.<type>}
   * @throws IllegalArgumentException if the type is not such a token
   */
  public static String type(TenantId tenant, String resourceType) {
    Objects.requireNonNull(resourceType, "resourceType");
    if (!EdgeResponse.TYPE.matcher(resourceType).matches()) {
      throw new IllegalArgumentException(
          "resourceType '"
              + EdgeResponse.clip(resourceType)
              + "' is invalid; allowed: 1-32 characters of a-z, 0-9 and '-'");
    }
    return tenant(tenant) + "." + resourceType;
  }

  /**
   * Returns the key of a tenant's responses showing one resource.
   *
   * @param tenant the tenant
   * @param resourceType the resource type
   * @param resourceId the resource's id, 1 to 100 characters, any characters
   * @return {@code t-<tenant>.<type>.<percent-encoded id>}
   * @throws IllegalArgumentException if the type or the id is invalid
   */
  public static String resource(TenantId tenant, String resourceType, String resourceId) {
    Objects.requireNonNull(resourceId, "resourceId");
    if (resourceId.isEmpty() || resourceId.length() > 100) {
      throw new IllegalArgumentException(
          "resource id '"
              + EdgeResponse.clip(resourceId)
              + "' is invalid; allowed: 1 to 100 characters");
    }
    StringBuilder key = new StringBuilder(type(tenant, resourceType)).append('.');
    for (byte b : resourceId.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '~'
          || c == '-') {
        key.append((char) c);
      } else {
        key.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return key.toString();
  }
}

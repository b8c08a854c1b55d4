package dev.tdeveloper.tenancy.resolve;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves the tenant from a request header, {@value #DEFAULT_HEADER} by default. Spaces and tabs
 * around the value are ignored (they are optional whitespace in HTTP); anything else that is not a
 * valid {@link TenantId}, including a blank value, throws {@link TenantResolutionException}. An
 * absent header names no tenant.
 *
 * <p>A header is set by the client, so on its own it only suits trusted callers (service-to-service
 * traffic behind a gateway); combine it with a verified source in a {@link CompositeTenantResolver}
 * that demands agreement otherwise.
 *
 * <p>Immutable and thread-safe.
 */
public final class HeaderTenantResolver implements TenantResolver {
  /** The default header name: {@value}. */
  public static final String DEFAULT_HEADER = "X-Tenant-Id";

  private final String headerName;
  private final String source;

  private HeaderTenantResolver(String headerName) {
    this.headerName = headerName;
    this.source = "header " + headerName;
  }

  /** Returns a resolver reading {@value #DEFAULT_HEADER}. */
  public static HeaderTenantResolver of() {
    return new HeaderTenantResolver(DEFAULT_HEADER);
  }

  /**
   * Returns a resolver reading the header {@code headerName} (matched case-insensitively).
   *
   * @throws IllegalArgumentException if {@code headerName} is not an HTTP token (letters, digits
   *     and {@code !#$%&'*+-.^_`|~})
   */
  public static HeaderTenantResolver of(String headerName) {
    Objects.requireNonNull(headerName, "headerName");
    if (headerName.isEmpty() || !headerName.chars().allMatch(HeaderTenantResolver::isTokenChar)) {
      throw new IllegalArgumentException(
          "headerName "
              + Inputs.quote(headerName)
              + " is not an HTTP header name; allowed: 1 or more letters, digits and"
              + " !#$%&'*+-.^_`|~");
    }
    return new HeaderTenantResolver(headerName);
  }

  private static boolean isTokenChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  /** Returns the header read. */
  public String headerName() {
    return headerName;
  }

  /**
   * {@inheritDoc}
   *
   * @throws TenantResolutionException if the header is present but its value, without surrounding
   *     spaces and tabs, is not a valid tenant id
   */
  @Override
  public Optional<TenantId> resolve(RequestView request) {
    Optional<String> header = request.header(headerName);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Inputs.tenantId(source, trimSpaces(header.get())));
  }

  /** Strips HTTP optional whitespace (space, tab) only: NUL and other controls stay and fail. */
  private static String trimSpaces(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }

  @Override
  public String toString() {
    return "HeaderTenantResolver[" + headerName + "]";
  }
}

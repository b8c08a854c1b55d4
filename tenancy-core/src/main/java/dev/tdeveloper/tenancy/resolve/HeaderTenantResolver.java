package dev.tdeveloper.tenancy.resolve;

import dev.tdeveloper.tenancy.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves the tenant from a request header, {@value #DEFAULT_HEADER} by default. Spaces and tabs
 * around the value are ignored (they are optional whitespace in HTTP); anything else that is not a
 * valid {@link TenantId}, including a blank value, throws {@link TenantResolutionException}. An
 * absent header names no tenant.
 *
 * <p><b>Repeated headers.</b> A request may carry the header more than once, or several
 * comma-separated values in one line (HTTP treats both alike). Unless every value is the same
 * tenant id, the request is refused with {@link TenantResolutionException} (400 {@code
 * invalid-tenant} in the servlet filter): a proxy that appends its own header and an application
 * that reads the first one could otherwise disagree about the tenant. Identical repeats resolve to
 * that tenant.
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
   * @throws TenantResolutionException if the header is present but a value, without surrounding
   *     spaces and tabs, is not a valid tenant id, or the header is repeated with different values
   */
  @Override
  public Optional<TenantId> resolve(RequestView request) {
    List<String> lines = request.headers(headerName);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    if (lines.size() == 1 && lines.get(0).indexOf(',') < 0) {
      return Optional.of(Inputs.tenantId(source, trimSpaces(lines.get(0))));
    }
    return Optional.of(Inputs.single(source, lines, HeaderTenantResolver::trimSpaces));
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

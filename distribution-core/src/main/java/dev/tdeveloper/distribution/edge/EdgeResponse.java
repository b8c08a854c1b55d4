package dev.tdeveloper.distribution.edge;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@link EdgeCachePolicy} needs to know about a response to decide how it is cached: the
 * request line, what resource it shows, its status and whether it depends on the user.
 *
 * <p>Immutable and thread-safe.
 *
 * @param method the request method, uppercase ({@code GET} and {@code HEAD} are cacheable)
 * @param target the request target: an absolute path with its query, such as {@code /notes/42?v=2}
 * @param resourceType the kind of resource, a lowercase token of 1 to 32 characters from {@code
 *     [a-z0-9-]} ({@code note}, {@code asset}); picks the policy's rule
 * @param resourceIds the resources the response shows (one for a page, several for a list), each 1
 *     to 100 characters; they become surrogate keys
 * @param status the HTTP status, 100 to 599
 * @param setsCookie whether the response has a {@code Set-Cookie} header
 * @param authorizationDependent whether the content depends on the caller's credentials
 * @param vary request headers the content varies on besides the tenant header
 */
public record EdgeResponse(
    String method,
    String target,
    String resourceType,
    List<String> resourceIds,
    int status,
    boolean setsCookie,
    boolean authorizationDependent,
    List<String> vary) {
  static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
  private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");
  private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");

  /**
   * Validates the response description.
   *
   * @throws IllegalArgumentException naming the field, the value and what is allowed
   */
  public EdgeResponse {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(resourceType, "resourceType");
    resourceIds = List.copyOf(resourceIds);
    vary = List.copyOf(vary);
    if (!METHOD.matcher(method).matches()) {
      throw new IllegalArgumentException(
          "method '" + clip(method) + "' is invalid; allowed: an uppercase token");
    }
    if (!target.startsWith("/") || target.length() > 8192 || hasSpaceOrControl(target)) {
      throw new IllegalArgumentException(
          "target '"
              + clip(target)
              + "' is invalid; allowed: an absolute path (and query) of at most 8192 characters"
              + " without spaces or control characters");
    }
    if (!TYPE.matcher(resourceType).matches()) {
      throw new IllegalArgumentException(
          "resourceType '"
              + clip(resourceType)
              + "' is invalid; allowed: 1-32 characters of a-z, 0-9 and '-'");
    }
    for (String id : resourceIds) {
      if (id.isEmpty() || id.length() > 100) {
        throw new IllegalArgumentException(
            "resource id '" + clip(id) + "' is invalid; allowed: 1 to 100 characters");
      }
    }
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status is " + status + "; allowed: 100 to 599");
    }
    for (String header : vary) {
      if (!HEADER.matcher(header).matches()) {
        throw new IllegalArgumentException(
            "vary header '" + clip(header) + "' is invalid; allowed: an HTTP field name");
      }
    }
  }

  /**
   * Returns a 200 response to {@code GET target} showing {@code resourceIds} of {@code
   * resourceType}, with no cookie, no credentials involved and no extra {@code Vary}.
   *
   * @param target the request target
   * @param resourceType the kind of resource
   * @param resourceIds the resources shown
   * @return the description
   */
  public static EdgeResponse get(String target, String resourceType, String... resourceIds) {
    return new EdgeResponse(
        "GET", target, resourceType, List.of(resourceIds), 200, false, false, List.of());
  }

  /**
   * Returns this response with another method.
   *
   * @param method the method
   * @return the new description
   */
  public EdgeResponse withMethod(String method) {
    return new EdgeResponse(
        method,
        target,
        resourceType,
        resourceIds,
        status,
        setsCookie,
        authorizationDependent,
        vary);
  }

  /**
   * Returns this response with another status.
   *
   * @param status the status
   * @return the new description
   */
  public EdgeResponse withStatus(int status) {
    return new EdgeResponse(
        method,
        target,
        resourceType,
        resourceIds,
        status,
        setsCookie,
        authorizationDependent,
        vary);
  }

  /** Returns this response marked as setting a cookie. */
  public EdgeResponse withSetCookie() {
    return new EdgeResponse(
        method, target, resourceType, resourceIds, status, true, authorizationDependent, vary);
  }

  /** Returns this response marked as depending on the caller's credentials. */
  public EdgeResponse withAuthorizationDependent() {
    return new EdgeResponse(
        method, target, resourceType, resourceIds, status, setsCookie, true, vary);
  }

  /**
   * Returns this response varying on more request headers.
   *
   * @param headers field names
   * @return the new description
   */
  public EdgeResponse withVary(String... headers) {
    return new EdgeResponse(
        method,
        target,
        resourceType,
        resourceIds,
        status,
        setsCookie,
        authorizationDependent,
        List.of(headers));
  }

  private static boolean hasSpaceOrControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        return true;
      }
    }
    return false;
  }

  static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}

package dev.tdeveloper.web.operator;

import dev.tdeveloper.tenancy.access.Principal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Finds the operator a request authenticates as, from credentials the request carries (a bearer
 * token, a verified client certificate, a session set by a login flow). Returns empty when the
 * request carries no credentials, or credentials that do not authenticate anyone; it never throws
 * for bad client input. {@link BearerTokenAuthenticator} is the built-in implementation.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface OperatorAuthenticator {
  /** Returns the authenticated operator, or empty. */
  Optional<Principal> authenticate(HttpServletRequest request);

  /**
   * Returns the {@code WWW-Authenticate} challenge sent with a 401, such as {@code Bearer
   * realm="operator"}; empty sends none.
   */
  default Optional<String> challenge() {
    return Optional.empty();
  }
}

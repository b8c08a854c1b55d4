package dev.tdeveloper.tenancy.resolve;

import dev.tdeveloper.tenancy.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves the tenant from the raw path segment after a prefix: with prefix {@code /t/}, the path
 * {@code /t/acme/notes} is tenant {@code acme}; paths not starting with the prefix name no tenant.
 *
 * <p>The segment is read raw and never percent-decoded, so encoding tricks fail loudly instead of
 * being decoded into something else: a tenant segment that is empty or holds {@code %}, {@code \},
 * {@code .} or {@code ..}, or is otherwise not a valid {@link TenantId}, throws {@link
 * TenantResolutionException}. So does a {@code ..} segment (raw or percent-encoded) or a backslash
 * later in the path, because once the server normalizes the path it could leave the tenant's
 * subtree ({@code /t/acme/../../t/other}) while the request stays bound to the first tenant.
 *
 * <p>Immutable and thread-safe.
 */
public final class PathTenantResolver implements TenantResolver {
  private final String prefix;

  private PathTenantResolver(String prefix) {
    this.prefix = prefix;
  }

  /**
   * Returns a resolver reading the segment after {@code prefix}.
   *
   * @param prefix starts and ends with {@code /} and has no {@code %}, {@code \}, {@code .}
   *     segments or empty segments, for example {@code /t/} or {@code /tenants/}; {@code /} makes
   *     the first segment the tenant
   * @throws IllegalArgumentException if {@code prefix} does not follow these rules
   */
  public static PathTenantResolver withPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    String problem = prefixProblem(prefix);
    if (problem != null) {
      throw new IllegalArgumentException(
          "prefix "
              + Inputs.quote(prefix)
              + " "
              + problem
              + "; allowed: '/' or '/'-separated non-empty segments without '%', '\\', '.' or"
              + " '..', starting and ending with '/', such as '/t/'");
    }
    return new PathTenantResolver(prefix);
  }

  private static String prefixProblem(String prefix) {
    if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
      return "does not start and end with '/'";
    }
    if (prefix.length() == 1) {
      return null;
    }
    for (String segment : prefix.substring(1, prefix.length() - 1).split("/", -1)) {
      if (segment.isEmpty()
          || segment.equals(".")
          || segment.equals("..")
          || segment.indexOf('%') >= 0
          || segment.indexOf('\\') >= 0
          || segment.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
        return "has the segment " + Inputs.quote(segment);
      }
    }
    return null;
  }

  /** Returns the prefix before the tenant segment. */
  public String prefix() {
    return prefix;
  }

  /**
   * {@inheritDoc}
   *
   * @throws TenantResolutionException if the tenant segment is not a valid tenant id (including
   *     percent-encoded, dot and empty segments), or the rest of the path has a {@code ..} segment
   *     or a backslash
   */
  @Override
  public Optional<TenantId> resolve(RequestView request) {
    String path = request.path();
    if (!path.startsWith(prefix)) {
      return Optional.empty();
    }
    int start = prefix.length();
    int end = path.indexOf('/', start);
    if (end < 0) {
      end = path.length();
    }
    String segment = path.substring(start, end);
    String problem = Inputs.idProblem(segment);
    if (problem != null) {
      throw Inputs.invalidId("path " + Inputs.quote(path) + ", tenant segment", segment, problem);
    }
    checkRest(path, end);
    return Optional.of(new TenantId(segment));
  }

  /**
   * Refuses a backslash, or a dot-dot segment (raw or percent-encoded, before any {@code ;}
   * parameters), after the tenant segment; {@code from} is the index of the {@code /} ending it.
   */
  private static void checkRest(String path, int from) {
    int length = path.length();
    int segmentStart = from + 1;
    int nameEnd = -1;
    for (int i = from + 1; i <= length; i++) {
      char c = i < length ? path.charAt(i) : '/';
      if (c == '\\') {
        throw new TenantResolutionException(
            "path " + Inputs.quote(path) + " has a backslash after the tenant segment");
      }
      if (c == ';' && nameEnd < 0) {
        nameEnd = i;
      } else if (c == '/') {
        if (isDotDot(path, segmentStart, nameEnd < 0 ? i : nameEnd)) {
          throw new TenantResolutionException(
              "path "
                  + Inputs.quote(path)
                  + " has a '..' segment after the tenant segment, which could leave the"
                  + " tenant's subtree");
        }
        segmentStart = i + 1;
        nameEnd = -1;
      }
    }
  }

  /**
   * Returns whether {@code path[start, end)} is {@code ..} with either dot possibly {@code %2e}.
   */
  private static boolean isDotDot(String path, int start, int end) {
    int i = start;
    for (int dots = 0; dots < 2; dots++) {
      if (i < end && path.charAt(i) == '.') {
        i++;
      } else if (end - i >= 3 && path.regionMatches(true, i, "%2e", 0, 3)) {
        i += 3;
      } else {
        return false;
      }
    }
    return i == end;
  }

  @Override
  public String toString() {
    return "PathTenantResolver[" + prefix + "]";
  }
}

package dev.tdeveloper.web.problem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An RFC 9457 problem: a machine-readable description of why an HTTP request failed, sent as {@code
 * application/problem+json} by {@link ProblemWriter}. Clients switch on {@link #type()}; the {@link
 * #title()} is a fixed summary of the type, and {@link #detail()} explains this occurrence.
 *
 * <p>Extension members carry type-specific data (for example {@code retryAfterSeconds} on a 429).
 * Their values are copied deeply and must be JSON-like: {@link String} (or any {@link
 * CharSequence}, copied as a string), {@link Boolean}, a JDK number ({@link Integer}, {@link Long},
 * {@link Short}, {@link Byte}, {@link Double}, {@link Float}, {@link BigInteger}, {@link
 * BigDecimal}), a {@link Collection} of such values, or a {@link Map} from string to such values.
 *
 * <p>Immutable and thread-safe. Put only text safe to show to the caller in {@code detail}: escape
 * and truncate any request input first.
 *
 * @param type an absolute URI identifying the problem type; {@code about:blank} when there is none
 * @param title a short, human-readable summary of the problem type, 1-200 characters
 * @param status the HTTP status code, 400-599
 * @param detail an explanation of this occurrence, if any
 * @param instance a URI identifying this occurrence, if any
 * @param extensions extension members in insertion order, copied deeply
 */
public record ProblemDetails(
    URI type,
    String title,
    int status,
    Optional<String> detail,
    Optional<URI> instance,
    Map<String, Object> extensions) {

  /** The base of the problem type URIs this project defines: {@value}. */
  public static final String TYPE_BASE = "https://tdeveloper.dev/problems/";

  /** The type of a problem that has no more specific type than its status code. */
  public static final URI ABOUT_BLANK = URI.create("about:blank");

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Set<String> STANDARD_MEMBERS =
      Set.of("type", "title", "status", "detail", "instance");

  /**
   * Validates every member and copies the extensions.
   *
   * @throws NullPointerException naming the null member
   * @throws IllegalArgumentException naming the invalid member, its value and what is allowed
   */
  public ProblemDetails {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(extensions, "extensions");
    if (!type.isAbsolute()) {
      throw new IllegalArgumentException(
          "type must be an absolute URI (or about:blank), was '" + type + "'");
    }
    if (title.isBlank() || title.length() > 200) {
      throw new IllegalArgumentException(
          "title must be 1-200 characters and not blank, was " + title.length() + " characters");
    }
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 400-599, was " + status);
    }
    if (extensions.isEmpty()) {
      extensions = Map.of(); // nothing to copy: most problems carry no extension
    } else {
      extensions = frozenExtensions(extensions);
    }
  }

  private static Map<String, Object> frozenExtensions(Map<String, Object> extensions) {
    Map<String, Object> copy = new LinkedHashMap<>();
    extensions.forEach(
        (name, value) -> {
          Objects.requireNonNull(name, "extensions name");
          if (!isMemberName(name) || STANDARD_MEMBERS.contains(name)) {
            throw new IllegalArgumentException(
                "extension member name must match [A-Za-z][A-Za-z0-9_]{2,} and not be one of "
                    + STANDARD_MEMBERS
                    + ", was '"
                    + name
                    + "'");
          }
          copy.put(name, freeze(name, value));
        });
    return Collections.unmodifiableMap(copy);
  }

  /** Whether {@code name} matches {@code [A-Za-z][A-Za-z0-9_]{2,}}, without a regex matcher. */
  static boolean isMemberName(String name) {
    if (name.length() < 3 || !isAsciiLetter(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAsciiLetter(c) && (c < '0' || c > '9') && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * Returns a problem with no detail, instance or extensions.
   *
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public static ProblemDetails of(URI type, String title, int status) {
    return new ProblemDetails(type, title, status, Optional.empty(), Optional.empty(), Map.of());
  }

  /**
   * Returns the URI of a problem type this project defines: {@value #TYPE_BASE} followed by {@code
   * slug}.
   *
   * @param slug lowercase words separated by single hyphens, such as {@code unknown-tenant}
   * @throws IllegalArgumentException if {@code slug} is not of that form
   */
  public static URI typeOf(String slug) {
    Objects.requireNonNull(slug, "slug");
    if (!SLUG.matcher(slug).matches()) {
      throw new IllegalArgumentException(
          "slug must be lowercase words separated by single hyphens ([a-z0-9]+(-[a-z0-9]+)*), was '"
              + slug
              + "'");
    }
    return URI.create(TYPE_BASE + slug);
  }

  /** Returns a copy with {@code detail} as the occurrence's explanation. */
  public ProblemDetails withDetail(String detail) {
    Objects.requireNonNull(detail, "detail");
    return new ProblemDetails(type, title, status, Optional.of(detail), instance, extensions);
  }

  /** Returns a copy with {@code instance} identifying the occurrence. */
  public ProblemDetails withInstance(URI instance) {
    Objects.requireNonNull(instance, "instance");
    return new ProblemDetails(type, title, status, detail, Optional.of(instance), extensions);
  }

  /**
   * Returns a copy with the extension member {@code name} set to {@code value}, replacing any
   * previous value of that member.
   *
   * @throws IllegalArgumentException if the name is not allowed or the value is not JSON-like
   */
  public ProblemDetails withExtension(String name, Object value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Map<String, Object> more = new LinkedHashMap<>(extensions);
    more.put(name, value);
    return new ProblemDetails(type, title, status, detail, instance, more);
  }

  private static Object freeze(String path, Object value) {
    if (value == null) {
      throw new NullPointerException("extensions value of " + path);
    }
    if (value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof Double
        || value instanceof Float
        || value instanceof BigInteger
        || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof CharSequence text) {
      return text.toString();
    }
    if (value instanceof Collection<?> items) {
      List<Object> copy = new ArrayList<>(items.size());
      int index = 0;
      for (Object item : items) {
        copy.add(freeze(path + "[" + index++ + "]", item));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Map<?, ?> members) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> member : members.entrySet()) {
        if (!(member.getKey() instanceof String key)) {
          throw new IllegalArgumentException(
              "extensions value of " + path + " must be a map with string keys");
        }
        copy.put(key, freeze(path + "." + key, member.getValue()));
      }
      return Collections.unmodifiableMap(copy);
    }
    throw new IllegalArgumentException(
        "extensions value of "
            + path
            + " has type "
            + value.getClass().getName()
            + "; allowed: String, Boolean, JDK numbers, collections and string-keyed maps of those");
  }
}

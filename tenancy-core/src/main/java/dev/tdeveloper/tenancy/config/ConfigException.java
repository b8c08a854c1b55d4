package dev.tdeveloper.tenancy.config;

import dev.tdeveloper.tenancy.TenancyException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Thrown when a configuration file cannot be loaded (unreadable, malformed, or semantically
 * invalid) or when a setting is missing or has the wrong type. The message reads {@code
 * file:line:column: field.path: problem}, with the location left out when there is none (a setting
 * that is missing everywhere, an unreadable file). An exception made from several {@link
 * ConfigProblem}s (a file some consumers refuse) lists them one per line; {@link #problems()}
 * returns them.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConfigException extends TenancyException {
  private static final long serialVersionUID = 1L;

  private final transient ConfigLocation location;
  private final String path;
  private final String problem;
  private final transient List<ConfigProblem> problems; // null unless made from a list

  /**
   * Creates an exception for a problem at a known place in a file.
   *
   * @param location where the offending key or value is
   * @param path the dotted field path, for example {@code tenants.acme.plan}
   * @param problem what is wrong and what is allowed
   */
  public ConfigException(ConfigLocation location, String path, String problem) {
    this(location, path, problem, null);
  }

  /**
   * Creates an exception for a problem at a known place in a file, caused by {@code cause}.
   *
   * @param location where the offending key or value is
   * @param path the dotted field path, for example {@code tenants.acme.plan}
   * @param problem what is wrong and what is allowed
   * @param cause the underlying failure, or null
   */
  public ConfigException(ConfigLocation location, String path, String problem, Throwable cause) {
    super(
        Objects.requireNonNull(location, "location")
            + ": "
            + Objects.requireNonNull(path, "path")
            + ": "
            + Objects.requireNonNull(problem, "problem"),
        cause);
    this.location = location;
    this.path = path;
    this.problem = problem;
    this.problems = null;
  }

  /**
   * Creates an exception for a problem about a field or setting without a place in a file.
   *
   * @param path the dotted field path or setting key
   * @param problem what is wrong and what is allowed
   */
  public ConfigException(String path, String problem) {
    super(Objects.requireNonNull(path, "path") + ": " + Objects.requireNonNull(problem, "problem"));
    this.location = null;
    this.path = path;
    this.problem = problem;
    this.problems = null;
  }

  /**
   * Creates an exception for a problem with a whole file, such as one that is too large.
   *
   * @param problem what is wrong, naming the file
   */
  public ConfigException(String problem) {
    this(problem, (Throwable) null);
  }

  /**
   * Creates an exception for a problem with a whole file, such as an I/O failure.
   *
   * @param problem what is wrong, naming the file
   * @param cause the underlying failure, or null
   */
  public ConfigException(String problem, Throwable cause) {
    super(Objects.requireNonNull(problem, "problem"), cause);
    this.location = null;
    this.path = null;
    this.problem = problem;
    this.problems = null;
  }

  /**
   * Creates an exception listing {@code problems}: with one problem, the message is its {@link
   * ConfigProblem#message()} and the location and path are its own; with several, the message
   * counts them and lists one per line, and there is no single location or path.
   *
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public ConfigException(List<ConfigProblem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
    ConfigProblem only = this.problems.size() == 1 ? this.problems.get(0) : null;
    this.location = only == null ? null : only.location().orElse(null);
    this.path = only == null || ConfigProblem.WHOLE_FILE.equals(only.path()) ? null : only.path();
    this.problem = only == null ? getMessage() : only.detail();
  }

  private static String describe(List<ConfigProblem> problems) {
    if (Objects.requireNonNull(problems, "problems").isEmpty()) {
      throw new IllegalArgumentException("problems must not be empty");
    }
    if (problems.size() == 1) {
      return problems.get(0).message();
    }
    return problems.size()
        + " problems:"
        + problems.stream().map(p -> "\n  " + p.message()).collect(Collectors.joining());
  }

  /**
   * Returns every problem this exception reports: those it was made from, else the one it
   * describes.
   */
  public List<ConfigProblem> problems() {
    return problems == null ? List.of(ConfigProblem.of(this)) : problems;
  }

  /** Returns where in the file the problem is, when known. */
  public Optional<ConfigLocation> location() {
    return Optional.ofNullable(location);
  }

  /** Returns the dotted field path or setting key concerned, when there is one. */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }

  /** Returns the problem alone, without location and path. */
  public String problem() {
    return problem;
  }
}

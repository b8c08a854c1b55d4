package dev.tdeveloper.web.health;

import dev.tdeveloper.scaling.health.HealthCheckRegistry;
import dev.tdeveloper.web.problem.ProblemWriter;
import java.util.Objects;

/**
 * Configures a {@link HealthServlet}: the registry is required; each setting may be set once. A
 * rejected argument leaves the builder unchanged.
 *
 * <p>Not thread-safe; the built servlet is immutable and does not see later changes.
 */
public final class HealthServletBuilder {
  HealthCheckRegistry registry;
  Boolean showDetails;
  ProblemWriter problemWriter;

  HealthServletBuilder() {}

  /**
   * Sets the registry whose groups the servlet reports (required).
   *
   * @param registry the registry
   * @return this builder
   * @throws IllegalStateException if a registry was already set
   */
  public HealthServletBuilder registry(HealthCheckRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    if (this.registry != null) {
      throw new IllegalStateException("registry was already set to " + this.registry);
    }
    this.registry = registry;
    return this;
  }

  /**
   * Whether responses show each check's status, details, errors and durations, or the status alone.
   * Default: {@code false}, as Actuator's {@code show-details=never}, because details (host names,
   * exception messages) help an attacker; turn it on only behind operator authentication.
   *
   * @param showDetails true to show the full report
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public HealthServletBuilder showDetails(boolean showDetails) {
    if (this.showDetails != null) {
      throw new IllegalStateException("showDetails was already set to " + this.showDetails);
    }
    this.showDetails = showDetails;
    return this;
  }

  /**
   * Sets the writer of 404 and 405 problem responses. Default: {@link ProblemWriter#create()}.
   *
   * @param problemWriter the writer
   * @return this builder
   * @throws IllegalStateException if already set
   */
  public HealthServletBuilder problemWriter(ProblemWriter problemWriter) {
    Objects.requireNonNull(problemWriter, "problemWriter");
    if (this.problemWriter != null) {
      throw new IllegalStateException("problemWriter was already set");
    }
    this.problemWriter = problemWriter;
    return this;
  }

  /**
   * Builds the servlet.
   *
   * @return the servlet
   * @throws IllegalStateException if no registry was set
   */
  public HealthServlet build() {
    if (registry == null) {
      throw new IllegalStateException("registry is required; set it with registry(...)");
    }
    return new HealthServlet(this);
  }
}

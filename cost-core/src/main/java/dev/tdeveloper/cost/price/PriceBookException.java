package dev.tdeveloper.cost.price;

import dev.tdeveloper.cost.CostException;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link PriceBookLoader} when a price book file cannot be read or is invalid. It lists
 * every problem found, each as {@code file:line:column: path: problem; value: v; allowed: a}, so
 * one run fixes the whole file. Immutable and thread-safe.
 */
public final class PriceBookException extends CostException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  /**
   * Creates an exception listing problems.
   *
   * @param problems what is wrong, in file order; at least one
   * @param cause the underlying failure (a syntax error), or null
   * @throws IllegalArgumentException when {@code problems} is empty
   */
  public PriceBookException(List<ConfigProblem> problems, Throwable cause) {
    super(describe(problems), cause);
    this.problems = List.copyOf(problems);
  }

  private static String describe(List<ConfigProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems: empty; allowed: at least one problem");
    }
    if (problems.size() == 1) {
      return "price book: " + problems.get(0).message();
    }
    return "price book: "
        + problems.size()
        + " problems:"
        + problems.stream().map(p -> "\n  " + p.message()).collect(Collectors.joining());
  }

  /**
   * Every problem found, in file order.
   *
   * @return the problems, at least one
   */
  public List<ConfigProblem> problems() {
    return problems;
  }
}

package dev.tdeveloper.cost.price;

import dev.tdeveloper.cost.money.Money;
import dev.tdeveloper.tenancy.config.ConfigLocation;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.Node;
import dev.tdeveloper.tenancy.config.Scalar;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Binds one parsed price book tree to a {@link StaticPriceBook}, collecting every problem before
 * failing. Prices written as YAML floats are re-read from the source text at their location, since
 * the tree holds floats as {@link Double#toString} text; the digits are kept only when they denote
 * the same double the parser saw. Not thread-safe: one instance per file.
 */
final class PriceBookBinder {
  static final List<String> ROOT_KEYS = List.of("currency", "description", "regions");

  private static final String MODELS =
      Arrays.stream(PricingModel.values()).map(PricingModel::key).collect(Collectors.joining(", "));
  private static final String RESOURCES =
      Arrays.stream(ResourceType.values()).map(ResourceType::key).collect(Collectors.joining(", "));

  private final String name;
  private final String[] lines;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Map<PriceKey, BigDecimal> prices = new LinkedHashMap<>();

  PriceBookBinder(String name, String text) {
    this.name = name;
    this.lines = text.split("\r\n|[\r\n\u0085\u2028\u2029]", -1);
  }

  StaticPriceBook bind(Optional<Node> document) {
    if (document.isEmpty()) {
      problems.add(
          ConfigProblem.at(
              new ConfigLocation(name, 1, 1),
              "(root)",
              "(empty)",
              "the file holds no price book",
              "a mapping with currency and regions"));
      throw failure();
    }
    Node root = document.get();
    Currency currency = null;
    if (root instanceof Node.MapNode map) {
      unknownKeys(map, ROOT_KEYS);
      currency = currency(map).orElse(null);
      Node description = map.values().get("description");
      if (description != null && !isString(description)) {
        problem(description, "expected a string", "a text describing the book's source");
      }
      Node regions = map.values().get("regions");
      if (regions == null) {
        missing(map, "regions", "a mapping of region name to pricing models");
      } else if (nonEmptyMapping(regions, "a mapping of region name to pricing models")) {
        ((Node.MapNode) regions).values().forEach(this::region);
      }
    } else {
      problem(root, "expected a mapping, got " + root.describe(), "keys " + ROOT_KEYS);
    }
    if (!problems.isEmpty()) {
      throw failure();
    }
    StaticPriceBook.Builder book = StaticPriceBook.builder(currency);
    prices.forEach(book::price);
    return book.build();
  }

  private PriceBookException failure() {
    List<ConfigProblem> sorted = new ArrayList<>(problems);
    sorted.sort(ConfigProblem.IN_FILE_ORDER);
    return new PriceBookException(sorted, null);
  }

  private Optional<Currency> currency(Node.MapNode root) {
    Node node = root.values().get("currency");
    String allowed = "an ISO 4217 code such as USD, EUR or GBP";
    if (node == null) {
      missing(root, "currency", allowed);
      return Optional.empty();
    }
    if (!isString(node)) {
      problem(node, "expected a currency code, got " + node.describe(), allowed);
      return Optional.empty();
    }
    try {
      return Optional.of(Money.currency(((Node.ScalarNode) node).value().text()));
    } catch (IllegalArgumentException e) {
      problem(node, "not an ISO 4217 currency code", allowed);
      return Optional.empty();
    }
  }

  private void region(String region, Node node) {
    if (region.isBlank()) {
      problem(node, "blank region name", "a region name such as us-east-1");
      return;
    }
    if (!nonEmptyMapping(node, "a mapping of pricing model (" + MODELS + ") to prices")) {
      return;
    }
    eachKey(
        (Node.MapNode) node,
        PricingModel.class,
        PricingModel::parse,
        "pricing model",
        MODELS,
        (model, value) -> model(region, model, value));
  }

  private void model(String region, PricingModel model, Node node) {
    if (!nonEmptyMapping(node, "a mapping of resource (" + RESOURCES + ") to unit prices")) {
      return;
    }
    eachKey(
        (Node.MapNode) node,
        ResourceType.class,
        ResourceType::parse,
        "resource",
        RESOURCES,
        (resource, value) -> {
          if (resource == ResourceType.EGRESS) {
            egress(region, model, value);
          } else {
            amount(value, resource)
                .ifPresent(p -> prices.put(PriceKey.of(region, resource, model), p));
          }
        });
  }

  /**
   * Calls {@code each} for every key of the mapping that names a constant; an unknown key, or a
   * constant spelled twice (such as {@code vcpu} and {@code VCPU}), is a problem instead.
   */
  private <E extends Enum<E>> void eachKey(
      Node.MapNode map,
      Class<E> type,
      Function<String, E> parse,
      String what,
      String allowed,
      BiConsumer<E, Node> each) {
    Map<E, String> seen = new EnumMap<>(type);
    map.values()
        .forEach(
            (key, value) -> {
              E constant;
              try {
                constant = parse.apply(key);
              } catch (IllegalArgumentException e) {
                keyProblem(map, key, "unknown " + what, allowed);
                return;
              }
              String earlier = seen.putIfAbsent(constant, key);
              if (earlier != null) {
                keyProblem(
                    map,
                    key,
                    what + " given twice, as '" + earlier + "' and '" + key + "'",
                    "each " + what + " once");
                return;
              }
              each.accept(constant, value);
            });
  }

  private void egress(String region, PricingModel model, Node node) {
    String allowed =
        "a mapping of destination to price per GB, e.g. {internet: 0.09, inter-region: 0.02}";
    if (!(node instanceof Node.MapNode)) {
      problem(node, "egress is priced per destination, got " + node.describe(), allowed);
      return;
    }
    if (!nonEmptyMapping(node, allowed)) {
      return;
    }
    ((Node.MapNode) node)
        .values()
        .forEach(
            (destination, value) -> {
              if (destination.isBlank()) {
                problem(value, "blank egress destination", "a destination such as internet");
                return;
              }
              amount(value, ResourceType.EGRESS)
                  .ifPresent(
                      p ->
                          prices.put(
                              new PriceKey(
                                  region, ResourceType.EGRESS, model, Optional.of(destination)),
                              p));
            });
  }

  private Optional<BigDecimal> amount(Node node, ResourceType resource) {
    String allowed =
        "a decimal number >= 0, the price per " + resource.unit() + ", such as 0.0400 or '0.0400'";
    if (!(node instanceof Node.ScalarNode scalar) || scalar.value().kind() == Scalar.Kind.BOOLEAN) {
      problem(node, "expected a price, got " + node.describe(), allowed);
      return Optional.empty();
    }
    Scalar value = scalar.value();
    String written =
        value.kind() == Scalar.Kind.FLOAT ? writtenNumber(node).orElse(value.text()) : value.text();
    BigDecimal price;
    try {
      price = new BigDecimal(written.trim());
    } catch (NumberFormatException e) {
      problem(node, written, "not a decimal number", allowed);
      return Optional.empty();
    }
    if (value.kind() == Scalar.Kind.FLOAT
        && price.doubleValue() != Double.parseDouble(value.text())) {
      problem(
          node,
          written,
          "the digits of this number could not be read exactly",
          "a quoted decimal such as '0.0000004'");
      return Optional.empty();
    }
    if (price.signum() < 0) {
      problem(node, written, "negative price", allowed);
      return Optional.empty();
    }
    return Optional.of(price);
  }

  /** The number as written at the node's location: up to a separator, without '_' digit groups. */
  private Optional<String> writtenNumber(Node node) {
    ConfigLocation at = node.location();
    if (at.line() > lines.length) {
      return Optional.empty();
    }
    String line = lines[at.line() - 1];
    int start = at.column() - 1;
    if (start >= line.length()) {
      return Optional.empty();
    }
    int end = start;
    while (end < line.length() && " \t,}]#".indexOf(line.charAt(end)) < 0) {
      end++;
    }
    return Optional.of(line.substring(start, end).replace("_", ""));
  }

  private boolean nonEmptyMapping(Node node, String allowed) {
    if (!(node instanceof Node.MapNode map)) {
      problem(node, "expected a mapping, got " + node.describe(), allowed);
      return false;
    }
    if (map.values().isEmpty()) {
      problem(node, "empty mapping", allowed);
      return false;
    }
    return true;
  }

  private void unknownKeys(Node.MapNode map, List<String> known) {
    map.values().keySet().stream()
        .filter(k -> !known.contains(k))
        .forEach(k -> keyProblem(map, k, "unknown key", "one of " + known));
  }

  private void missing(Node.MapNode map, String key, String allowed) {
    problems.add(
        ConfigProblem.at(
            map.location(), map.childPath(key), "(missing)", "required key missing", allowed));
  }

  private void keyProblem(Node.MapNode map, String key, String problem, String allowed) {
    ConfigLocation at = map.keyLocations().getOrDefault(key, map.location());
    problems.add(ConfigProblem.at(at, map.childPath(key), key, problem, allowed));
  }

  private void problem(Node node, String problem, String allowed) {
    String value =
        node instanceof Node.ScalarNode s ? s.value().text() : "(" + node.describe() + ")";
    problem(node, value, problem, allowed);
  }

  private void problem(Node node, String value, String problem, String allowed) {
    problems.add(ConfigProblem.at(node.location(), node.shownPath(), value, problem, allowed));
  }

  private static boolean isString(Node node) {
    return node instanceof Node.ScalarNode s && s.value().kind() == Scalar.Kind.STRING;
  }
}

package dev.tdeveloper.cost.price;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigLocation;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import dev.tdeveloper.tenancy.config.Node;
import dev.tdeveloper.tenancy.config.YamlConfigFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads a price book from YAML or JSON (the format is described in {@code docs/price-book.md}):
 *
 * <pre>{@code
 * currency: USD
 * regions:
 *   us-east-1:
 *     on-demand: {vcpu: 0.0400, ram: 0.0050, storage: 0.08, gpu: 2.50, requests: 0.0000004,
 *                 egress: {internet: 0.09, inter-region: 0.02, same-region: 0}}
 *     spot: {vcpu: 0.0140, ram: 0.0018}
 * }</pre>
 *
 * <p>Files are read with tenancy-core's {@link YamlConfigFiles} (1 MiB, UTF-8, no aliases or
 * anchors, no duplicate keys, 32 levels); JSON is read by the same reader, after a strict JSON
 * syntax check. Prices are parsed to {@link java.math.BigDecimal} from the digits as written, never
 * through a {@code double}: {@code 0.0000004} stays exactly that. A file that parses is checked
 * whole and every problem is reported at once in a {@link PriceBookException}. Thread-safe: holds
 * no state.
 */
public final class PriceBookLoader {
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** The syntax of a price book file. */
  public enum Format {
    /** YAML 1.1 ({@code .yaml}, {@code .yml}). */
    YAML,
    /** JSON ({@code .json}), checked to be strict JSON. */
    JSON;

    /**
     * The format a file name's extension names.
     *
     * @param path a file
     * @return the format, or empty for another extension
     */
    public static Optional<Format> ofFileName(Path path) {
      Path name = Objects.requireNonNull(path, "path").getFileName();
      String file = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
      if (file.endsWith(".yaml") || file.endsWith(".yml")) {
        return Optional.of(YAML);
      }
      return file.endsWith(".json") ? Optional.of(JSON) : Optional.empty();
    }
  }

  private PriceBookLoader() {}

  /**
   * Loads a file whose extension ({@code .yaml}, {@code .yml} or {@code .json}) names its format.
   *
   * @param path the file; problems name it as {@code path.toString()}
   * @return the book
   * @throws PriceBookException listing every problem, or for another extension
   */
  public static StaticPriceBook load(Path path) {
    Format format =
        Format.ofFileName(path)
            .orElseThrow(
                () ->
                    new PriceBookException(
                        List.of(
                            ConfigProblem.of(
                                new ConfigException(
                                    path
                                        + ": unknown price book format; allowed: a .yaml, .yml or"
                                        + " .json file, or name the format explicitly"))),
                        null));
    return load(path, format);
  }

  /**
   * Loads a file in the given format, whatever its extension.
   *
   * @param path the file; problems name it as {@code path.toString()}
   * @param format its syntax
   * @return the book
   * @throws PriceBookException listing every problem of the file, or when it cannot be read
   */
  public static StaticPriceBook load(Path path, Format format) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    String name = path.toString();
    byte[] bytes;
    try {
      bytes = YamlConfigFiles.read(path);
    } catch (ConfigException e) {
      throw new PriceBookException(e.problems(), e);
    }
    return parse(name, decode(name, bytes), format);
  }

  /**
   * Parses price book text.
   *
   * @param name the name problems give the text, a file name for example
   * @param text the content
   * @param format its syntax
   * @return the book
   * @throws PriceBookException listing every problem of the text
   */
  public static StaticPriceBook parse(String name, String text, Format format) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(format, "format");
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Optional<Node> root;
    try {
      if (format == Format.JSON) {
        checkJson(name, content);
      }
      root = YamlConfigFiles.parse(name, content);
    } catch (ConfigException e) {
      throw new PriceBookException(e.problems(), e);
    }
    return new PriceBookBinder(name, content).bind(root);
  }

  private static void checkJson(String name, String text) {
    try (JsonParser parser = JSON.createParser(text)) {
      while (parser.nextToken() != null) {
        parser.skipChildren();
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      ConfigLocation location =
          new ConfigLocation(
              name,
              at == null ? 1 : Math.max(1, at.getLineNr()),
              at == null ? 1 : Math.max(1, at.getColumnNr()));
      String message = e.getOriginalMessage() == null ? "unknown error" : e.getOriginalMessage();
      throw new ConfigException(
          location, "(root)", "invalid JSON: " + message.replace('\n', ' '), e);
    } catch (IOException e) {
      // Parsing a String performs no I/O; Jackson declares the exception anyway.
      throw new UncheckedIOException(e);
    }
  }

  private static String decode(String name, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new PriceBookException(
          List.of(ConfigProblem.of(new ConfigException(name + ": the file is not valid UTF-8"))),
          e);
    }
  }
}

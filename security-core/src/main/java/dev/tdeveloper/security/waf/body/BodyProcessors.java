package dev.tdeveloper.security.waf.body;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The request body processors by the names {@code ctl:requestBodyProcessor} and {@code
 * REQBODY_PROCESSOR} use ({@code URLENCODED}, {@code MULTIPART}, {@code JSON}, {@code XML}), and
 * the choice of one from a {@code Content-Type}. Immutable and thread-safe; the processors too.
 *
 * <p>ModSecurity picks a processor from the {@code Content-Type} only for URL-encoded and multipart
 * bodies ({@link #forContentType}); JSON and XML are switched on by rules (the recommended
 * configuration's rules 200000 and 200001), which {@link #forContentTypeIncludingJsonAndXml}
 * reproduces for callers who run without them.
 */
public final class BodyProcessors {
  /** The prefix of {@code REQBODY_ERROR_MSG} for a multipart body. */
  public static final String MULTIPART_ERROR_PREFIX = "Multipart parsing error: ";

  /** The prefix of {@code REQBODY_ERROR_MSG} for a JSON body. */
  public static final String JSON_ERROR_PREFIX = "JSON parsing error: ";

  /** The prefix of {@code REQBODY_ERROR_MSG} for an XML body. */
  public static final String XML_ERROR_PREFIX = "XML parsing error: ";

  private static final BodyProcessors DEFAULTS = new BodyProcessors(BodyProcessorConfig.DEFAULTS);

  private final BodyProcessorConfig config;
  private final BodyProcessor urlEncoded;
  private final BodyProcessor multipart;
  private final BodyProcessor json;
  private final BodyProcessor xml;

  private BodyProcessors(BodyProcessorConfig config) {
    this.config = config;
    this.urlEncoded = new UrlEncodedProcessor(config.argumentSeparator());
    this.multipart = new MultipartProcessor(config.uploadFileLimit());
    this.json = new JsonProcessor(config.jsonDepthLimit());
    this.xml = new XmlProcessor();
  }

  /**
   * The processors with ModSecurity's defaults ({@link BodyProcessorConfig#DEFAULTS}).
   *
   * @return the shared instance
   */
  public static BodyProcessors defaults() {
    return DEFAULTS;
  }

  /**
   * The processors with given settings.
   *
   * @param config the settings
   * @return the processors
   * @throws NullPointerException when {@code config} is null
   */
  public static BodyProcessors of(BodyProcessorConfig config) {
    return new BodyProcessors(Objects.requireNonNull(config, "config"));
  }

  /**
   * The settings in force.
   *
   * @return the settings
   */
  public BodyProcessorConfig config() {
    return config;
  }

  /**
   * A processor by name.
   *
   * @param name {@code URLENCODED}, {@code MULTIPART}, {@code JSON} or {@code XML}, any case
   * @return the processor; empty for any other name
   */
  public Optional<BodyProcessor> byName(String name) {
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "URLENCODED" -> Optional.of(urlEncoded);
      case "MULTIPART" -> Optional.of(multipart);
      case "JSON" -> Optional.of(json);
      case "XML" -> Optional.of(xml);
      default -> Optional.empty();
    };
  }

  /**
   * The processor ModSecurity picks for a {@code Content-Type} by itself: {@code URLENCODED} for
   * one that starts with {@code application/x-www-form-urlencoded}, {@code MULTIPART} for {@code
   * multipart/form-data} (any case).
   *
   * @param contentType the header as sent; empty when absent
   * @return the processor's name (the {@code REQBODY_PROCESSOR} value); empty for other types
   */
  public static Optional<String> forContentType(String contentType) {
    String ct = contentType.toLowerCase(Locale.ROOT);
    if (ct.startsWith("application/x-www-form-urlencoded")) {
      return Optional.of("URLENCODED");
    }
    if (ct.startsWith("multipart/form-data")) {
      return Optional.of("MULTIPART");
    }
    return Optional.empty();
  }

  /**
   * As {@link #forContentType}, and also {@code XML} for {@code text/xml}, {@code application/xml},
   * {@code application/soap+xml} and {@code application/*+xml}, {@code JSON} for {@code
   * application/json} and {@code application/*+json} (any case, parameters ignored), as the
   * recommended rules 200000 and 200001 switch them on.
   *
   * @param contentType the header as sent; empty when absent
   * @return the processor's name; empty for other types
   */
  public static Optional<String> forContentTypeIncludingJsonAndXml(String contentType) {
    Optional<String> basic = forContentType(contentType);
    if (basic.isPresent()) {
      return basic;
    }
    String ct = contentType.toLowerCase(Locale.ROOT).strip();
    int semicolon = ct.indexOf(';');
    String media = (semicolon < 0 ? ct : ct.substring(0, semicolon)).strip();
    if (ct.startsWith("text/xml")
        || ct.startsWith("application/xml")
        || ct.startsWith("application/soap+xml")
        || (media.startsWith("application/") && media.endsWith("+xml"))) {
      return Optional.of("XML");
    }
    if (ct.startsWith("application/json")
        || (media.startsWith("application/") && media.endsWith("+json"))) {
      return Optional.of("JSON");
    }
    return Optional.empty();
  }
}

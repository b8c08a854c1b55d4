package dev.tdeveloper.security.waf.body;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a body processor made of a request body. Immutable.
 *
 * @param args the arguments in order ({@code ARGS_POST}); for JSON {@code json.a.b}
 * @param files the file parts of a multipart body
 * @param flags variables the processor sets, e.g. {@code MULTIPART_STRICT_ERROR -> 1}, {@code
 *     MULTIPART_UNMATCHED_BOUNDARY -> 0}: every flag of the processor, 0 or 1 (or a count)
 * @param error the {@code REQBODY_ERROR_MSG} when the body could not be processed (malformed JSON,
 *     an invalid multipart structure): {@code REQBODY_ERROR} is then 1
 * @param xml the parsed document of an XML body, for {@code XML:/xpath}
 * @param collections keyed collections the processor fills besides the arguments, by upper-case
 *     variable name, each a list of key/value pairs in order of appearance: the multipart processor
 *     sets {@code MULTIPART_PART_HEADERS} (key: the part's name, value: one header line as sent,
 *     {@code Content-Type: text/plain}), {@code MULTIPART_NAME} and {@code MULTIPART_FILENAME} (key
 *     and value: each {@code name}/{@code filename} parameter of a {@code Content-Disposition}
 *     header); empty for the other processors
 */
public record BodyResult(
    List<Arg> args,
    List<FilePart> files,
    Map<String, Integer> flags,
    Optional<String> error,
    Optional<XmlBody> xml,
    Map<String, List<Arg>> collections) {
  /** Validates and copies. */
  public BodyResult {
    args = List.copyOf(args);
    files = List.copyOf(files);
    flags = Map.copyOf(flags);
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(xml, "xml");
    Map<String, List<Arg>> copy = new LinkedHashMap<>();
    collections.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    collections = Map.copyOf(copy);
  }

  /**
   * A result without extra collections (every processor but multipart).
   *
   * @param args the arguments in order
   * @param files the file parts
   * @param flags the processor's flags
   * @param error the error message, when the body could not be processed
   * @param xml the parsed XML document
   */
  public BodyResult(
      List<Arg> args,
      List<FilePart> files,
      Map<String, Integer> flags,
      Optional<String> error,
      Optional<XmlBody> xml) {
    this(args, files, flags, error, xml, Map.of());
  }

  /**
   * A body that could not be processed.
   *
   * @param message the {@code REQBODY_ERROR_MSG}
   * @return the result, without arguments
   */
  public static BodyResult failed(String message) {
    return new BodyResult(List.of(), List.of(), Map.of(), Optional.of(message), Optional.empty());
  }

  /**
   * The values of one extra collection.
   *
   * @param name the upper-case variable name, e.g. {@code MULTIPART_PART_HEADERS}
   * @return its key/value pairs in order; empty when the processor does not set it
   */
  public List<Arg> collection(String name) {
    return collections.getOrDefault(name, List.of());
  }
}

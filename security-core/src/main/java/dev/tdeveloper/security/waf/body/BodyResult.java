package dev.tdeveloper.security.waf.body;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a body processor made of a request body.
 *
 * @param args the arguments in order ({@code ARGS_POST}); for JSON {@code json.a.b}
 * @param files the file parts of a multipart body
 * @param flags variables the processor sets, e.g. {@code MULTIPART_STRICT_ERROR -> 1}, {@code
 *     MULTIPART_UNMATCHED_BOUNDARY -> 0}: every flag of the processor, 0 or 1 (or a count)
 * @param error the {@code REQBODY_ERROR_MSG} when the body could not be processed (malformed JSON,
 *     an invalid multipart structure): {@code REQBODY_ERROR} is then 1
 * @param xml the parsed document of an XML body, for {@code XML:/xpath}
 */
public record BodyResult(
    List<Arg> args,
    List<FilePart> files,
    Map<String, Integer> flags,
    Optional<String> error,
    Optional<XmlBody> xml) {
  /** Validates and copies. */
  public BodyResult {
    args = List.copyOf(args);
    files = List.copyOf(files);
    flags = Map.copyOf(flags);
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(xml, "xml");
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
}

package dev.tdeveloper.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tdeveloper.web.problem.ProblemDetails;
import dev.tdeveloper.web.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;

/** JSON in and out of the demo's servlets. Thread-safe. */
public final class Json {
  /** The mapper every servlet shares; configured once, never changed afterwards. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /**
   * The problem writer: the default one, which renders the demo's problems (strings and numbers, no
   * dates) as {@link #MAPPER} would, byte for byte, through Jackson's streaming generator.
   */
  static final ProblemWriter PROBLEMS = ProblemWriter.create();

  private static final int MAX_TYPES = 256;
  private static final ConcurrentHashMap<String, URI> TYPES = new ConcurrentHashMap<>();

  private Json() {}

  /** Writes {@code body} as {@code application/json} with {@code status}. */
  public static void send(HttpServletResponse response, int status, Object body)
      throws IOException {
    byte[] bytes = MAPPER.writeValueAsBytes(body);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /**
   * Answers with an RFC 9457 problem of type {@code slug}.
   *
   * @throws IllegalArgumentException if {@code slug} is not a valid problem slug
   */
  public static void problem(
      HttpServletResponse response, String slug, String title, int status, String detail)
      throws IOException {
    PROBLEMS.write(response, ProblemDetails.of(typeOf(slug), title, status).withDetail(detail));
  }

  /**
   * Returns {@link ProblemDetails#typeOf} of {@code slug}, built once per slug: the demo's slugs
   * are a few literals, answered on every refusal (a tenant over its quota, say). Past {@value
   * #MAX_TYPES} slugs each is built anew, so the map stays small whatever callers pass.
   */
  static URI typeOf(String slug) {
    URI type = TYPES.get(slug);
    if (type == null) {
      type = ProblemDetails.typeOf(slug);
      if (TYPES.size() < MAX_TYPES) {
        TYPES.putIfAbsent(slug, type);
      }
    }
    return type;
  }
}

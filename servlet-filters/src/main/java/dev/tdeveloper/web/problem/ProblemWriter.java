package dev.tdeveloper.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Sends {@link ProblemDetails} as an RFC 9457 {@code application/problem+json} response, with the
 * standard members first ({@code type}, {@code title}, {@code status}, then {@code detail} and
 * {@code instance} when present) followed by the extension members.
 *
 * <p>Immutable and thread-safe: one instance serves every request.
 */
public final class ProblemWriter {
  /** The media type of a problem response: {@value}. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private static final ProblemWriter DEFAULT = new ProblemWriter(new ObjectMapper(), true);

  private final ObjectMapper mapper;

  /** Whether the mapper is the default one, whose bytes {@link StreamedJson} writes. */
  private final boolean compact;

  private ProblemWriter(ObjectMapper mapper, boolean compact) {
    this.mapper = mapper;
    this.compact = compact;
  }

  /** Returns a writer using a default Jackson {@link ObjectMapper}. */
  public static ProblemWriter create() {
    return DEFAULT;
  }

  /**
   * Returns a writer using {@code mapper}, for services that configure Jackson themselves (for
   * example to pretty-print). The mapper must not be reconfigured afterwards.
   */
  public static ProblemWriter using(ObjectMapper mapper) {
    return new ProblemWriter(Objects.requireNonNull(mapper, "mapper"), false);
  }

  /** Returns {@code problem} as a UTF-8 JSON document. */
  public byte[] toJson(ProblemDetails problem) {
    Objects.requireNonNull(problem, "problem");
    if (!compact) {
      return jackson(problem);
    }
    try {
      return StreamedJson.render(mapper, problem);
    } catch (IOException e) {
      // Only strings, numbers, booleans, lists and maps reach Jackson, so this cannot happen.
      throw new UncheckedIOException("cannot serialize problem " + problem.type(), e);
    }
  }

  /** Returns {@code problem} rendered by the Jackson mapper, whatever its members hold. */
  byte[] jackson(ProblemDetails problem) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("type", problem.type().toString());
    members.put("title", problem.title());
    members.put("status", problem.status());
    problem.detail().ifPresent(detail -> members.put("detail", detail));
    problem.instance().ifPresent(instance -> members.put("instance", instance.toString()));
    members.putAll(problem.extensions());
    try {
      return mapper.writeValueAsBytes(members);
    } catch (JsonProcessingException e) {
      // Only strings, numbers, booleans, lists and maps reach Jackson, so this cannot happen.
      throw new UncheckedIOException("cannot serialize problem " + problem.type(), e);
    }
  }

  /**
   * Answers the request with {@code problem}: sets the status, {@code Content-Type: }{@value
   * #MEDIA_TYPE}, {@code Content-Length} and {@code Cache-Control: no-store}, and writes the body.
   * Headers set earlier (for example rate-limit headers) are kept; buffered body content is
   * discarded.
   *
   * @throws IllegalStateException if the response is already committed
   * @throws IOException if writing to the client fails
   */
  public void write(HttpServletResponse response, ProblemDetails problem) throws IOException {
    Objects.requireNonNull(response, "response");
    send(response, problem.type(), problem.status(), toJson(problem));
  }

  /**
   * Returns {@code problem} rendered once by this writer, for a service that answers the same
   * problem many times: {@link #write(HttpServletResponse, Rendered)} then sends exactly what
   * {@link #write(HttpServletResponse, ProblemDetails)} sends for it, without rendering it again.
   */
  public Rendered render(ProblemDetails problem) {
    return new Rendered(problem.type(), problem.status(), toJson(problem));
  }

  /**
   * Answers the request with a problem rendered by {@link #render}, exactly as {@link
   * #write(HttpServletResponse, ProblemDetails)} answers with the problem itself.
   *
   * @throws IllegalStateException if the response is already committed
   * @throws IOException if writing to the client fails
   */
  public void write(HttpServletResponse response, Rendered problem) throws IOException {
    Objects.requireNonNull(response, "response");
    send(response, problem.type, problem.status, problem.body);
  }

  private static void send(HttpServletResponse response, URI type, int status, byte[] body)
      throws IOException {
    if (response.isCommitted()) {
      throw new IllegalStateException(
          "cannot send problem " + type + ": the response is already committed");
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(MEDIA_TYPE);
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * A problem rendered by {@link ProblemWriter#render}: its type, status and body bytes. Immutable
   * and thread-safe: one instance can answer any number of requests.
   */
  public static final class Rendered {
    private final URI type;
    private final int status;
    private final byte[] body;

    private Rendered(URI type, int status, byte[] body) {
      this.type = type;
      this.status = status;
      this.body = body;
    }

    /** Returns the problem's status. */
    public int status() {
      return status;
    }

    /** Returns a copy of the body bytes the response carries. */
    public byte[] body() {
      return body.clone();
    }

    @Override
    public String toString() {
      return "Rendered[" + type + ", " + status + ", " + body.length + " bytes]";
    }
  }
}

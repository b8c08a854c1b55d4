package dev.tdeveloper.web.waf;

import dev.tdeveloper.security.waf.Interruption;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The response the application writes to: it holds the answer back until the WAF has seen it. Phase
 * 3 runs when the body starts (first write, flush, {@code sendError}, or the end of the request),
 * with the headers and status set so far. When the WAF reads response bodies ({@code
 * SecResponseBodyAccess}) and the content type is one of {@code SecResponseBodyMimeType}, the body
 * is buffered up to the limit and phase 4 runs on it before a byte leaves; beyond the limit the
 * WAF's {@code SecResponseBodyLimitAction} decides: {@code ProcessPartial} inspects the buffered
 * part and streams the rest uninspected, {@code Reject} blocks with 500 (as ModSecurity does).
 * Other bodies pass through as written. Not thread-safe: one per request.
 */
final class InspectedResponse extends HttpServletResponseWrapper {
  private enum State {
    OPEN,
    BUFFERING,
    PASSING,
    BLOCKED
  }

  private final GuardedTransaction tx;
  private final ResponseInspection inspection;
  private final String protocol;
  // Made when the body is to be held back (BUFFERING): most responses are not.
  private ByteArrayOutputStream buffer;
  private final Body body = new Body();
  private State state = State.OPEN;
  private PrintWriter writer;
  private boolean usedStream;
  private boolean phase4Done;
  private Interruption tooLarge;

  InspectedResponse(
      HttpServletResponse response,
      GuardedTransaction tx,
      ResponseInspection inspection,
      String protocol) {
    super(response);
    this.tx = tx;
    this.inspection = inspection;
    this.protocol = protocol;
  }

  /** Returns the interruption of the response body limit under {@code Reject}, if it struck. */
  Optional<Interruption> tooLarge() {
    return Optional.ofNullable(tooLarge);
  }

  /**
   * Ends the application's part: runs phase 3 if it has not run, then phase 4 on the buffered body.
   * Called once, after the chain returned; then {@link #release()} sends what the WAF let through.
   */
  void finish() {
    if (writer != null) {
      writer.flush();
    }
    startBody();
    if (state == State.BUFFERING) {
      inspectBody();
    } else if (!phase4Done) {
      phase4Done = true;
      tx.run(t -> t.processResponseBody());
    }
  }

  /** Writes out the body held back, unless the WAF interrupted. */
  void release() throws IOException {
    if (state == State.BUFFERING) {
      buffer.writeTo(getResponse().getOutputStream()); // no copy of the held body
      buffer.reset();
      state = State.PASSING;
    }
  }

  /**
   * Stops holding the response back (an asynchronous request keeps writing after the filter
   * returned): runs phase 3 if needed, sends what is buffered and passes the rest through.
   */
  void passThrough() throws IOException {
    if (writer != null) {
      writer.flush();
    }
    startBody();
    if (state == State.BUFFERING) {
      buffer.writeTo(getResponse().getOutputStream()); // no copy of the held body
      buffer.reset();
      state = State.PASSING;
    }
  }

  @Override
  public ServletOutputStream getOutputStream() {
    if (writer != null) {
      throw new IllegalStateException("getWriter() was already called on this response");
    }
    usedStream = true;
    return body;
  }

  @Override
  public PrintWriter getWriter() {
    if (usedStream) {
      throw new IllegalStateException("getOutputStream() was already called on this response");
    }
    if (writer == null) {
      writer = new PrintWriter(new OutputStreamWriter(body, charset()));
    }
    return writer;
  }

  @Override
  public void flushBuffer() throws IOException {
    if (writer != null) {
      writer.flush(); // ends in flushHeld() through the stream under the writer
    } else {
      flushHeld();
    }
  }

  /** Flushes the container's buffer once the body is no longer held back; else does nothing. */
  private void flushHeld() throws IOException {
    startBody();
    if (state == State.PASSING) {
      super.flushBuffer();
    }
  }

  @Override
  public void resetBuffer() {
    if (buffer != null) {
      buffer.reset();
    }
    super.resetBuffer();
  }

  @Override
  public void reset() {
    if (buffer != null) {
      buffer.reset();
    }
    super.reset();
  }

  @Override
  public void sendError(int sc) throws IOException {
    sendError(sc, null);
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    setStatus(sc);
    startBody();
    if (state != State.BLOCKED) {
      state = State.PASSING; // the container writes its error page: not ours to hold
      if (msg == null) {
        super.sendError(sc);
      } else {
        super.sendError(sc, msg);
      }
    }
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    setStatus(SC_FOUND);
    setHeader("Location", location);
    startBody();
    if (state != State.BLOCKED) {
      state = State.PASSING;
      super.sendRedirect(location);
    }
  }

  /** Runs phase 3 once, when the headers are final, and chooses how the body is handled. */
  private void startBody() {
    if (state != State.OPEN) {
      return;
    }
    HttpServletResponse response = (HttpServletResponse) getResponse();
    tx.run(
        t -> {
          if (inspection.headers()) { // else no rule reads them: listing them costs the most here
            for (String name : response.getHeaderNames()) {
              for (String value : response.getHeaders(name)) {
                t.addResponseHeader(name, Bytes.of(value));
              }
            }
          }
          t.processResponseHeaders(response.getStatus(), protocol);
        });
    if (tx.interruption().isPresent()) {
      state = State.BLOCKED;
    } else if (inspection.bodyAccess() && inspection.inspects(response.getContentType())) {
      buffer = new ByteArrayOutputStream();
      state = State.BUFFERING;
    } else {
      state = State.PASSING;
    }
  }

  private void write(byte[] bytes, int off, int len) throws IOException {
    startBody();
    switch (state) {
      case BLOCKED -> {} // the WAF answers instead; the application's bytes are dropped
      case PASSING -> getResponse().getOutputStream().write(bytes, off, len);
      case BUFFERING -> {
        long room = inspection.limit() - buffer.size();
        if (len <= room) {
          buffer.write(bytes, off, len);
        } else {
          overflow(bytes, off, len, (int) room);
        }
      }
      case OPEN -> throw new IllegalStateException("phase 3 has not run");
    }
  }

  private void overflow(byte[] bytes, int off, int len, int room) throws IOException {
    if (inspection.limitReject()) {
      tooLarge = new Interruption(0, Interruption.Action.DENY, 500, Optional.empty(), 4);
      state = State.BLOCKED;
      buffer.reset();
      return;
    }
    buffer.write(bytes, off, room);
    inspectBody();
    if (state == State.BUFFERING) {
      ServletOutputStream out = getResponse().getOutputStream();
      buffer.writeTo(out);
      out.write(bytes, off + room, len - room);
      buffer.reset();
      state = State.PASSING;
    }
  }

  private void inspectBody() {
    phase4Done = true;
    byte[] inspected = buffer.toByteArray();
    tx.run(
        t -> {
          t.appendResponseBody(inspected);
          t.processResponseBody();
        });
    if (tx.interruption().isPresent()) {
      state = State.BLOCKED;
      buffer.reset();
    }
  }

  private Charset charset() {
    String name = getCharacterEncoding();
    try {
      return name == null ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
    } catch (IllegalArgumentException unknown) {
      return StandardCharsets.ISO_8859_1;
    }
  }

  /**
   * What the WAF reads of responses, fixed when the filter is built: the headers only when a rule
   * can read them ({@link dev.tdeveloper.security.waf.Waf#readsResponseHeaders()}).
   */
  record ResponseInspection(
      boolean headers, boolean bodyAccess, Set<String> mimeTypes, long limit, boolean limitReject) {
    /** Whether a body of {@code contentType} (parameters ignored) is inspected. */
    boolean inspects(String contentType) {
      if (contentType == null) {
        return false;
      }
      int semi = contentType.indexOf(';');
      String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
      return mimeTypes.contains(type.toLowerCase(Locale.ROOT));
    }
  }

  /** The stream handed to the application. */
  private final class Body extends ServletOutputStream {
    @Override
    public void write(int b) throws IOException {
      InspectedResponse.this.write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      InspectedResponse.this.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      flushHeld();
    }

    @Override
    public boolean isReady() {
      return true;
    }

    /** Always ready: writes are buffered, or blocking writes to the container's stream. */
    @Override
    public void setWriteListener(WriteListener listener) {
      try {
        listener.onWritePossible();
      } catch (IOException e) {
        listener.onError(e);
      }
    }
  }
}

package dev.tdeveloper.web.waf;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request the application sees after the WAF consumed the body: {@link #getInputStream()} and
 * {@link #getReader()} replay the bytes the WAF read, followed by the unread rest of the original
 * stream (a body longer than the WAF's limit under {@code ProcessPartial}). Because the container
 * can no longer read a form body itself, the parameters of an {@code
 * application/x-www-form-urlencoded} POST are parsed here from the query string and the replayed
 * body (query first, as the servlet specification orders them), decoded in the request's character
 * encoding (UTF-8 when none). A form body longer than what the WAF buffered is refused with an
 * {@link IllegalStateException}, as containers refuse forms over their size limit. Multipart bodies
 * are not re-parsed: {@code getParts()} is the container's and sees no body. Not thread-safe: one
 * per request.
 */
final class ReplayedRequest extends HttpServletRequestWrapper {
  private final byte[] head;
  private final InputStream rest;
  private ServletInputStream stream;
  private BufferedReader reader;
  private Map<String, String[]> form;

  /**
   * @param head the body bytes read by the filter
   * @param rest the original stream when the body may continue past {@code head}, else null
   */
  ReplayedRequest(HttpServletRequest request, byte[] head, InputStream rest) {
    super(request);
    this.head = head;
    this.rest = rest;
  }

  @Override
  public ServletInputStream getInputStream() {
    if (reader != null) {
      throw new IllegalStateException("getReader() was already called on this request");
    }
    if (stream == null) {
      InputStream buffered = new ByteArrayInputStream(head);
      stream = new Replay(rest == null ? buffered : new SequenceInputStream(buffered, rest));
    }
    return stream;
  }

  @Override
  public BufferedReader getReader() {
    if (stream != null && reader == null) {
      throw new IllegalStateException("getInputStream() was already called on this request");
    }
    if (reader == null) {
      ServletInputStream in = getInputStream();
      reader = new BufferedReader(new InputStreamReader(in, charset()));
    }
    return reader;
  }

  @Override
  public String getParameter(String name) {
    if (!isForm()) {
      return super.getParameter(name);
    }
    String[] values = form().get(name);
    return values == null ? null : values[0];
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return isForm() ? form() : super.getParameterMap();
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return isForm() ? Collections.enumeration(form().keySet()) : super.getParameterNames();
  }

  @Override
  public String[] getParameterValues(String name) {
    if (!isForm()) {
      return super.getParameterValues(name);
    }
    String[] values = form().get(name);
    return values == null ? null : values.clone();
  }

  private boolean isForm() {
    String type = getContentType();
    return "POST".equalsIgnoreCase(getMethod())
        && type != null
        && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  private Map<String, String[]> form() {
    if (form == null) {
      Charset charset = charset();
      Map<String, List<String>> values = new LinkedHashMap<>();
      String query = getQueryString();
      if (query != null) {
        parse(query, charset, values);
      }
      if (stream == null && reader == null) {
        if (rest != null) {
          throw new IllegalStateException(
              "form body is larger than the " + head.length + " bytes the WAF inspected");
        }
        parse(new String(head, StandardCharsets.ISO_8859_1), charset, values);
        getInputStream(); // the body is now consumed, as after a container's form parsing
      }
      Map<String, String[]> frozen = new LinkedHashMap<>();
      values.forEach((k, v) -> frozen.put(k, v.toArray(String[]::new)));
      form = Collections.unmodifiableMap(frozen);
    }
    return form;
  }

  /** Parses {@code a=1&b=2} given as a byte string into {@code into}, decoding leniently. */
  static void parse(String bytes, Charset charset, Map<String, List<String>> into) {
    int start = 0;
    while (start <= bytes.length()) {
      int end = bytes.indexOf('&', start);
      if (end < 0) {
        end = bytes.length();
      }
      if (end > start) {
        String pair = bytes.substring(start, end);
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq), charset);
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1), charset);
        into.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
      start = end + 1;
    }
  }

  private static String decode(String bytes, Charset charset) {
    String text = new String(bytes.getBytes(StandardCharsets.ISO_8859_1), charset);
    try {
      return URLDecoder.decode(text, charset);
    } catch (IllegalArgumentException malformed) {
      return text; // a broken %-escape: keep it as sent rather than fail the application
    }
  }

  private Charset charset() {
    String name = getCharacterEncoding();
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException unknown) {
      return StandardCharsets.UTF_8;
    }
  }

  /** A blocking servlet stream over the replayed bytes. */
  private static final class Replay extends ServletInputStream {
    private final InputStream in;
    private boolean finished;

    Replay(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      finished |= b < 0;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      finished |= n < 0;
      return n;
    }

    @Override
    public boolean isFinished() {
      return finished;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    /** Reports all data at once: the replay is in memory or a blocking read of the original. */
    @Override
    public void setReadListener(ReadListener listener) {
      try {
        listener.onDataAvailable();
        listener.onAllDataRead();
      } catch (IOException e) {
        listener.onError(e);
        throw new UncheckedIOException(e);
      }
    }
  }
}

package dev.tdeveloper.web.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny HTTP/1.1 client over a raw socket, so tests can send any {@code Host} header and headers
 * larger than a typical client allows. One request per connection ({@code Connection: close}).
 */
public final class RawHttp {
  private RawHttp() {}

  /** A parsed response; header names are lower case. */
  public record Response(int status, Map<String, String> headers, String body) {
    /** Returns the header {@code name}, matched case-insensitively. */
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  /**
   * Sends {@code GET path} to the loopback {@code port} with {@code headers} (name, value pairs).
   * Sends {@code Host: localhost} unless a {@code Host} header is given.
   */
  public static Response get(int port, String path, String... headers) throws IOException {
    if (headers.length % 2 != 0) {
      throw new IllegalArgumentException("headers must be name, value pairs");
    }
    StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n");
    boolean hostGiven = false;
    for (int i = 0; i < headers.length; i += 2) {
      hostGiven |= headers[i].equalsIgnoreCase("Host");
      request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    if (!hostGiven) {
      request.append("Host: localhost\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    }
  }

  private static Response parse(byte[] raw) throws IOException {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
    if (end < 0) {
      throw new IOException("no complete response head in " + raw.length + " bytes");
    }
    String[] head = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(head[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < head.length; i++) {
      int colon = head[i].indexOf(':');
      headers.putIfAbsent(
          head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          head[i].substring(colon + 1).trim());
    }
    byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = new java.io.ByteArrayInputStream(chunked);
    while (true) {
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) != '\n') {
        if (c < 0) {
          throw new IOException("truncated chunked body");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      int size = Integer.parseInt(line.toString().split(";")[0].trim(), 16);
      if (size == 0) {
        return out.toByteArray();
      }
      out.write(in.readNBytes(size));
      in.readNBytes(2); // CRLF after the chunk
    }
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

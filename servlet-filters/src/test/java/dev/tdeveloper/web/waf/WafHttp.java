package dev.tdeveloper.web.waf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sends requests to the test server with the JDK client (HTTP/1.1). */
final class WafHttp {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private WafHttp() {}

  static HttpResponse<byte[]> get(int port, String path, String... headers)
      throws IOException, InterruptedException {
    return send(port, "GET", path, HttpRequest.BodyPublishers.noBody(), headers);
  }

  static HttpResponse<byte[]> post(int port, String path, byte[] body, String... headers)
      throws IOException, InterruptedException {
    return send(port, "POST", path, HttpRequest.BodyPublishers.ofByteArray(body), headers);
  }

  private static HttpResponse<byte[]> send(
      int port, String method, String path, HttpRequest.BodyPublisher body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).method(method, body);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}

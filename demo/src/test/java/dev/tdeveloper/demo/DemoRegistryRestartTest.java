package dev.tdeveloper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.time.Ticker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 17's fault run): tenants created through {@code POST /admin/tenants} lived in
 * an in-memory registry, so after a restart they were gone (404) although the API had acknowledged
 * them. The embedded registry is now a durable journal under {@code <data>/registry}; with the
 * in-memory one both tests fail after the restart.
 */
class DemoRegistryRestartTest {
  private static final String TOKEN = "operator-t0ken-for-tests";

  @TempDir Path dir;
  private DemoApp app;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    Files.copy(DemoAppTest.SHIPPED, dir.resolve("tenants.yaml"));
    app = startApp();
  }

  private DemoApp startApp() throws Exception {
    DemoOptions options =
        new DemoOptions(
            0,
            dir.resolve("tenants.yaml"),
            dir.resolve("data"),
            List.of("localhost"),
            Optional.of(TOKEN));
    return DemoApp.start(options, InstantSource.system(), Ticker.system());
  }

  private void restart() throws Exception {
    app.close();
    app = null;
    app = startApp();
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private HttpResponse<String> call(String method, String path, String tenant, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Accept", "*/*")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (tenant == null) {
      b.header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json");
    } else {
      b.header("X-Tenant-Id", tenant).header("Content-Type", "text/plain; charset=utf-8");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> admin(String path, String body) throws Exception {
    return call("POST", path, null, body);
  }

  @Test
  void aTenantCreatedThroughTheAdminApiIsStillThereWithItsNotesAfterARestart() throws Exception {
    HttpResponse<String> created = admin("/admin/tenants", "{\"id\":\"hooli\",\"plan\":\"pro\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(call("POST", "/notes", "hooli", "{\"text\":\"kept\"}").statusCode()).isEqualTo(201);

    restart();

    HttpResponse<String> note = call("GET", "/notes/1", "hooli", null);
    assertThat(note.statusCode()).as(note.body()).isEqualTo(200);
    assertThat(note.body()).contains("kept");
    assertThat(admin("/admin/tenants", "{\"id\":\"hooli\"}").statusCode())
        .as("still registered, so a second create conflicts")
        .isEqualTo(409);
    assertThat(call("GET", "/notes", "nobody", null).statusCode()).isEqualTo(404);
  }

  @Test
  void aSuspendedListedTenantStaysSuspendedAfterARestart() throws Exception {
    assertThat(admin("/admin/tenants/globex/suspend", null).body()).contains("SUSPENDED");

    restart();

    assertThat(call("GET", "/notes", "globex", null).statusCode()).isEqualTo(403);
    assertThat(call("GET", "/notes", "acme", null).statusCode()).isEqualTo(200);
  }
}

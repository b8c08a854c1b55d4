package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

class FloorServerTest {
  @Test
  void bodyIsANoteShapedJsonObjectOfTheAskedSize() throws Exception {
    byte[] body = FloorServer.noteShapedJson(FloorServer.NOTE_JSON_BYTES);

    assertThat(body).hasSize(FloorServer.NOTE_JSON_BYTES);
    JsonNode note = new ObjectMapper().readTree(body);
    assertThat(note.path("id").asLong()).isEqualTo(1);
    assertThat(note.path("text").isTextual()).isTrue();
    assertThat(note.path("createdAt").isTextual()).isTrue();
  }

  @Test
  void refusesASizeTooSmallForTheShapeNamingIt() {
    assertThatThrownBy(() -> FloorServer.noteShapedJson(10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bytes is 10; must be at least 63");
  }

  @Test
  void answersEveryPathWithTheBodyAsJson() throws Exception {
    byte[] body = FloorServer.noteShapedJson(FloorServer.NOTE_JSON_BYTES);
    Server server = FloorServer.start(body);
    try {
      int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
      HttpClient client = HttpClient.newHttpClient();
      for (String path : new String[] {"/", "/notes/1"}) {
        HttpResponse<byte[]> response =
            client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo(body);
      }
    } finally {
      server.stop();
    }
  }
}

package dev.tdeveloper.benchmarks.waf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark requests are what their names say, and the peer gets them byte for byte. */
class WafRequestsTest {
  @Test
  void theJsonBodyIsTwoKibibytesOfValidJsonAndItsLengthHeaderSaysSo() throws Exception {
    byte[] body = WafRequests.JSON_POST.body();
    assertThat(body).hasSize(2048);
    JsonNode note = new ObjectMapper().readTree(body);
    assertThat(note.get("tags").size()).isEqualTo(5);
    assertThat(WafRequests.JSON_POST.headers())
        .anySatisfy(h -> assertThat(h).containsExactly("Content-Length", "2048"));
  }

  @Test
  void theBenignGetHasFiveQueryArguments() {
    String uri = WafRequests.BENIGN_GET.uri();
    assertThat(uri.substring(uri.indexOf('?') + 1).split("&")).hasSize(5);
  }

  @Test
  void mainWritesEachRequestAsRawHttpForThePeer(@TempDir Path dir) throws Exception {
    WafRequests.main(new String[] {dir.toString()});
    byte[] post = Files.readAllBytes(dir.resolve("json-post.http"));
    String text = new String(post, StandardCharsets.ISO_8859_1);
    assertThat(text).startsWith("POST /api/v1/notes HTTP/1.1\r\nHost: notes.example.com\r\n");
    int head = text.indexOf("\r\n\r\n") + 4;
    assertThat(post.length - head).isEqualTo(2048);
    assertThat(text.substring(head))
        .isEqualTo(new String(WafRequests.JSON_POST.body(), StandardCharsets.ISO_8859_1));
    assertThat(Files.readString(dir.resolve("sqli-get.http"), StandardCharsets.ISO_8859_1))
        .startsWith("GET " + WafRequests.SQLI_GET.uri() + " HTTP/1.1\r\n")
        .endsWith("\r\n\r\n");
    assertThat(dir.resolve("benign-get.http")).exists();
  }
}

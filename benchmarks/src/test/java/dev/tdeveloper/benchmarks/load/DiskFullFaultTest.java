package dev.tdeveloper.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk-full fault: the embedded demo (notes, usage events, quotas and its HLC mark in its data
 * directory) keeps its data directory on a 32 MiB tmpfs of its own ({@link PrivateTmpfs}), and
 * notes are written at a steady rate while that file system fills up. Writes then fail and
 * readiness goes down; the demo's file stores stop for good after a failed write (they refuse
 * appends until reopened), so it is killed, space is freed and it is started again on the same
 * data: it serves writes again, and every write it acknowledged before is read back. Tenants come
 * from {@code tenants.yaml}: the embedded registry keeps those written by the admin API in memory.
 */
class DiskFullFaultTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final List<String> TENANTS = List.of("acme", "globex");

  @TempDir Path out;

  @Test
  void writesFailWhileTheDiskIsFullAndNoAcknowledgedWriteIsLost() throws Exception {
    Path data = out.resolve("data");
    FaultTimeline timeline = new FaultTimeline(1, System::nanoTime);
    List<String> args = List.of("--min-free-disk-mb", "1");
    try (PrivateTmpfs tmpfs = PrivateTmpfs.mount(data, 32)) {
      DemoProcess demo =
          DemoProcess.start(data, out.resolve("demo.log"), 0, tmpfs.launcher(), args, Map.of());
      int port = demo.port();
      AckedWriter writer = new AckedWriter(port, TENANTS, 20, timeline);
      try {
        awaitTrue("first writes acknowledged", () -> writer.acknowledged().size() >= 5);
        long filled = timeline.now();
        Path filler = tmpfs.fill("filler");
        awaitTrue(
            "writes failing on the full disk",
            () ->
                timeline.events().stream()
                        .filter(e -> e.fromWriter() && e.atNanos() > filled && e.answer().failed())
                        .count()
                    >= 5);
        awaitTrue("readiness down", () -> status(port, "/health/ready", "acme") == 503);
        writer.close();
        demo.close(); // SIGKILL
        Files.delete(filler);
        demo =
            DemoProcess.start(
                data, out.resolve("demo-2.log"), port, tmpfs.launcher(), args, Map.of());
        assertThat(status(port, "/usage", "acme")).as("the restarted demo serves").isEqualTo(200);
        List<AckedWriter.Ack> acks = writer.acknowledged();
        assertThat(acks).hasSizeGreaterThanOrEqualTo(5);
        for (AckedWriter.Ack ack : acks) {
          HttpResponse<String> note = get(port, "/notes/" + ack.id(), ack.tenant());
          assertThat(note.statusCode()).as("acknowledged note " + ack).isEqualTo(200);
          assertThat(note.body()).contains(ack.text());
        }
        HttpResponse<String> write =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/notes"))
                        .header("X-Tenant-Id", "acme")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"after\"}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).as("a write after the restart").isEqualTo(201);
      } finally {
        writer.close();
        demo.close();
      }
    }
  }

  private static HttpResponse<String> get(int port, String path, String tenant) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Tenant-Id", tenant)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static int status(int port, String path, String tenant) {
    try {
      return get(port, path, tenant).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (Exception e) {
      return 0;
    }
  }

  /** Polls {@code condition} until it holds or {@link #DEADLINE} passes. */
  private static void awaitTrue(String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      Thread.sleep(50); // polling a condition, with a deadline
    }
  }
}

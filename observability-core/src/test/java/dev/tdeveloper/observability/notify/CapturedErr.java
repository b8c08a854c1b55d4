package dev.tdeveloper.observability.notify;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Captures what slf4j-simple writes to {@code System.err} until closed. */
final class CapturedErr implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  CapturedErr() {
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  String text() {
    System.err.flush();
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setErr(original);
    original.print(text());
  }
}

package dev.tdeveloper.backend.redis.internal;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.CommandOutput;
import java.nio.ByteBuffer;

/**
 * Reads an answer that must be one flat array of integers (a Lua table of integers) into a {@code
 * long[]}, without boxing; any other answer leaves no result ({@link #get()} answers null). Used by
 * one command, on the connection's event loop.
 */
final class IntegerArrayOutput extends CommandOutput<byte[], byte[], long[]> {
  private int filled;
  private boolean malformed;

  IntegerArrayOutput() {
    super(ByteArrayCodec.INSTANCE, null);
  }

  @Override
  public void multi(int count) {
    if (output != null || count < 0) {
      malformed = true;
    } else {
      output = new long[count];
    }
  }

  @Override
  public void set(long integer) {
    if (output == null || filled == output.length) {
      malformed = true;
    } else {
      output[filled++] = integer;
    }
  }

  @Override
  public void set(ByteBuffer bytes) {
    malformed = true;
  }

  @Override
  public void setSingle(ByteBuffer bytes) {
    malformed = true;
  }

  @Override
  public void setBigNumber(ByteBuffer bytes) {
    malformed = true;
  }

  @Override
  public void set(double number) {
    malformed = true;
  }

  @Override
  public void set(boolean value) {
    malformed = true;
  }

  /** Returns the integers, or null when the answer was not one flat array of integers. */
  @Override
  public long[] get() {
    return malformed || output == null || filled != output.length ? null : output;
  }
}

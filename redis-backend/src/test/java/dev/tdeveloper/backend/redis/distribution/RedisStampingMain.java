package dev.tdeveloper.backend.redis.distribution;

import dev.tdeveloper.distribution.clock.Hlc;
import dev.tdeveloper.distribution.clock.HlcTimestamp;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import io.lettuce.core.RedisClient;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The child process of {@link RedisHlcStateStoreTest}: an {@link Hlc} over a {@link
 * RedisHlcStateStore} (server {@code args[0]}, name {@code args[1]}) with a 5 ms reservation
 * window, printing {@code STAMP <packed>} after each stamp, forever, until killed.
 */
public final class RedisStampingMain {
  private RedisStampingMain() {}

  /** Arguments: the server URI and the store's name. */
  public static void main(String[] args) {
    ChildJvm.exitWhenParentGoes();
    RedisClient client = RedisClient.create(args[0]);
    Hlc hlc =
        Hlc.builder()
            .stateStore(RedisHlcStateStore.builder(client).name(args[1]).build())
            .reservationWindow(Duration.ofMillis(5))
            .build();
    PrintStream out = System.out;
    out.println("READY");
    out.flush();
    while (true) {
      HlcTimestamp stamp = hlc.now();
      out.println("STAMP " + stamp.encode());
      out.flush();
    }
  }
}

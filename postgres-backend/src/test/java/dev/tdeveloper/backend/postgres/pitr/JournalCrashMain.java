package dev.tdeveloper.backend.postgres.pitr;

import com.zaxxer.hikari.HikariDataSource;
import dev.tdeveloper.backend.postgres.TestPools;
import dev.tdeveloper.dr.spi.BackupScope;
import dev.tdeveloper.tenancy.TenantId;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;

/**
 * The child of {@link PostgresChangeJournalCrashTest}: appends {@code args[2]} records to table
 * {@code args[1]}, printing {@code ACK <seq>} after each, then starts one more append and stops for
 * good inside its transaction, just before the commit, printing {@code COMMITTING}.
 */
public final class JournalCrashMain {
  static final BackupScope SCOPE = BackupScope.of(TenantId.of("acme"));
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private JournalCrashMain() {}

  /** The content of record {@code seq}: 64 KiB of its low byte. */
  static byte[] content(long seq) {
    byte[] bytes = new byte[64 * 1024];
    Arrays.fill(bytes, (byte) seq);
    return bytes;
  }

  static HikariDataSource pool(Path dir) throws Exception {
    Properties server = new Properties();
    try (var in = Files.newInputStream(dir.resolve("server.properties"))) {
      server.load(in);
    }
    return TestPools.open(
        server.getProperty("url"), server.getProperty("user"), server.getProperty("password"), 2);
  }

  /** Arguments: the directory, the table, how many records to acknowledge first. */
  public static void main(String[] args) throws Exception {
    ChildJvm.exitWhenParentGoes();
    PrintStream out = System.out;
    boolean[] armed = {false};
    HikariDataSource pool = pool(Path.of(args[0]));
    DataSource pausing = pausingOnCommit(pool, armed, out);
    PostgresChangeJournal journal =
        PostgresChangeJournal.of(pausing, args[1], PostgresChangeJournal.DEFAULT_MAX_CONTENT_BYTES);
    int count = Integer.parseInt(args[2]);
    for (int i = 0; i < count; i++) {
      long seq =
          journal
              .append(SCOPE, T0.plusSeconds(i), "files", "f" + i, Optional.of(content(i)))
              .sequence();
      out.println("ACK " + seq);
      out.flush();
    }
    armed[0] = true;
    journal.append(SCOPE, T0.plusSeconds(count), "files", "f" + count, Optional.of(content(count)));
    out.println("NOT REACHED");
    out.flush();
  }

  /** Connections whose commit, once armed, announces itself and never returns. */
  private static DataSource pausingOnCommit(DataSource pool, boolean[] armed, PrintStream out) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(method, pool, args);
              if (!method.getName().equals("getConnection")) {
                return result;
              }
              Connection real = (Connection) result;
              return Proxy.newProxyInstance(
                  Connection.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (p, m, a) -> {
                    if (armed[0] && m.getName().equals("commit")) {
                      out.println("COMMITTING");
                      out.flush();
                      new CountDownLatch(1).await();
                    }
                    return invoke(m, real, a);
                  });
            });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}

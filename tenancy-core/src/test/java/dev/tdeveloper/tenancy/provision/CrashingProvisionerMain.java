package dev.tdeveloper.tenancy.provision;

import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import dev.tdeveloper.tenancy.testkit.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Run in a child JVM by {@link ProvisioningCrashProcessTest}: provisions {@code acme} over the
 * journal file {@code args[0]}, logging applied steps to {@code args[1]}; step {@code b} announces
 * itself on stdout and then blocks until the parent kills the process.
 */
public final class CrashingProvisionerMain {
  private CrashingProvisionerMain() {}

  /** Steps a, b, c appending {@code apply:<name>} to {@code log}; {@code block} runs inside b. */
  static List<ProvisioningStep> steps(Path log, Runnable block) {
    return List.of(step("a", log, () -> {}), step("b", log, block), step("c", log, () -> {}));
  }

  private static ProvisioningStep step(String name, Path log, Runnable then) {
    return ProvisioningStep.of(
        name,
        ctx -> {
          append(log, "apply:" + name);
          then.run();
        },
        ctx -> append(log, "compensate:" + name));
  }

  static void append(Path log, String line) {
    try {
      Files.writeString(
          log,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void main(String[] args) throws Exception {
    ChildJvm.exitWhenParentGoes();
    Path journalFile = Path.of(args[0]);
    Path log = Path.of(args[1]);
    Runnable blockForever =
        () -> {
          System.out.println("IN-B");
          System.out.flush();
          try {
            while (System.in.read() >= 0) {
              // wait for the parent to kill this process
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    TenantProvisioner provisioner =
        TenantProvisioner.builder()
            .registry(TenantRegistry.inMemory())
            .journal(FileProvisioningJournal.open(journalFile))
            .provisionSteps(steps(log, blockForever))
            .build();
    provisioner.provision(Tenant.builder("acme").build());
  }
}

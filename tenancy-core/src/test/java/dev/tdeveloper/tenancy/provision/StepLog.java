package dev.tdeveloper.tenancy.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Test steps that log {@code apply:<name>} and {@code compensate:<name>} in call order. */
final class StepLog {
  private final List<String> entries = new ArrayList<>();

  synchronized void add(String entry) {
    entries.add(entry);
  }

  synchronized List<String> entries() {
    return List.copyOf(entries);
  }

  synchronized long count(String entry) {
    return entries.stream().filter(entry::equals).count();
  }

  ProvisioningStep step(String name) {
    return step(name, ctx -> {}, ctx -> {});
  }

  ProvisioningStep step(String name, Consumer<StepContext> apply, Consumer<StepContext> undo) {
    return ProvisioningStep.of(
        name,
        ctx -> {
          add("apply:" + name);
          apply.accept(ctx);
        },
        ctx -> {
          add("compensate:" + name);
          undo.accept(ctx);
        });
  }

  ProvisioningStep failing(String name) {
    return step(
        name,
        ctx -> {
          throw new IllegalStateException(name + " failed");
        },
        ctx -> {});
  }

  ProvisioningStep failingCompensation(String name) {
    return step(
        name,
        ctx -> {},
        ctx -> {
          throw new IllegalStateException("cannot undo " + name);
        });
  }
}

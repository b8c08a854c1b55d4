package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.compliance.spi.ErasureStrategy;
import dev.tdeveloper.compliance.spi.PersonalDataConnector;
import dev.tdeveloper.compliance.spi.PersonalDataRecord;
import java.util.List;
import java.util.Set;

/** A connector that records its calls in a shared list and fails on demand. */
final class RecordingConnector implements PersonalDataConnector {
  private final String name;
  private final List<String> calls;
  volatile boolean failErase;
  volatile boolean failCollect;

  RecordingConnector(String name, List<String> calls) {
    this.name = name;
    this.calls = calls;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<String> categories() {
    return Set.of("profile");
  }

  @Override
  public Set<ErasureStrategy> supportedStrategies() {
    return Set.of(ErasureStrategy.DELETE);
  }

  @Override
  public List<PersonalDataRecord> collect(DataSubject subject) {
    calls.add("collect " + name);
    if (failCollect) {
      throw new IllegalStateException("cannot read");
    }
    return List.of();
  }

  @Override
  public int erase(DataSubject subject, ErasureStrategy strategy, Set<String> categories) {
    calls.add("erase " + name + " " + strategy);
    if (failErase) {
      throw new IllegalStateException("disk full while erasing " + subject.identifiers());
    }
    return 0;
  }

  @Override
  public int rectify(DataSubject subject, String field, String newValue) {
    calls.add("rectify " + name);
    return 0;
  }

  @Override
  public void restrict(DataSubject subject, Set<String> purposes) {
    calls.add("restrict " + name);
  }

  @Override
  public Set<String> restrictions(DataSubject subject) {
    return Set.of();
  }
}

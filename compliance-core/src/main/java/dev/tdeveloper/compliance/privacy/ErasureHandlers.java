package dev.tdeveloper.compliance.privacy;

import dev.tdeveloper.compliance.spi.ErasureHandler;
import dev.tdeveloper.compliance.spi.ErasureStrategy;
import dev.tdeveloper.compliance.spi.PersonalDataRecord;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Ready-made {@link ErasureHandler}s, one per {@link ErasureStrategy}. Thread-safe. */
public final class ErasureHandlers {
  /** What {@link #mask} writes over a personal field: {@value}. */
  public static final String MASK = "[erased]";

  private ErasureHandlers() {}

  /** Returns a handler that deletes every record. */
  public static ErasureHandler delete() {
    return new Handler(ErasureStrategy.DELETE, (subject, records) -> List.of());
  }

  /**
   * Returns a handler that overwrites every field with {@value #MASK}, except the fields in {@code
   * keep} (which must hold no personal data, such as a country or a sign-up year).
   */
  public static ErasureHandler mask(Set<String> keep) {
    Set<String> kept = Set.copyOf(Objects.requireNonNull(keep, "keep"));
    return new Handler(
        ErasureStrategy.MASK,
        (subject, records) ->
            records.stream()
                .map(
                    r -> {
                      TreeMap<String, String> fields = new TreeMap<>();
                      for (Map.Entry<String, String> f : r.fields().entrySet()) {
                        fields.put(f.getKey(), kept.contains(f.getKey()) ? f.getValue() : MASK);
                      }
                      return new PersonalDataRecord(r.category(), fields);
                    })
                .toList());
  }

  /**
   * Returns a handler that crypto-shreds: it calls {@code destroyKey} with the subject (which must
   * destroy the key the subject's data is encrypted under, such as through security-core's key
   * manager, or throw) and then keeps nothing.
   */
  public static ErasureHandler cryptoShred(Consumer<DataSubject> destroyKey) {
    Objects.requireNonNull(destroyKey, "destroyKey");
    return new Handler(
        ErasureStrategy.CRYPTO_SHRED,
        (subject, records) -> {
          destroyKey.accept(subject);
          return List.of();
        });
  }

  private interface Action {
    List<PersonalDataRecord> apply(DataSubject subject, List<PersonalDataRecord> records);
  }

  private record Handler(ErasureStrategy strategy, Action action) implements ErasureHandler {
    @Override
    public List<PersonalDataRecord> erase(DataSubject subject, List<PersonalDataRecord> records) {
      return action.apply(Objects.requireNonNull(subject, "subject"), List.copyOf(records));
    }

    @Override
    public String toString() {
      return "ErasureHandler[" + strategy + "]";
    }
  }
}

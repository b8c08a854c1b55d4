package dev.tdeveloper.dr.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.dr.policy.BackupInfo.State;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** GFS retention against an independent, naive implementation over random backup times. */
class RetentionPlannerPropertiesTest {
  private static final long START = Instant.parse("2024-06-01T00:00:00Z").getEpochSecond();

  @Property(tries = 500)
  void planMatchesANaiveGroupByImplementation(
      @ForAll("backups") List<BackupInfo> backups, @ForAll("retentions") Retention retention) {
    RetentionPlan plan = RetentionPlanner.plan(backups, retention);

    assertThat(Set.copyOf(plan.keptIds())).isEqualTo(naiveKept(backups, retention));
    assertThat(plan.kept().size() + plan.deleted().size()).isEqualTo(backups.size());
  }

  @Property(tries = 300)
  void invariantsHold(
      @ForAll("backups") List<BackupInfo> backups,
      @ForAll("retentions") Retention retention,
      @ForAll long seed) {
    RetentionPlan plan = RetentionPlanner.plan(backups, retention);
    List<BackupInfo> usable = newestFirst(backups);

    // The newest N restorable backups are always kept, the newest one in any case.
    for (int i = 0; i < Math.min(Math.max(1, retention.keepLast()), usable.size()); i++) {
      assertThat(plan.keptIds()).contains(usable.get(i).id());
    }
    // Every kept backup has a reason; no failed one is kept.
    plan.kept().forEach(k -> assertThat(k.reasons()).isNotEmpty());
    assertThat(plan.kept()).noneMatch(k -> k.backup().state() == State.FAILED);
    // The daily rule keeps at most one backup per day and names its bucket.
    Map<String, Integer> perDay = new HashMap<>();
    plan.kept().stream()
        .flatMap(k -> k.reasons().stream())
        .filter(r -> r.startsWith("daily "))
        .forEach(r -> perDay.merge(r, 1, Integer::sum));
    assertThat(perDay.values()).allMatch(n -> n == 1);
    assertThat(perDay).hasSizeLessThanOrEqualTo(retention.keepDaily());
    // The plan does not depend on the order of the input.
    List<BackupInfo> shuffled = new ArrayList<>(backups);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(RetentionPlanner.plan(shuffled, retention)).isEqualTo(plan);
  }

  private static List<BackupInfo> newestFirst(List<BackupInfo> backups) {
    return backups.stream()
        .filter(b -> b.state() != State.FAILED)
        .sorted(
            Comparator.comparing(BackupInfo::time, Comparator.reverseOrder())
                .thenComparing(BackupInfo::id, Comparator.reverseOrder()))
        .toList();
  }

  /** Groups by bucket, takes the maximum of each group, and keeps the newest N groups' maxima. */
  private static Set<String> naiveKept(List<BackupInfo> backups, Retention retention) {
    List<BackupInfo> usable = newestFirst(backups);
    Set<String> kept = new HashSet<>();
    usable.stream().limit(retention.keepLast()).forEach(b -> kept.add(b.id()));
    keepBuckets(usable, retention.keepDaily(), b -> date(b).toEpochDay(), kept);
    keepBuckets(
        usable,
        retention.keepWeekly(),
        b -> date(b).with(ChronoField.DAY_OF_WEEK, 1).toEpochDay(),
        kept);
    keepBuckets(
        usable,
        retention.keepMonthly(),
        b -> date(b).getYear() * 12L + date(b).getMonthValue(),
        kept);
    keepBuckets(usable, retention.keepYearly(), b -> (long) date(b).getYear(), kept);
    usable.stream()
        .filter(b -> b.state() == State.VERIFIED)
        .findFirst()
        .ifPresent(b -> kept.add(b.id()));
    return kept;
  }

  private static void keepBuckets(
      List<BackupInfo> usable, int count, Function<BackupInfo, Long> bucket, Set<String> kept) {
    TreeMap<Long, BackupInfo> newestPerBucket = new TreeMap<>(Comparator.reverseOrder());
    for (BackupInfo b : usable) {
      newestPerBucket.merge(
          bucket.apply(b),
          b,
          (x, y) ->
              Comparator.comparing(BackupInfo::time).thenComparing(BackupInfo::id).compare(x, y)
                      >= 0
                  ? x
                  : y);
    }
    newestPerBucket.values().stream().limit(count).forEach(b -> kept.add(b.id()));
  }

  private static LocalDate date(BackupInfo backup) {
    return LocalDate.ofInstant(backup.time(), ZoneOffset.UTC);
  }

  @Provide
  Arbitrary<List<BackupInfo>> backups() {
    // Times spread over about two years, some bunched together, some identical.
    Arbitrary<Long> offsets =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, 2L * 366 * 86_400),
            Arbitraries.longs().between(0, 10).map(n -> n * 43_200L));
    Arbitrary<State> states =
        Arbitraries.of(State.VERIFIED, State.VERIFIED, State.UNVERIFIED, State.FAILED);
    return Combinators.combine(offsets, states)
        .as((offset, state) -> new Object[] {offset, state})
        .list()
        .ofMaxSize(60)
        .map(
            rows -> {
              List<BackupInfo> list = new ArrayList<>();
              for (int i = 0; i < rows.size(); i++) {
                list.add(
                    new BackupInfo(
                        "b" + i,
                        Instant.ofEpochSecond(START + (Long) rows.get(i)[0]),
                        (State) rows.get(i)[1]));
              }
              return list;
            });
  }

  @Provide
  Arbitrary<Retention> retentions() {
    Arbitrary<Integer> n = Arbitraries.integers().between(0, 6);
    return Combinators.combine(n, n, n, n, n)
        .as((l, d, w, m, y) -> new int[] {l, d, w, m, y})
        .filter(c -> c[0] + c[1] + c[2] + c[3] + c[4] > 0)
        .map(c -> new Retention(c[0], c[1], c[2], c[3], c[4]));
  }
}

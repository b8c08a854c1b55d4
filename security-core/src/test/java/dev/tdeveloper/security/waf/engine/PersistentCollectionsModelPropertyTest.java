package dev.tdeveloper.security.waf.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tdeveloper.tenancy.testkit.ManualClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random sequences of {@code setvar}, {@code expirevar}, deletes, reads and the passing of time on
 * two tenants' {@code IP} and {@code GLOBAL} records, against a model of ModSecurity's semantics: a
 * record lives {@code SecCollectionTimeout} after its last write (reads never extend it, never
 * create it), each key may expire sooner, an expired record or key is never seen again, and one
 * tenant's operations never show in another's records.
 */
class PersistentCollectionsModelPropertyTest {
  private static final long TIMEOUT = 600;
  private static final String[] TENANTS = {"alice", "bob"};
  private static final String[][] RECORDS = {{"IP", "10.0.0.1"}, {"GLOBAL", "global"}};
  private static final String[] KEYS = {"counter", "flag", "reason"};

  /** A model record: key to value and expiry second; the second of its last write. */
  private static final class Rec {
    final Map<String, Object[]> values = new HashMap<>();
    long writtenAt;
  }

  @Property(tries = 300)
  void behavesAsModSecuritysPersistentCollections(
      @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 1_000_000) Integer> codes) {
    ManualClock clock = new ManualClock();
    PersistentCollections store =
        new PersistentCollections(clock, Duration.ofSeconds(TIMEOUT), 100, 100);
    Map<String, Rec> model = new HashMap<>();
    long now = 0;
    for (int code : codes) {
      int op = code % 6;
      String tenant = TENANTS[(code / 6) % 2];
      String[] rec = RECORDS[(code / 12) % 2];
      String key = KEYS[(code / 24) % 3];
      // 0 or 2..700 seconds: never 1 s, within which Caffeine keeps a record's last write time.
      long seconds = (code / 72) % 700;
      seconds = seconds == 1 ? 0 : seconds;
      String address = tenant + "/" + rec[0] + "/" + rec[1];
      MutableCollection view = store.open(tenant, rec[0], rec[1]);
      Rec live = live(model.get(address), now);
      switch (op) {
        case 0 -> {
          String value = "v" + code;
          view.set(key, value);
          Rec r = live != null ? live : new Rec();
          Object[] old = r.values.get(key);
          long expires = old != null && now < (long) old[1] ? (long) old[1] : Long.MAX_VALUE;
          r.values.put(key, new Object[] {value, expires});
          r.writtenAt = now;
          model.put(address, r);
        }
        case 1 -> {
          view.expire(key, Duration.ofSeconds(seconds));
          Rec r = live != null ? live : new Rec();
          Object[] old = r.values.get(key);
          if (old != null && now < (long) old[1]) {
            r.values.put(key, new Object[] {old[0], now + seconds});
          } else {
            r.values.remove(key);
          }
          r.writtenAt = now;
          model.put(address, r);
        }
        case 2 -> {
          view.remove(key);
          if (live != null) {
            live.values.remove(key);
          }
        }
        case 3 ->
            assertThat(view.get(key)).as(address + " " + key).isEqualTo(value(live, key, now));
        case 4 -> assertThat(view.keys()).as(address).isEqualTo(keys(live, now));
        default -> {
          clock.advance(Duration.ofSeconds(seconds));
          now += seconds;
        }
      }
    }
    for (String tenant : TENANTS) {
      for (String[] rec : RECORDS) {
        String address = tenant + "/" + rec[0] + "/" + rec[1];
        Rec live = live(model.get(address), now);
        MutableCollection view = store.open(tenant, rec[0], rec[1]);
        assertThat(view.keys()).as(address).isEqualTo(keys(live, now));
        for (String key : KEYS) {
          assertThat(view.get(key)).as(address + " " + key).isEqualTo(value(live, key, now));
        }
      }
    }
  }

  private static Rec live(Rec r, long now) {
    return r != null && now - r.writtenAt < TIMEOUT ? r : null;
  }

  private static Optional<String> value(Rec r, String key, long now) {
    Object[] v = r == null ? null : r.values.get(key);
    return v != null && now < (long) v[1] ? Optional.of((String) v[0]) : Optional.empty();
  }

  private static Set<String> keys(Rec r, long now) {
    Set<String> out = new TreeSet<>();
    if (r != null) {
      for (String key : r.values.keySet()) {
        if (value(r, key, now).isPresent()) {
          out.add(key);
        }
      }
    }
    return out;
  }
}

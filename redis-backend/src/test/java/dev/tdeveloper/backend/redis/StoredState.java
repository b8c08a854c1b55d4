package dev.tdeveloper.backend.redis;

import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A key's value as the script writes it: the spec and one arrival time per limit. */
record StoredState(String spec, List<Long> tat) {
  static StoredState read(RedisCommands<String, String> redis, String redisKey) {
    String raw = redis.get(redisKey);
    if (raw == null) {
      return new StoredState("", List.of());
    }
    String[] parts = raw.split("\\|");
    List<Long> tat = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      String[] pair = parts[i].split(",");
      tat.add(Long.parseLong(pair[0]) * 1_000_000_000L + Long.parseLong(pair[1]));
    }
    return new StoredState(parts[0], tat);
  }

  /** How long the state lasts at {@code now}: until the latest arrival time; empty when full. */
  Optional<Duration> timeToLive(long now) {
    long latest = Long.MIN_VALUE;
    for (long t : tat) {
      latest = Math.max(latest, t);
    }
    return tat.isEmpty() || latest <= now
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(latest - now));
  }
}

package dev.tdeveloper.backend.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A key's value as the script writes it: the spec, {@code #}, one arrival time per limit as two
 * little-endian doubles (seconds, nanoseconds), then the key's expiry in milliseconds (a double; -1
 * in a value of the previous format, which has none), decoded on the server.
 */
record StoredState(String spec, List<Long> tat, long expiresAtMillis) {
  private static final String DECODE =
      """
      local raw = redis.call('GET', KEYS[1])
      if not raw then return {} end
      local spec = string.match(raw, '^[^#]*')
      local k = tonumber(string.match(spec, '^[^,]*,(%d+)'))
      local out, pos = { spec }, #spec + 2
      for i = 1, k do
        local s, n
        s, n, pos = struct.unpack('<dd', raw, pos)
        out[#out + 1], out[#out + 2] = s, n
      end
      out[#out + 1] = pos <= #raw and struct.unpack('<d', raw, pos) or -1
      return out
      """;

  static StoredState read(RedisCommands<String, String> redis, String redisKey) {
    List<Object> raw = redis.eval(DECODE, ScriptOutputType.MULTI, redisKey);
    if (raw.isEmpty()) {
      return new StoredState("", List.of(), -1);
    }
    List<Long> tat = new ArrayList<>();
    for (int i = 1; i < raw.size() - 1; i += 2) {
      tat.add((Long) raw.get(i) * 1_000_000_000L + (Long) raw.get(i + 1));
    }
    return new StoredState((String) raw.get(0), tat, (Long) raw.get(raw.size() - 1));
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

package dev.tdeveloper.compliance.audit;

import static dev.tdeveloper.compliance.audit.MapperTexts.fit;

import dev.tdeveloper.tenancy.TenantId;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link AuditMappers#anyRecord}: maps a record event by the rules documented there. The analysis
 * of each record class (its action, outcome and component roles) is cached. Thread-safe.
 */
final class RecordEventMapper {
  private static final Set<String> ACTORS = Set.of("principalId", "actor", "operator");
  private static final Set<String> TIMES = Set.of("at", "time");
  private static final Set<String> RESOURCES = Set.of("resource", "target", "keyId", "key");
  private static final Set<String> IPS = Set.of("sourceIp", "clientIp");
  private static final List<String> DENIED =
      List.of("denied", "blocked", "refused", "banned", "rejected", "forbidden");
  private static final List<String> FAILED = List.of("failed", "failure");
  private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]+(?:%[A-Za-z0-9._-]+)?");
  private static final Pattern DETAIL_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");
  private static final Pattern HUMP =
      Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

  private final Clock clock;
  private final ClassValue<Shape> shapes =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          return Shape.of(type);
        }
      };

  RecordEventMapper(Clock clock) {
    this.clock = clock;
  }

  Optional<AuditEvent> map(Object event) {
    if (event == null || !event.getClass().isRecord()) {
      return Optional.empty();
    }
    Shape shape = shapes.get(event.getClass());

    Instant time = null;
    List<String[]> rest = new ArrayList<>();
    Optional<TenantId> tenant = Optional.empty();
    String actor = "system";
    String resource = "-";
    String sourceIp = null;
    String requestId = null;
    for (RecordComponent c : shape.components) {
      Object value = read(c, event);
      if (value instanceof Optional<?> o) {
        value = o.orElse(null);
      }
      if (value == null) {
        continue;
      }
      String name = c.getName();
      if (tenant.isEmpty() && value instanceof TenantId t) {
        tenant = Optional.of(t);
      } else if (time == null && TIMES.contains(name) && value instanceof Instant i) {
        time = i;
      } else if (ACTORS.contains(name) && actor.equals("system")) {
        actor = fit(text(value), MapperTexts.ACTOR);
      } else if (RESOURCES.contains(name) && resource.equals("-")) {
        resource = fit(text(value), MapperTexts.RESOURCE);
      } else if (IPS.contains(name)
          && sourceIp == null
          && IP.matcher(ip(value)).matches()
          && ip(value).length() <= 64) {
        sourceIp = ip(value);
      } else if (name.equals("requestId") && requestId == null) {
        requestId = fit(text(value), 128);
      } else if (DETAIL_KEY.matcher(name).matches() && rest.size() < AuditEvent.MAX_DETAILS) {
        rest.add(new String[] {name, fit(text(value), MapperTexts.DETAIL)});
      }
    }
    AuditEvent.Builder b = AuditEvent.builder(shape.action, time == null ? clock.instant() : time);
    tenant.ifPresent(b::tenant);
    b.actor(actor).resource(resource).outcome(shape.outcome);
    if (sourceIp != null) {
      b.sourceIp(sourceIp);
    }
    if (requestId != null) {
      b.requestId(requestId);
    }
    for (String[] d : rest) {
      b.detail(d[0], d[1]);
    }
    return Optional.of(b.build());
  }

  private static String ip(Object value) {
    return value instanceof java.net.InetAddress a ? a.getHostAddress() : text(value);
  }

  private static Object read(RecordComponent c, Object event) {
    try {
      return c.getAccessor().invoke(event);
    } catch (IllegalAccessException e) {
      try {
        return c.getAccessor().trySetAccessible() ? c.getAccessor().invoke(event) : "(unavailable)";
      } catch (ReflectiveOperationException | RuntimeException again) {
        return "(unavailable)";
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return "(unavailable: " + e.getClass().getSimpleName() + ")";
    }
  }

  private static String text(Object value) {
    try {
      return String.valueOf(value);
    } catch (RuntimeException e) {
      return "(unavailable: " + e.getClass().getSimpleName() + ")";
    }
  }

  /** What is known about one record class. */
  private record Shape(String action, AuditOutcome outcome, RecordComponent[] components) {
    static Shape of(Class<?> type) {
      List<String> names = new ArrayList<>();
      Class<?> current = type;
      names.add(0, current.getSimpleName());
      for (Class<?> outer = current.getEnclosingClass();
          outer != null && outer.isAssignableFrom(current);
          current = outer, outer = outer.getEnclosingClass()) {
        names.add(0, outer.getSimpleName());
      }
      return new Shape(action(names), outcome(names), type.getRecordComponents());
    }

    static String action(List<String> names) {
      List<String> words = new ArrayList<>();
      for (String name : names) {
        String part = name.replaceAll("[^A-Za-z0-9]", "");
        if (part.endsWith("Event") && part.length() > "Event".length()) {
          part = part.substring(0, part.length() - "Event".length());
        }
        for (String word : HUMP.split(part)) {
          if (!word.isEmpty()) {
            words.add(word.toLowerCase(Locale.ROOT));
          }
        }
      }
      while (!words.isEmpty() && !Character.isLetter(words.get(0).charAt(0))) {
        words.remove(0); // an action starts with a letter
      }
      String action = words.isEmpty() ? "event" : String.join(".", words);
      return action.length() <= 128 ? action : action.substring(0, 128).replaceAll("\\.+$", "");
    }

    static AuditOutcome outcome(List<String> names) {
      String all = String.join(".", names).toLowerCase(Locale.ROOT);
      if (DENIED.stream().anyMatch(all::contains)) {
        return AuditOutcome.DENIED;
      }
      return FAILED.stream().anyMatch(all::contains) ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS;
    }
  }
}

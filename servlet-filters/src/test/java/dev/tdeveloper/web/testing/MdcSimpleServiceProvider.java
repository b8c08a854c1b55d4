package dev.tdeveloper.web.testing;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.helpers.ThreadLocalMapOfStacks;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple with a working MDC. slf4j-simple's own MDC adapter discards everything, which would
 * make MDC assertions vacuous; production backends (Logback, Log4j 2) keep a per-thread map, as
 * this one does. Like Logback's, the map is not inherited by child threads. Selected for the tests
 * with the system property {@code slf4j.provider} (see this module's surefire configuration).
 */
public final class MdcSimpleServiceProvider extends SimpleServiceProvider {
  private final MDCAdapter mdc = new ThreadLocalMdcAdapter();

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  private static final class ThreadLocalMdcAdapter implements MDCAdapter {
    private final ThreadLocal<Map<String, String>> map = ThreadLocal.withInitial(HashMap::new);
    private final ThreadLocalMapOfStacks stacks = new ThreadLocalMapOfStacks();

    @Override
    public void put(String key, String value) {
      map.get().put(key, value);
    }

    @Override
    public String get(String key) {
      return map.get().get(key);
    }

    @Override
    public void remove(String key) {
      map.get().remove(key);
    }

    @Override
    public void clear() {
      map.remove();
    }

    @Override
    public Map<String, String> getCopyOfContextMap() {
      return new HashMap<>(map.get());
    }

    @Override
    public void setContextMap(Map<String, String> contextMap) {
      map.set(new HashMap<>(contextMap));
    }

    @Override
    public void pushByKey(String key, String value) {
      stacks.pushByKey(key, value);
    }

    @Override
    public String popByKey(String key) {
      return stacks.popByKey(key);
    }

    @Override
    public java.util.Deque<String> getCopyOfDequeByKey(String key) {
      return stacks.getCopyOfDequeByKey(key);
    }

    @Override
    public void clearDequeByKey(String key) {
      stacks.clearDequeByKey(key);
    }
  }
}

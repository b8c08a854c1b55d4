package dev.tdeveloper.security.waf.body;

import java.util.ArrayList;
import java.util.List;

/**
 * Argument names for JSON values, exactly as libmodsecurity3 3.0.x builds them: the top-level
 * container is {@code json}; an object member appends {@code .key} ({@code .empty-key} for {@code
 * ""}); an array element appends {@code .array_N} (N from 0); a scalar at the top is {@code json}.
 * So {@code {"a":{"b":1},"c":[true,{"d":null}]}} gives {@code json.a.b=1}, {@code
 * json.c.array_0=true} and {@code json.c.array_1.d=}.
 *
 * <p>The path of the enclosing containers is kept in one buffer, so a value costs the length of its
 * name. Names are long when nesting is deep, so their total length is budgeted: {@link #add}
 * returns false once the budget is spent. Confined to one parse.
 */
final class JsonNames {
  private final List<Container> stack = new ArrayList<>();
  private final StringBuilder path = new StringBuilder();
  private String key = "";
  private long budget;

  private static final class Container {
    final String name;
    final boolean array;
    final int start;
    int count;

    Container(String name, boolean array, int start) {
      this.name = name;
      this.array = array;
      this.start = start;
    }
  }

  /**
   * Names within a budget.
   *
   * @param budget the most characters all names together may hold
   */
  JsonNames(long budget) {
    this.budget = budget;
  }

  /** An object member's name (a byte string). */
  void key(String name) {
    key = name;
  }

  /** An object or array starts, named after the current key. */
  void open(boolean array) {
    Container c = new Container(currentKey(), array, path.length());
    stack.add(c);
    appendSegment(c);
  }

  /** The innermost container ends; it was one element of an enclosing array. */
  void close() {
    if (!stack.isEmpty()) {
      path.setLength(stack.remove(stack.size() - 1).start);
    }
    countElement();
  }

  /**
   * A scalar value: one argument.
   *
   * @return false when the name budget is spent (the argument is not added)
   */
  boolean add(String value, List<Arg> out) {
    Container top = stack.isEmpty() ? null : stack.get(stack.size() - 1);
    String last = top != null && top.array ? "" : currentKey();
    budget -= path.length() + last.length();
    if (budget < 0) {
      return false;
    }
    out.add(new Arg(path.isEmpty() ? last : path + last, value));
    countElement();
    return true;
  }

  private void countElement() {
    if (!stack.isEmpty()) {
      Container top = stack.get(stack.size() - 1);
      if (top.array) {
        top.count++;
        path.setLength(top.start);
        appendSegment(top);
      }
    }
  }

  private void appendSegment(Container c) {
    path.append(c.name);
    if (c.array) {
      path.append(".array_").append(c.count);
    } else {
      path.append('.');
    }
  }

  /** libmodsecurity3's getCurrentKey: reading a key consumes it. */
  private String currentKey() {
    if (stack.isEmpty()) {
      return "json";
    }
    if (key.isEmpty()) {
      return stack.get(stack.size() - 1).array ? "" : "empty-key";
    }
    String k = key;
    key = "";
    return k;
  }
}

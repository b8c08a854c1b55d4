package dev.tdeveloper.security.waf.operator;

import dev.tdeveloper.security.waf.seclang.Location;
import dev.tdeveloper.security.waf.seclang.OperatorRef;
import java.nio.file.Path;

/** Test shorthand: compile an operator as rule {@code rules.conf:7} would. */
final class Ops {
  static final Location AT = new Location("rules.conf", 7);

  private Ops() {}

  static Operator op(String name, String param) {
    return Operators.create(new OperatorRef(name, param, false), env(Path.of(".")));
  }

  static Operator op(String name, String param, Path dir) {
    return Operators.create(new OperatorRef(name, param, false), env(dir));
  }

  static OperatorEnv env(Path dir) {
    return new OperatorEnv(AT, dir);
  }

  static boolean eval(Operator op, String input) {
    return op.evaluate(new RecordingContext(), input);
  }
}

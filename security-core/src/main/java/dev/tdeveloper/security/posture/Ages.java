package dev.tdeveloper.security.posture;

import java.time.Duration;

/** Renders ages in findings: whole days when at least one day, else hours and minutes. */
final class Ages {
  private Ages() {}

  static String describe(Duration age) {
    if (age.toDays() >= 1) {
      long days = age.toDays();
      return days + (days == 1 ? " day" : " days");
    }
    return age.toHours() + "h" + age.toMinutesPart() + "m";
  }
}

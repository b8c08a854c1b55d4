package dev.tdeveloper.benchmarks.load;

/** A fault the fault phase ({@link FaultRun}) injects into the demo's run under load. */
public enum Fault {
  /** Redis is stopped and started again, empty (it runs without persistence). */
  REDIS_RESTART("restart Redis (empty: no persistence)"),
  /** PostgreSQL gets a fast shutdown and starts again on the same data ({@code pg_ctl restart}). */
  POSTGRES_RESTART("restart PostgreSQL (pg_ctl restart -m fast)"),
  /**
   * The demo's JVM is killed with SIGKILL and started again on the same port and data directory.
   */
  DEMO_KILL("kill -9 the demo, restart it on the same data directory and port");

  private final String description;

  Fault(String description) {
    this.description = description;
  }

  /** Returns what the fault does, for the report. */
  public String description() {
    return description;
  }
}

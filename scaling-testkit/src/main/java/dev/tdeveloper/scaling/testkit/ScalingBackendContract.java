package dev.tdeveloper.scaling.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.scaling.autoscale.ReplicaSample;
import dev.tdeveloper.scaling.autoscale.ScalingInput;
import dev.tdeveloper.scaling.spi.ReplicaState;
import dev.tdeveloper.scaling.spi.ScalingBackend;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ScalingBackend} must have. A backend proves itself by extending this
 * class, returning a workload at zero or one replica that may scale to at least {@link #MAX_USED}
 * replicas from {@link #newBackend()}, and letting time pass in {@link #passTime()} (a simulated
 * backend advances its clock; a real one waits a little). The kit never assumes how long a replica
 * takes to start: it calls {@link #passTime()} up to {@link #maxSteps()} times.
 */
public abstract class ScalingBackendContract {
  /** The most replicas the kit asks for. */
  protected static final int MAX_USED = 3;

  /** The backend under test, new for each test. */
  protected ScalingBackend backend;

  /**
   * Returns a new backend for one workload at zero or one replica.
   *
   * @return the backend
   */
  protected abstract ScalingBackend newBackend();

  /** Lets some time pass so that starting replicas progress towards ready. */
  protected abstract void passTime();

  /**
   * How many times the kit calls {@link #passTime()} before giving up on a state.
   *
   * @return 100 by default
   */
  protected int maxSteps() {
    return 100;
  }

  @BeforeEach
  void createBackend() {
    backend = newBackend();
  }

  @Test
  void scaleUpReachesTheDesiredReadyCountEventually() {
    backend.scale(MAX_USED);
    assertThat(backend.state().desired()).isEqualTo(MAX_USED);
    ReplicaState settled = awaitState(s -> s.current() == MAX_USED && s.ready() == MAX_USED);
    assertThat(settled.desired()).isEqualTo(MAX_USED);
  }

  @Test
  void scaleDownReachesTheDesiredCountEventually() {
    backend.scale(MAX_USED);
    awaitState(s -> s.ready() == MAX_USED);
    backend.scale(1);
    ReplicaState settled = awaitState(s -> s.current() == 1 && s.ready() == 1);
    assertThat(settled.desired()).isEqualTo(1);
  }

  @Test
  void readyNeverExceedsCurrentWhileScaling() {
    backend.scale(MAX_USED);
    for (int i = 0; i < maxSteps(); i++) {
      ReplicaState s = backend.state();
      assertThat(s.ready()).isLessThanOrEqualTo(s.current());
      assertThat(s.desired()).isEqualTo(MAX_USED);
      if (s.ready() == MAX_USED) {
        return;
      }
      passTime();
    }
    throw new AssertionError("never reached " + MAX_USED + " ready; last " + backend.state());
  }

  @Test
  void negativeScaleIsRefusedAndChangesNothing() {
    backend.scale(1);
    ReplicaState before = awaitState(s -> s.ready() == 1);
    assertThatThrownBy(() -> backend.scale(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThat(backend.state()).isEqualTo(before);
  }

  @Test
  void scaleIsIdempotent() {
    backend.scale(2);
    awaitState(s -> s.ready() == 2);
    backend.scale(2);
    ReplicaState s = backend.state();
    assertThat(s.desired()).isEqualTo(2);
    assertThat(s.current()).isEqualTo(2);
    assertThat(s.ready()).isEqualTo(2);
  }

  @Test
  void observeListsEachCurrentReplicaOnceWithItsReadiness() {
    backend.scale(MAX_USED);
    for (int i = 0; i < maxSteps(); i++) {
      ReplicaState before = backend.state();
      ScalingInput input = backend.observe();
      Set<String> ids = new HashSet<>();
      for (ReplicaSample r : input.replicas()) {
        assertThat(ids.add(r.id())).as("replica %s listed once", r.id()).isTrue();
      }
      if (before.equals(backend.state())) {
        assertThat(input.currentReplicas()).isEqualTo(before.current());
        assertThat(input.readyReplicas()).isEqualTo(before.ready());
      }
      if (before.ready() == MAX_USED) {
        return;
      }
      passTime();
    }
    throw new AssertionError("never reached " + MAX_USED + " ready; last " + backend.state());
  }

  @Test
  void workloadNameIsStableAndNotBlank() {
    String name = backend.workload();
    assertThat(name).isNotBlank();
    backend.scale(1);
    assertThat(backend.workload()).isEqualTo(name);
  }

  /**
   * Calls {@link #passTime()} until the state matches, failing after {@link #maxSteps()} calls.
   *
   * @param wanted the state to reach
   * @return the matching state
   */
  protected ReplicaState awaitState(Predicate<ReplicaState> wanted) {
    ReplicaState s = backend.state();
    for (int i = 0; i < maxSteps() && !wanted.test(s); i++) {
      passTime();
      s = backend.state();
    }
    assertThat(wanted.test(s)).as("state reached; last %s", s).isTrue();
    return s;
  }
}

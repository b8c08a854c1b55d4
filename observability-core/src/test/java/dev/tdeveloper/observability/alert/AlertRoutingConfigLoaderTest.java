package dev.tdeveloper.observability.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tdeveloper.observability.Labels;
import dev.tdeveloper.tenancy.config.ConfigException;
import dev.tdeveloper.tenancy.config.ConfigProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRoutingConfigLoaderTest {
  static final String FULL =
      """
      route:
        receiver: ops
        group_by: [alertname, cluster]
        group_wait: 10s
        group_interval: 2m
        repeat_interval: 3h
        routes:
          - matchers: ['severity="critical"', 'team=~"db|storage"']
            receiver: pager
            continue: true
            routes:
              - matchers: ['tenant="acme"']
                group_by: ['...']
          - matchers: ['severity!="info"']
            repeat_interval: 1d
      inhibit_rules:
        - source_matchers: ['severity="critical"']
          target_matchers: ['severity="warning"']
          equal: [alertname, cluster]
      receivers:
        - name: ops
        - name: pager
      """;

  @TempDir Path temp;

  @Test
  void readsAnAlertmanagerShapedFileIntoRoutesRulesAndReceiverNames() throws Exception {
    Path file = temp.resolve("alerting.yaml");
    Files.writeString(file, FULL);
    AlertRoutingConfig config = AlertRoutingConfigLoader.load(file);

    assertThat(config.receivers()).containsExactly("ops", "pager");
    Route root = config.route();
    assertThat(root.receiver()).isEqualTo("ops");
    assertThat(root.groupBy()).containsExactly("alertname", "cluster");
    assertThat(root.groupWait()).isEqualTo(Duration.ofSeconds(10));
    Route pager = root.children().get(0);
    assertThat(pager.matchers())
        .containsExactly(
            Matcher.equal("severity", "critical"), Matcher.regex("team", "db|storage"));
    assertThat(pager.continueMatching()).isTrue();
    assertThat(pager.groupInterval()).isEqualTo(Duration.ofMinutes(2)); // inherited
    assertThat(pager.children().get(0).groupByAll()).isTrue();
    assertThat(pager.children().get(0).receiver()).isEqualTo("pager");
    assertThat(root.children().get(1).repeatInterval()).isEqualTo(Duration.ofDays(1));
    assertThat(config.inhibitRules())
        .containsExactly(
            new InhibitRule(
                List.of(Matcher.equal("severity", "critical")),
                List.of(Matcher.equal("severity", "warning")),
                Set.of("alertname", "cluster")));
    assertThat(
            root.match(
                Labels.of(
                    "alertname", "X", "severity", "critical", "team", "db", "tenant", "acme")))
        .extracting(Route::receiver)
        .containsExactly("pager", "ops");

    RecordingNotifier ops = new RecordingNotifier("ops");
    AlertRouter router =
        config
            .applyTo(AlertRouter.builder())
            .receiver("ops", ops)
            .receiver("pager", new RecordingNotifier("pager"))
            .build();
    assertThat(router.route()).isSameAs(root);
  }

  @Test
  void reportsEveryBadKeyAndValueWithFileLineAndColumn() {
    String text =
        """
        route:
          receiver: opz
          group_wait: soon
          group_interval: 0s
          grup_by: [alertname]
          routes:
            - matchers: ['severity=="critical"']
              continue: maybe
            - match: {severity: critical}
        inhibit_rules:
          - source_matchers: []
            target_matchers: ['severity="warning"']
            equal: [not-a-label]
        receivers:
          - name: ops
            pagerduty_configs: []
          - name: ops
        """;
    assertThatThrownBy(() -> AlertRoutingConfigLoader.parse("alerting.yaml", text))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e -> {
              List<String> messages =
                  ((ConfigException) e).problems().stream().map(ConfigProblem::message).toList();
              assertThat(messages)
                  .anySatisfy(
                      m ->
                          assertThat(m)
                              .startsWith("alerting.yaml:2:13: route.receiver")
                              .contains("did you mean 'ops'"))
                  .anySatisfy(m -> assertThat(m).startsWith("alerting.yaml:3:15: route.group_wait"))
                  .anySatisfy(
                      m ->
                          assertThat(m)
                              .startsWith("alerting.yaml:4:19: route.group_interval")
                              .contains("not positive"))
                  .anySatisfy(
                      m ->
                          assertThat(m)
                              .startsWith("alerting.yaml:5:3: route.grup_by")
                              .contains("unknown key (did you mean 'group_by'?)"))
                  .anySatisfy(m -> assertThat(m).startsWith("alerting.yaml:7:"))
                  .anySatisfy(m -> assertThat(m).contains("maybe").contains("true or false"))
                  .anySatisfy(
                      m -> assertThat(m).contains("match").contains("did you mean 'matchers'"))
                  .anySatisfy(
                      m ->
                          assertThat(m)
                              .contains("source_matchers")
                              .contains("at least one matcher is required"))
                  .anySatisfy(m -> assertThat(m).contains("not-a-label"))
                  .anySatisfy(m -> assertThat(m).contains("pagerduty_configs: unknown key"))
                  .anySatisfy(m -> assertThat(m).contains("duplicate receiver name"));
              assertThat(messages).allSatisfy(m -> assertThat(m).startsWith("alerting.yaml:"));
            });
  }

  @Test
  void requiresARootRouteWithAReceiverAndNoMatchers() {
    assertThatThrownBy(() -> AlertRoutingConfigLoader.parse("a.yaml", "receivers: [{name: ops}]"))
        .hasMessageContaining("route: required key is missing");
    assertThatThrownBy(
            () ->
                AlertRoutingConfigLoader.parse(
                    "a.yaml",
                    "route:\n  matchers: ['a=\"b\"']\n  receiver: ops\nreceivers: [{name: ops}]"))
        .hasMessageContaining("a.yaml:2:13: route.matchers")
        .hasMessageContaining("not allowed on the root route");
    assertThatThrownBy(
            () ->
                AlertRoutingConfigLoader.parse("a.yaml", "route:\n  group_by: [x]\nreceivers: []"))
        .hasMessageContaining("route.receiver: required key is missing");
    assertThatThrownBy(() -> AlertRoutingConfigLoader.parse("a.yaml", ""))
        .hasMessageContaining("the file is empty");
    assertThatThrownBy(() -> AlertRoutingConfigLoader.load(temp.resolve("missing.yaml")))
        .hasMessageContaining("does not exist");
  }
}

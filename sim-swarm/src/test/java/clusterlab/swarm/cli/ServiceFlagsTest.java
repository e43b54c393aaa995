package clusterlab.swarm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clusterlab.runtime.cli.args.DockerArgs;
import clusterlab.runtime.cli.args.ParseException;
import clusterlab.runtime.cli.args.ParsedCommand;
import clusterlab.swarm.orchestrator.RestartPolicy;
import clusterlab.swarm.orchestrator.UpdateConfig;
import clusterlab.swarm.store.PortConfig;
import clusterlab.swarm.store.ServiceMount;
import clusterlab.swarm.store.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ServiceFlagsTest {

    private static ParsedCommand parse(String... argv) {
        try {
            return new DockerArgs().parse(List.of(argv));
        } catch (ParseException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static ServiceSpec create(String... flagsAndImage) {
        List<String> argv = new ArrayList<>(List.of("service", "create"));
        argv.addAll(List.of(flagsAndImage));
        return ServiceFlags.create(parse(argv.toArray(String[]::new)));
    }

    private static ServiceSpec update(ServiceSpec current, String... flags) {
        List<String> argv = new ArrayList<>(List.of("service", "update"));
        argv.addAll(List.of(flags));
        argv.add("svc");
        return ServiceFlags.update(current, parse(argv.toArray(String[]::new)));
    }

    private static ServiceFlags.Invalid createFails(String... flagsAndImage) {
        try {
            create(flagsAndImage);
        } catch (ServiceFlags.Invalid e) {
            return e;
        }
        throw new AssertionError("accepted: " + List.of(flagsAndImage));
    }

    private static ServiceFlags.Invalid updateFails(ServiceSpec current, String... flags) {
        try {
            update(current, flags);
        } catch (ServiceFlags.Invalid e) {
            return e;
        }
        throw new AssertionError("accepted: " + List.of(flags));
    }

    private static final ServiceSpec NGINX = create("--name", "web", "--publish", "80:80", "nginx:1.12");

    // ------------------------------------------------------------ create

    @Test
    void theCoursesCommand() {
        ServiceSpec s = create("--detach=true", "--name", "nginx1", "--publish", "80:80", "--mount",
                "source=/etc/hostname,target=/usr/share/nginx/html/index.html,type=bind,ro", "nginx:1.12");
        assertThat(s.name()).isEqualTo("nginx1");
        assertThat(s.image()).isEqualTo("nginx:1.12");
        assertThat(s.args()).isNull();
        assertThat(s.mode()).isEqualTo("replicated");
        assertThat(s.replicas()).isEqualTo(1);
        assertThat(s.mounts()).containsExactly(
                new ServiceMount("bind", "/etc/hostname", "/usr/share/nginx/html/index.html", true));
        assertThat(s.ports()).containsExactly(new PortConfig("tcp", 80, 80, "ingress"));
        assertThat(s.ports().get(0).display()).isEqualTo("*:80->80/tcp");
        assertThat(s.restartPolicy()).isEqualTo(RestartPolicy.DEFAULTS);
        assertThat(s.updateConfig()).isEqualTo(UpdateConfig.DEFAULTS);
        assertThat(s.stopGracePeriodNanos()).isEqualTo(ServiceSpec.DEFAULT_STOP_GRACE_NANOS);
        assertThat(s.endpointMode()).isEqualTo("vip");
    }

    @Test
    void replicasAndArgs() {
        ServiceSpec s = create("--replicas=5", "--name", "ping", "alpine", "ping", "docker.com");
        assertThat(s.replicas()).isEqualTo(5);
        assertThat(s.args()).containsExactly("ping", "docker.com");
        assertThat(create("alpine").name()).isEmpty();
    }

    @Test
    void globalMode() {
        ServiceSpec s = create("--mode", "global", "nginx");
        assertThat(s.global()).isTrue();
    }

    @Test
    void portForms() {
        assertThat(create("-p", "8080:80/udp", "nginx").ports()).containsExactly(new PortConfig("udp", 80, 8080, "ingress"));
        assertThat(create("-p", "80", "nginx").ports()).containsExactly(new PortConfig("tcp", 80, 0, "ingress"));
        assertThat(create("-p", "published=8080,target=80,protocol=tcp,mode=host", "nginx").ports())
                .containsExactly(new PortConfig("tcp", 80, 8080, "host"));
        assertThat(create("-p", "target=80", "nginx").ports()).containsExactly(new PortConfig("tcp", 80, 0, "ingress"));
        assertThat(create("-p", "8080-8081:80-81", "nginx").ports()).containsExactly(
                new PortConfig("tcp", 80, 8080, "ingress"), new PortConfig("tcp", 81, 8081, "ingress"));
    }

    @Test
    void mountForms() {
        assertThat(create("--mount", "type=volume,src=data,dst=/data", "redis").mounts())
                .containsExactly(new ServiceMount("volume", "data", "/data", false));
        assertThat(create("--mount", "target=/cache,readonly=1", "redis").mounts())
                .containsExactly(new ServiceMount("volume", "", "/cache", true));
        assertThat(create("--mount", "type=bind,source=/x,destination=/y,ro=false", "redis").mounts())
                .containsExactly(new ServiceMount("bind", "/x", "/y", false));
    }

    @Test
    void envLabelsAndPlacement() {
        ServiceSpec s = create("-e", "A=1", "--env", "B", "-e", "C=3", "-e", "A=2", "--label", "tier=web",
                "--label", "flag", "--container-label", "x=y", "--constraint", "node.role==manager",
                "--placement-pref", "spread=node.labels.zone", "nginx");
        assertThat(s.env()).containsExactly("A=2", "B", "C=3");
        assertThat(s.labels()).containsEntry("tier", "web").containsEntry("flag", "");
        assertThat(s.containerLabels()).containsEntry("x", "y");
        assertThat(s.constraints()).containsExactly("node.role==manager");
        assertThat(s.placementPrefs()).containsExactly("spread=node.labels.zone");
    }

    @Test
    void taskSettings() {
        ServiceSpec s = create("--reserve-cpu", "0.5", "--reserve-memory", "64m", "--limit-cpu", "1",
                "--limit-memory", "128m", "--restart-condition", "on-failure", "--restart-delay", "10s",
                "--restart-max-attempts", "3", "--restart-window", "1m", "--update-parallelism", "2",
                "--update-delay", "10s", "--update-failure-action", "rollback", "--update-monitor", "30s",
                "--update-max-failure-ratio", "0.25", "--update-order", "start-first", "--rollback-parallelism", "0",
                "--rollback-failure-action", "continue", "--hostname", "h", "--workdir", "/w", "--user", "nobody",
                "--entrypoint", "sh -c 'echo hi'", "--stop-grace-period", "30s", "--stop-signal", "SIGINT",
                "--tty", "--read-only", "--endpoint-mode", "dnsrr", "nginx");
        assertThat(s.reserveNanoCpus()).isEqualTo(500_000_000L);
        assertThat(s.reserveMemoryBytes()).isEqualTo(64L << 20);
        assertThat(s.limitNanoCpus()).isEqualTo(1_000_000_000L);
        assertThat(s.limitMemoryBytes()).isEqualTo(128L << 20);
        assertThat(s.restartPolicy()).isEqualTo(new RestartPolicy(RestartPolicy.Condition.ON_FAILURE,
                10_000_000_000L, 3, 60_000_000_000L));
        assertThat(s.updateConfig()).isEqualTo(new UpdateConfig(2, 10_000_000_000L,
                UpdateConfig.FailureAction.ROLLBACK, 30_000_000_000L, 0.25, UpdateConfig.Order.START_FIRST));
        assertThat(s.rollbackConfig().parallelism()).isZero();
        assertThat(s.rollbackConfig().failureAction()).isEqualTo(UpdateConfig.FailureAction.CONTINUE);
        assertThat(s.hostname()).isEqualTo("h");
        assertThat(s.workdir()).isEqualTo("/w");
        assertThat(s.user()).isEqualTo("nobody");
        assertThat(s.entrypoint()).containsExactly("sh", "-c", "echo hi");
        assertThat(s.stopGracePeriodNanos()).isEqualTo(30_000_000_000L);
        assertThat(s.stopSignal()).isEqualTo("SIGINT");
        assertThat(s.tty()).isTrue();
        assertThat(s.readOnly()).isTrue();
        assertThat(s.endpointMode()).isEqualTo("dnsrr");
    }

    // ------------------------------------------------------------ create errors

    private static void assertClient(ServiceFlags.Invalid e, String message) {
        assertThat(e.message()).isEqualTo(message);
        assertThat(e.daemon()).isFalse();
        assertThat(e.kind()).isEqualTo(ServiceFlags.Invalid.Kind.CLIENT);
        assertThat(e.printed()).isEqualTo(message);
        assertThat(e.exitStatus()).isEqualTo(1);
    }

    private static void assertDaemon(ServiceFlags.Invalid e, String message) {
        assertThat(e.message()).isEqualTo(message);
        assertThat(e.daemon()).isTrue();
        assertThat(e.printed()).isEqualTo("Error response from daemon: " + message);
        assertThat(e.exitStatus()).isEqualTo(1);
    }

    private static void assertFlag(ServiceFlags.Invalid e, String message, String command) {
        assertThat(e.message()).isEqualTo(message);
        assertThat(e.daemon()).isFalse();
        assertThat(e.kind()).isEqualTo(ServiceFlags.Invalid.Kind.FLAG);
        assertThat(e.printed()).isEqualTo(message + "\nSee '" + command + " --help'.");
        assertThat(e.exitStatus()).isEqualTo(125);
    }

    @Test
    void modeErrors() {
        assertClient(createFails("--mode", "global", "--replicas", "2", "nginx"),
                "replicas can only be used with replicated mode");
        assertClient(createFails("--mode", "both", "nginx"), "Unknown mode: both, only replicated and global supported");
    }

    @Test
    void publishErrors() {
        String c = "docker service create";
        assertFlag(createFails("-p", "80:http", "nginx"),
                "invalid argument \"80:http\" for \"-p, --publish\" flag: Invalid containerPort: http", c);
        assertFlag(createFails("-p", "x:80", "nginx"),
                "invalid argument \"x:80\" for \"-p, --publish\" flag: Invalid hostPort: x", c);
        assertFlag(createFails("-p", "80:80/icmp", "nginx"),
                "invalid argument \"80:80/icmp\" for \"-p, --publish\" flag: Invalid proto: icmp", c);
        assertFlag(createFails("-p", "1.2.3.4:80:80", "nginx"),
                "invalid argument \"1.2.3.4:80:80\" for \"-p, --publish\" flag: hostip is not supported", c);
        assertFlag(createFails("-p", "published=80", "nginx"),
                "invalid argument \"published=80\" for \"-p, --publish\" flag: missing mandatory field \"target\"", c);
        assertFlag(createFails("-p", "target=80,mode=mesh", "nginx"),
                "invalid argument \"target=80,mode=mesh\" for \"-p, --publish\" flag: invalid publish mode value mesh", c);
        assertFlag(createFails("-p", "target=80,protocol=icmp", "nginx"),
                "invalid argument \"target=80,protocol=icmp\" for \"-p, --publish\" flag: invalid protocol value icmp", c);
        assertFlag(createFails("-p", "target=80,port=9", "nginx"),
                "invalid argument \"target=80,port=9\" for \"-p, --publish\" flag: invalid field key port", c);
        assertFlag(createFails("-p", "target=99999", "nginx"), "invalid argument \"target=99999\" for \"-p, --publish\" "
                + "flag: strconv.ParseUint: parsing \"99999\": value out of range", c);
        assertFlag(createFails("-p", "target=80,published", "nginx"),
                "invalid argument \"target=80,published\" for \"-p, --publish\" flag: invalid field published", c);
        assertDaemon(createFails("-p", "80:80", "-p", "80:81", "nginx"),
                "rpc error: code = InvalidArgument desc = EndpointSpec: duplicate published ports provided");
        assertDaemon(createFails("-p", "80:80", "--endpoint-mode", "dnsrr", "nginx"), "rpc error: code = InvalidArgument"
                + " desc = EndpointSpec: port published with ingress mode can't be used with dnsrr mode");
        assertDaemon(createFails("--endpoint-mode", "rr", "nginx"), "invalid resolution mode: \"rr\"");
    }

    @Test
    void mountErrors() {
        String c = "docker service create";
        assertFlag(createFails("--mount", "type=bind,source=/x", "nginx"),
                "invalid argument \"type=bind,source=/x\" for \"--mount\" flag: target is required", c);
        assertFlag(createFails("--mount", "target=/x,bogus", "nginx"), "invalid argument \"target=/x,bogus\" for "
                + "\"--mount\" flag: invalid field 'bogus' must be a key=value pair", c);
        assertFlag(createFails("--mount", "target=/x,size=1", "nginx"), "invalid argument \"target=/x,size=1\" for "
                + "\"--mount\" flag: unexpected key 'size' in 'size=1'", c);
        assertFlag(createFails("--mount", "target=/x,ro=maybe", "nginx"),
                "invalid argument \"target=/x,ro=maybe\" for \"--mount\" flag: invalid value for ro: maybe", c);
        assertDaemon(createFails("--mount", "type=bind,target=/y", "nginx"),
                "invalid bind mount source, must be an absolute path: ");
        assertDaemon(createFails("--mount", "type=volume,source=/abs,target=/y", "nginx"),
                "invalid volume mount source, must not be an absolute path: /abs");
        assertDaemon(createFails("--mount", "target=rel", "nginx"), "invalid mount target, must be an absolute path: rel");
        assertDaemon(createFails("--mount", "target=/y", "--mount", "source=v,target=/y", "nginx"),
                "rpc error: code = InvalidArgument desc = ContainerSpec: duplicate mount point: /y");
    }

    @Test
    void placementAndEnvErrors() {
        String c = "docker service create";
        assertDaemon(createFails("--constraint", "node.role=manager", "nginx"),
                "rpc error: code = Unknown desc = constraint expected one operator from ==, !=");
        assertFlag(createFails("--placement-pref", "pack=node.labels.x", "nginx"), "invalid argument "
                + "\"pack=node.labels.x\" for \"--placement-pref\" flag: unsupported placement preference pack "
                + "(only spread is supported)", c);
        assertFlag(createFails("--placement-pref", "spread", "nginx"), "invalid argument \"spread\" for "
                + "\"--placement-pref\" flag: placement preference must be of the format \"<strategy>=<arg>\"", c);
        assertFlag(createFails("-e", "=x", "nginx"),
                "invalid argument \"=x\" for \"-e, --env\" flag: invalid environment variable: =x", c);
        assertFlag(createFails("--entrypoint", "sh -c 'x", "nginx"), "invalid argument \"sh -c 'x\" for "
                + "\"--entrypoint\" flag: EOF found when expecting closing quote", c);
    }

    @Test
    void daemonValidation() {
        String rpc = "rpc error: code = InvalidArgument desc = ";
        assertDaemon(createFails("--restart-condition", "always", "nginx"), "invalid RestartCondition: \"always\"");
        assertDaemon(createFails("--restart-delay", "-1s", "nginx"), rpc + "TaskSpec: restart-delay cannot be negative");
        assertDaemon(createFails("--restart-window", "-1s", "nginx"), rpc + "TaskSpec: restart-window cannot be negative");
        assertDaemon(createFails("--update-delay", "-1s", "nginx"), rpc + "TaskSpec: update-delay cannot be negative");
        assertDaemon(createFails("--update-monitor", "-1s", "nginx"), rpc + "TaskSpec: update-monitor cannot be negative");
        assertDaemon(createFails("--update-max-failure-ratio", "1.5", "nginx"),
                rpc + "TaskSpec: update-maxfailureratio cannot be less than 0 or bigger than 1");
        assertDaemon(createFails("--update-failure-action", "stop", "nginx"), "unrecognized update failure action stop");
        assertDaemon(createFails("--update-order", "random", "nginx"), "unrecognized update order random");
        assertDaemon(createFails("--rollback-failure-action", "rollback", "nginx"),
                "unrecognized rollback failure action rollback");
        assertDaemon(createFails("--limit-cpu", "0.0001", "nginx"), rpc + "invalid cpu value 0.0001: Must be at least 0.001");
        assertDaemon(createFails("--reserve-cpu", "0.000001", "nginx"),
                rpc + "invalid cpu value 1e-06: Must be at least 0.001");
        assertDaemon(createFails("--limit-memory", "1m", "nginx"),
                rpc + "invalid memory value 1048576: Must be at least 4MiB");
        assertDaemon(createFails("--name", "my.web", "nginx"), rpc + "name must be valid as a DNS name component");
        assertDaemon(createFails("--name", "a".repeat(64), "nginx"), rpc + "name must be 63 characters or fewer");
        assertDaemon(createFails("Nginx"), rpc + "ContainerSpec: \"Nginx\" is not a valid repository/tag");
    }

    // ------------------------------------------------------------ update

    @Test
    void updateImageAndReplicas() {
        ServiceSpec s = update(NGINX, "--image", "nginx:1.13");
        assertThat(s.image()).isEqualTo("nginx:1.13");
        assertThat(s.withImage("nginx:1.12")).isEqualTo(NGINX);
        assertThat(update(NGINX, "--replicas=5").replicas()).isEqualTo(5);
        assertThat(update(NGINX, "--detach=true")).isEqualTo(NGINX);
        assertThat(update(NGINX, "--args", "nginx -g 'daemon off;'").args())
                .containsExactly("nginx", "-g", "daemon off;");
    }

    @Test
    void updateEnv() {
        ServiceSpec s = update(create("-e", "A=1", "-e", "B=2", "nginx"), "--env-add", "A=9", "--env-add", "C=3",
                "--env-rm", "B");
        assertThat(s.env()).containsExactly("A=9", "C=3");
    }

    @Test
    void updateLabelsAndConstraints() {
        ServiceSpec base = create("--label", "a=1", "--container-label", "x=1", "--constraint", "node.role==worker",
                "nginx");
        ServiceSpec s = update(base, "--label-add", "b=2", "--label-rm", "a", "--container-label-rm", "x",
                "--constraint-add", "node.hostname!=n1", "--constraint-rm", "node.role==worker",
                "--placement-pref-add", "spread=node.labels.dc");
        assertThat(s.labels()).containsOnlyKeys("b");
        assertThat(s.containerLabels()).isEmpty();
        assertThat(s.constraints()).containsExactly("node.hostname!=n1");
        assertThat(s.placementPrefs()).containsExactly("spread=node.labels.dc");
        assertThat(update(s, "--placement-pref-rm", "spread=node.labels.dc").placementPrefs()).isEmpty();
    }

    @Test
    void updateMounts() {
        ServiceSpec base = create("--mount", "type=bind,source=/b,target=/data", "--mount", "source=v,target=/v", "nginx");
        ServiceSpec s = update(base, "--mount-add", "type=bind,source=/a,target=/data,ro", "--mount-rm", "/v",
                "--mount-add", "source=z,target=/z");
        // replaced by target, removed by target, sorted by source
        assertThat(s.mounts()).containsExactly(new ServiceMount("bind", "/a", "/data", true),
                new ServiceMount("volume", "z", "/z", false));
        assertClient(updateFails(base, "--mount-add", "target=/q", "--mount-add", "source=w,target=/q"),
                "duplicate mount target");
    }

    @Test
    void updatePorts() {
        ServiceSpec s = update(NGINX, "--publish-add", "8080:8080", "--publish-add", "443:443");
        assertThat(s.ports()).extracting(PortConfig::display)
                // docker sorts by "published:target/proto/mode" as strings: "8080:" before "80:"
                .containsExactly("*:443->443/tcp", "*:8080->8080/tcp", "*:80->80/tcp");
        assertThat(update(s, "--publish-rm", "80").ports()).extracting(PortConfig::targetPort).containsExactly(443, 8080);
        assertThat(update(s, "--publish-rm", "9443:443").ports()).extracting(PortConfig::targetPort)
                .containsExactly(8080, 80);
        assertThat(update(s, "--publish-rm", "80/udp").ports()).hasSize(3); // another protocol: kept
        assertThat(update(NGINX, "--publish-add", "80:80").ports()).isEqualTo(NGINX.ports());
    }

    @Test
    void updateCommonFlags() {
        ServiceSpec base = create("--limit-cpu", "1", "--limit-memory", "64m", "--restart-max-attempts", "2", "nginx");
        ServiceSpec s = update(base, "--limit-cpu", "2", "--restart-condition", "none", "--update-parallelism", "3",
                "--tty", "--endpoint-mode", "dnsrr", "--rollback-order", "start-first");
        assertThat(s.limitNanoCpus()).isEqualTo(2_000_000_000L);
        assertThat(s.limitMemoryBytes()).isZero(); // docker replaces the whole Limits
        assertThat(s.restartPolicy().condition()).isEqualTo(RestartPolicy.Condition.NONE);
        assertThat(s.restartPolicy().maxAttempts()).isEqualTo(2);
        assertThat(s.updateConfig().parallelism()).isEqualTo(3);
        assertThat(s.rollbackConfig().order()).isEqualTo(UpdateConfig.Order.START_FIRST);
        assertThat(s.tty()).isTrue();
        assertThat(s.endpointMode()).isEqualTo("dnsrr");
    }

    @Test
    void updateErrors() {
        ServiceSpec global = create("--mode", "global", "nginx");
        assertClient(updateFails(global, "--replicas", "3"), "replicas can only be used with replicated mode");
        assertFlag(updateFails(NGINX, "--publish-add", "http"),
                "invalid argument \"http\" for \"--publish-add\" flag: Invalid containerPort: http", "docker service update");
        assertFlag(updateFails(NGINX, "--args", "echo \"x"),
                "invalid argument \"echo \\\"x\" for \"--args\" flag: EOF found when expecting closing quote",
                "docker service update");
        assertDaemon(updateFails(NGINX, "--constraint-add", "node.role"),
                "rpc error: code = Unknown desc = constraint expected one operator from ==, !=");
        assertDaemon(updateFails(NGINX, "--publish-add", "80:81"),
                "rpc error: code = InvalidArgument desc = EndpointSpec: duplicate published ports provided");
        assertDaemon(updateFails(NGINX, "--endpoint-mode", "VIP"), "invalid resolution mode: \"VIP\"");
    }

    // ------------------------------------------------------------ properties

    @Property
    void publishedTargetRoundTrips(@ForAll @IntRange(min = 0, max = 65535) int published,
            @ForAll @IntRange(min = 1, max = 65535) int target) {
        ServiceSpec s = create("--publish", published + ":" + target, "nginx");
        assertThat(s.ports()).containsExactly(new PortConfig("tcp", target, published, "ingress"));
        ServiceSpec longForm = create("--publish", "published=" + published + ",target=" + target, "nginx");
        assertThat(longForm.ports()).isEqualTo(s.ports());
        assertThat(update(s, "--publish-rm", String.valueOf(target)).ports()).isEmpty();
    }

    @Test
    void goFormatting() {
        assertThat(ServiceFlags.goG(0.0001)).isEqualTo("0.0001");
        assertThat(ServiceFlags.goG(0.00001)).isEqualTo("1e-05");
        assertThat(ServiceFlags.goG(-1)).isEqualTo("-1");
        assertThat(ServiceFlags.goQuote("a\"b")).isEqualTo("\"a\\\"b\"");
        assertThatThrownBy(() -> create("--mount", "target=/x,\"bad", "nginx")).isInstanceOf(ServiceFlags.Invalid.class);
    }
}

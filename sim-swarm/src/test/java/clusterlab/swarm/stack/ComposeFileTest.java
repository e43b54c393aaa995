package clusterlab.swarm.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clusterlab.kernel.Time;
import clusterlab.swarm.orchestrator.RestartPolicy;
import clusterlab.swarm.orchestrator.UpdateConfig;
import clusterlab.swarm.stack.ComposeFile.Invalid;
import clusterlab.swarm.stack.ComposeFile.Stack;
import clusterlab.swarm.store.PortConfig;
import clusterlab.swarm.store.ServiceMount;
import clusterlab.swarm.store.ServiceSpec;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ComposeFileTest {

    private static final String VOTING_APP = """
            version: "3.7"
            services:
              redis:
                image: redis:alpine
                ports:
                  - "6379"
                networks:
                  - frontend
                deploy:
                  replicas: 1
                  update_config:
                    parallelism: 2
                    delay: 10s
                  restart_policy:
                    condition: on-failure
              db:
                image: postgres:9.4
                volumes:
                  - db-data:/var/lib/postgresql/data
                networks:
                  - backend
                deploy:
                  placement:
                    constraints: [node.role == manager]
              vote:
                image: dockersamples/examplevotingapp_vote:before
                ports:
                  - 5000:80
                networks:
                  - frontend
                depends_on:
                  - redis
                deploy:
                  replicas: 2
                  update_config:
                    parallelism: 2
                    order: start-first
                    failure_action: rollback
                    monitor: 1m30s
                    max_failure_ratio: 0.25
                  rollback_config:
                    parallelism: 0
                  restart_policy:
                    condition: on-failure
                    delay: 500ms
                    max_attempts: 3
                    window: 2m
                  resources:
                    limits: {cpus: '0.5', memory: 50M}
                    reservations: {cpus: '0.25', memory: 20M}
                  labels: [com.example.tier=front]
              worker:
                image: dockersamples/examplevotingapp_worker
                command: sh -c 'exec worker --verbose'
                environment:
                  - REDIS=redis
                  - DEBUG
                labels:
                  com.example.role: worker
                networks:
                  - frontend
                  - backend
                deploy:
                  mode: replicated
                  replicas: 1
                  labels: [APP=VOTING]
                  placement:
                    constraints: [node.role == manager]
                    preferences:
                      - spread: node.labels.zone
              visualizer:
                image: dockersamples/visualizer:stable
                ports:
                  - target: 8080
                    published: 8080
                    protocol: udp
                    mode: host
                stop_grace_period: 1m30s
                stop_signal: SIGINT
                entrypoint: ["/bin/viz", "--port", "8080"]
                working_dir: /app
                user: "1000"
                hostname: viz
                tty: true
                read_only: true
                volumes:
                  - "/var/run/docker.sock:/var/run/docker.sock:ro"
                  - type: bind
                    source: ./conf
                    target: /conf
                    read_only: true
                  - /scratch
                deploy:
                  mode: global
                  endpoint_mode: dnsrr
            networks:
              frontend:
              backend:
            volumes:
              db-data:
            """;

    private static Stack parse(String yaml) {
        return ComposeFile.parse(yaml, "vote", "/home/me/app");
    }

    private static ServiceSpec service(Stack stack, String name) {
        return stack.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().spec();
    }

    private static void assertInvalid(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(Invalid.class).hasMessage(message);
    }

    private static String web(String extra) {
        return "version: '3.7'\nservices:\n  web:\n    image: nginx\n" + extra.indent(4);
    }

    @Test
    void votingAppServicesComeInFileOrderWithScopedNames() {
        Stack stack = parse(VOTING_APP);
        assertThat(stack.services()).extracting(ComposeFile.StackService::name)
                .containsExactly("vote_redis", "vote_db", "vote_vote", "vote_worker", "vote_visualizer");
        assertThat(stack.networks()).containsExactly("vote_backend", "vote_default", "vote_frontend");
        assertThat(stack.warnings()).isEmpty();
    }

    @Test
    void deployKeysMapToTheServiceSpec() {
        ServiceSpec vote = service(parse(VOTING_APP), "vote_vote");
        assertThat(vote.name()).isEqualTo("vote_vote");
        assertThat(vote.image()).isEqualTo("dockersamples/examplevotingapp_vote:before");
        assertThat(vote.replicas()).isEqualTo(2);
        assertThat(vote.ports()).containsExactly(new PortConfig("tcp", 80, 5000, "ingress"));
        assertThat(vote.updateConfig()).isEqualTo(new UpdateConfig(2, 0, UpdateConfig.FailureAction.ROLLBACK,
                90 * Time.SECOND, 0.25, UpdateConfig.Order.START_FIRST));
        assertThat(vote.rollbackConfig().parallelism()).isZero();
        assertThat(vote.restartPolicy()).isEqualTo(new RestartPolicy(RestartPolicy.Condition.ON_FAILURE,
                500 * Time.MILLISECOND, 3, 2 * Time.MINUTE));
        assertThat(vote.limitNanoCpus()).isEqualTo(500_000_000L);
        assertThat(vote.limitMemoryBytes()).isEqualTo(50L * 1024 * 1024);
        assertThat(vote.reserveNanoCpus()).isEqualTo(250_000_000L);
        assertThat(vote.reserveMemoryBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(vote.labels()).containsEntry("com.example.tier", "front")
                .containsEntry("com.docker.stack.namespace", "vote")
                .containsEntry("com.docker.stack.image", "dockersamples/examplevotingapp_vote:before");
        assertThat(vote.containerLabels()).containsOnlyKeys("com.docker.stack.namespace");
    }

    @Test
    void containerSettingsMapToTheServiceSpec() {
        Stack stack = parse(VOTING_APP);
        ServiceSpec worker = service(stack, "vote_worker");
        assertThat(worker.args()).containsExactly("sh", "-c", "exec worker --verbose");
        assertThat(worker.entrypoint()).isNull();
        assertThat(worker.env()).containsExactly("DEBUG", "REDIS=redis");
        assertThat(worker.containerLabels()).containsEntry("com.example.role", "worker")
                .containsEntry("com.docker.stack.namespace", "vote");
        assertThat(worker.labels()).containsEntry("APP", "VOTING");
        assertThat(worker.constraints()).containsExactly("node.role == manager");
        assertThat(worker.placementPrefs()).containsExactly("spread=node.labels.zone");

        ServiceSpec viz = service(stack, "vote_visualizer");
        assertThat(viz.global()).isTrue();
        assertThat(viz.endpointMode()).isEqualTo("dnsrr");
        assertThat(viz.entrypoint()).containsExactly("/bin/viz", "--port", "8080");
        assertThat(viz.args()).isNull();
        assertThat(viz.ports()).containsExactly(new PortConfig("udp", 8080, 8080, "host"));
        assertThat(viz.stopGracePeriodNanos()).isEqualTo(90 * Time.SECOND);
        assertThat(viz.stopSignal()).isEqualTo("SIGINT");
        assertThat(List.of(viz.workdir(), viz.user(), viz.hostname())).containsExactly("/app", "1000", "viz");
        assertThat(viz.tty()).isTrue();
        assertThat(viz.readOnly()).isTrue();
        assertThat(viz.mounts()).containsExactly(
                new ServiceMount("bind", "/var/run/docker.sock", "/var/run/docker.sock", true),
                new ServiceMount("bind", "/home/me/app/conf", "/conf", true),
                new ServiceMount("volume", "", "/scratch", false));

        ServiceSpec db = service(stack, "vote_db");
        assertThat(db.mounts()).containsExactly(
                new ServiceMount("volume", "vote_db-data", "/var/lib/postgresql/data", false));
        assertThat(db.replicas()).isEqualTo(1);
        assertThat(db.restartPolicy()).isEqualTo(RestartPolicy.DEFAULTS);
        assertThat(db.updateConfig()).isEqualTo(UpdateConfig.DEFAULTS);
        ServiceSpec redis = service(stack, "vote_redis");
        assertThat(redis.ports()).containsExactly(new PortConfig("tcp", 6379, 0, "ingress"));
    }

    @Test
    void shortPortFormsAndRangesAreSortedByPublishedPort() {
        ServiceSpec web = service(parse(web("ports: ['9090-9091:8080-8081', '53:53/udp', 80, '127.0.0.1:8001:8001']")),
                "vote_web");
        assertThat(web.ports()).containsExactly(new PortConfig("tcp", 80, 0, "ingress"),
                new PortConfig("udp", 53, 53, "ingress"), new PortConfig("tcp", 8001, 8001, "ingress"),
                new PortConfig("tcp", 8080, 9090, "ingress"), new PortConfig("tcp", 8081, 9091, "ingress"));
    }

    @Test
    void environmentMappingAndExternalOrNamedVolumes() {
        String yaml = web("""
                environment: {B: 2, A: "x", C: }
                volumes: ["ext:/e", "named:/n"]
                """) + "volumes:\n  ext:\n    external: true\n  named:\n    name: shared-data\n";
        ServiceSpec web = service(parse(yaml), "vote_web");
        assertThat(web.env()).containsExactly("A=x", "B=2", "C");
        assertThat(web.mounts()).extracting(ServiceMount::source).containsExactly("ext", "shared-data");
    }

    @Test
    void ignoredOptionsAreWarnedAboutAsDockerDoes() {
        String yaml = """
                version: "3.7"
                services:
                  web:
                    image: nginx
                    build: ./web
                    links: [db]
                    container_name: web
                    restart: always
                  db:
                    image: postgres
                    build: ./db
                    expose: ["5432"]
                """;
        assertThat(parse(yaml).warnings()).containsExactly(
                "Ignoring unsupported options: build, links, restart",
                "Ignoring deprecated options:\n\ncontainer_name: Setting the container name is not supported.\n\n"
                        + "expose: Exposing ports is unnecessary - services on the same network can access each "
                        + "other's containers on any port.");
    }

    @Test
    void legacyRestartIsHonouredWithoutADeployRestartPolicy() {
        ServiceSpec web = service(parse(web("restart: on-failure:4")), "vote_web");
        assertThat(web.restartPolicy().condition()).isEqualTo(RestartPolicy.Condition.ON_FAILURE);
        assertThat(web.restartPolicy().maxAttempts()).isEqualTo(4);
    }

    @Test
    void forbiddenOptionsRefuseTheFile() {
        assertInvalid(web("volume_driver: flocker\nextends: {service: foo}"),
                "Compose file contains unsupported options:\n\n"
                        + "extends: Support for `extends` is not implemented yet.\n\n"
                        + "volume_driver: Instead of setting the volume driver on the service, define a volume using "
                        + "the top-level `volumes` option and specify the driver there.\n");
    }

    @Test
    void documentShapeErrors() {
        assertInvalid("", "Top-level object must be a mapping");
        assertInvalid("- a\n- b\n", "Top-level object must be a mapping");
        assertInvalid("\"hello\"", "Top-level object must be a mapping");
        assertInvalid("version: '3'\n123:\n  foo: bar\n", "Non-string key at top level: 123");
        assertInvalid("version: '3'\nservices:\n  web:\n    image: a\n    environment:\n      1: FOO\n",
                "Non-string key in services.web.environment: 1");
        assertInvalid("services:\n  web:\n    image: nginx\n", "unsupported Compose file version: 1.0");
        assertInvalid("version: '2'\nservices:\n  web:\n    image: nginx\n", "unsupported Compose file version: 2");
        assertInvalid("version: '3.8'\nservices: {}\n", "unsupported Compose file version: 3.8");
        // The schema wants a string: an unquoted number is refused, as docker refuses it.
        assertInvalid("version: 3.7\nservices:\n  web:\n    image: nginx\n", "version must be a string");
        assertThat(parse("version: '3'\nservices:\n  web:\n    image: nginx\n").services()).hasSize(1);
    }

    @Test
    void schemaErrorsUseDockerWording() {
        assertInvalid(web("foo: bar"), "foo Additional property foo is not allowed");
        assertInvalid(web("deploy:\n  replicas: two"), "services.web.deploy.replicas must be a integer");
        assertInvalid(web("deploy:\n  resources:\n    limits:\n      cpus: 0.5"),
                "services.web.deploy.resources.limits.cpus must be a string");
        assertInvalid(web("deploy:\n  restart_policy:\n    delay: 5"),
                "services.web.deploy.restart_policy.delay must be a string");
        assertInvalid(web("stop_grace_period: 10 seconds"),
                "services.web.stop_grace_period Does not match format 'duration'");
        assertInvalid(web("environment: FOO=1"), "services.web.environment must be a mapping");
        assertInvalid(web("environment:\n  FOO: [1]"),
                "services.web.environment.FOO must be a string, number or null");
        assertInvalid(web("command: 5"), "services.web.command must be a string");
        assertInvalid(web("ports:\n  - target: 80\n    color: red"),
                "services.web.ports.0 Additional property color is not allowed");
        assertInvalid(web("deploy:\n  update_config:\n    order: sideways"),
                "services.web.deploy.update_config.order must be one of the following: \"start-first\", "
                        + "\"stop-first\"");
        assertInvalid("version: '3.7'\nservices:\n  - web\n", "services must be a mapping");
        assertInvalid("version: '3.7'\nservices:\n  web: nginx\n", "services.web must be a mapping");
        assertInvalid("version: '3.7'\nservices: {}\nfoo: 1\n", "foo Additional property foo is not allowed");
    }

    @Test
    void keysNewerThanTheFileVersionAreUnknown() {
        assertInvalid("version: '3.3'\nservices:\n  web:\n    image: a\n    deploy:\n      rollback_config: {}\n",
                "rollback_config Additional property rollback_config is not allowed");
        assertInvalid("version: '3.0'\nservices:\n  web:\n    image: a\n    ports:\n      - target: 80\n",
                "services.web.ports.0 must be a string or number");
        assertInvalid("version: '3.2'\nservices: {}\nconfigs: {}\n", "configs Additional property configs is not allowed");
        assertThat(parse("version: '3.4'\nx-common: &c {image: a}\nservices:\n  web: *c\n").services()).hasSize(1);
    }

    @Test
    void loaderAndConverterErrors() {
        assertInvalid(web("ports: ['80:abc']"), "Invalid containerPort: abc");
        assertInvalid(web("ports: ['80/icmp']"), "Invalid proto: icmp");
        assertInvalid(web("volumes: ['a::b']"), "invalid spec: a::b: empty section between colons");
        assertInvalid(web("deploy:\n  resources:\n    limits:\n      memory: 50Q"), "invalid size: '50Q'");
        assertInvalid(web("command: \"echo 'unterminated\""), "EOF found when expecting closing quote");
        assertInvalid(web("volumes: ['data:/data']"), "service web: undefined volume \"data\"");
        assertInvalid(web("networks: [back]"), "service web: undefined network \"back\"");
        assertInvalid(web("deploy:\n  mode: global\n  replicas: 2"),
                "service web: replicas can only be used with replicated mode");
        assertInvalid(web("deploy:\n  mode: daemon"), "service web: Unknown mode: daemon");
        assertInvalid(web("deploy:\n  resources:\n    limits:\n      cpus: 'lots'"),
                "service web: failed to parse lots as a rational number");
    }

    @Test
    void daemonErrorsNameTheServiceBeingCreated() {
        assertInvalid("version: '3.7'\nservices:\n  web:\n    command: [true]\n",
                "services.web.command.0 must be a string");
        assertInvalid("version: '3.7'\nservices:\n  web:\n    hostname: h\n",
                "failed to create service vote_web: Error response from daemon: rpc error: code = InvalidArgument "
                        + "desc = ContainerSpec: image reference must be provided");
        assertInvalid(web("deploy:\n  restart_policy:\n    condition: on_failure"),
                "failed to create service vote_web: Error response from daemon: invalid RestartCondition: "
                        + "\"on_failure\"");
    }

    @Test
    void billionLaughsIsRefusedNotExpanded() {
        StringBuilder yaml = new StringBuilder("version: '3.7'\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            yaml.append("]\n");
            prev = c;
        }
        long start = System.nanoTime();
        assertInvalid(yaml.toString(), "yaml: document contains excessive aliasing");
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }

    @Test
    void duplicateKeysAndGlobalTagsAreRefused() {
        assertInvalid("version: '3.7'\nservices:\n  web:\n    image: a\n    image: b\n",
                "yaml: unmarshal errors:\n  line 5: key \"image\" already set in map");
        assertThatThrownBy(() -> parse("version: '3.7'\nservices: !!javax.script.ScriptEngineManager []\n"))
                .isInstanceOf(Invalid.class).hasMessageStartingWith("yaml: ");
        assertThatThrownBy(() -> parse("version: '3.7'\nservices: [\n")).isInstanceOf(Invalid.class)
                .hasMessageStartingWith("yaml: line ");
    }

    @Test
    void stackCreatesOnlyTheNetworksItsServicesUse() {
        String yaml = """
                version: '3.7'
                services:
                  web: {image: a, networks: [front, outside]}
                networks:
                  front: {name: custom-front}
                  unused: {}
                  outside: {external: true}
                """;
        assertThat(parse(yaml).networks()).containsExactly("custom-front");
    }

    /** Single-quoted words survive shell splitting unchanged, whatever their characters. */
    @Property(tries = 200)
    void quotedWordsRoundTripThroughShellSplitting(
            @ForAll @Size(min = 1, max = 6) List<@NotEmpty @StringLength(max = 12) @AlphaChars String> words) {
        StringBuilder command = new StringBuilder();
        for (String w : words) {
            command.append(" '").append(w).append("' ");
        }
        assertThat(ShellWords.split(command.toString())).isEqualTo(words);
        assertThat(ShellWords.split(String.join(" \t ", words))).isEqualTo(words);
    }
}

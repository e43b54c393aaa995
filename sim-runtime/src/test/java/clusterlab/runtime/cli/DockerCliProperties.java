package clusterlab.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.host.CommandResult;
import clusterlab.kernel.host.Host;
import clusterlab.runtime.DockerRuntime;
import clusterlab.runtime.engine.Container;
import clusterlab.runtime.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Whatever a student types after {@code docker} — garbage, huge, unicode, half-right — the client
 * ends with a status and an explanation, never an exception out of the simulation; and a command
 * that is rejected leaves the daemon exactly as it was.
 */
class DockerCliProperties {
    private DockerRuntime docker;
    private Host node1;

    @BeforeProperty
    void world() {
        docker = DockerRuntime.withHosts(5, 1);
        node1 = docker.cluster().host("node1");
        // Something to be changed by accident: one running container from an image in the store.
        node1.run("docker", "run", "-d", "--name", "keep", "busybox", "sleep", "infinity");
    }

    @Provide
    Arbitrary<List<String>> commandLines() {
        Arbitrary<String> known = Arbitraries.of("run", "container", "image", "ps", "ls", "rm", "stop", "kill",
                "exec", "logs", "inspect", "pull", "network", "volume", "system", "prune", "create", "start",
                "-d", "-it", "-p", "--name", "--rm", "-f", "--format", "{{.ID}}", "keep", "busybox", "nginx:9.9",
                "8080:80", "--memory", "abc", "-e", "A=B", "--", "-", "--help", "sleep", "1", ":", "/", "''");
        Arbitrary<String> garbage = Arbitraries.strings().ofMinLength(0).ofMaxLength(40)
                .withChars("abc-_=:/.{}[]\"'\\ é中\u0000\t");
        Arbitrary<String> huge = Arbitraries.strings().withChars('x', '-', ':').ofLength(5000);
        Arbitrary<String> word = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, known), net.jqwik.api.Tuple.of(3, garbage), net.jqwik.api.Tuple.of(1, huge));
        return word.list().ofMinSize(0).ofMaxSize(8);
    }

    private record State(List<String> containers, List<String> images, int networks, int volumes) {}

    private State state() {
        Engine e = docker.engine("node1");
        List<String> containers = new ArrayList<>();
        for (Container c : e.containers()) {
            containers.add(c.id() + " " + c.name() + " " + c.state());
        }
        List<String> images = new ArrayList<>();
        e.images().images().forEach(i -> images.add(i.id() + e.images().tagsOf(i)));
        return new State(containers, images, e.networks().size(), e.volumes().size());
    }

    @Property(tries = 150, seed = "42")
    void anyCommandLineEndsWithAStatusAndRejectedOnesChangeNothing(@ForAll("commandLines") List<String> args) {
        State before = state();
        List<String> argv = new ArrayList<>();
        argv.add("docker");
        argv.addAll(args);
        CommandResult r = node1.run(argv, "", 30 * clusterlab.kernel.Time.SECOND);
        assertThat(r.exitStatus()).isBetween(-1, 255);
        if (r.exitStatus() != 0 && r.exitStatus() != -1) {
            assertThat(r.stderr()).as("a failing command says why").isNotEmpty();
            boolean runLike = args.contains("run") || args.contains("create") || args.contains("start")
                    || args.contains("stop") || args.contains("kill") || args.contains("rm") || args.contains("pull")
                    || args.contains("prune") || args.contains("exec");
            if (!runLike) {
                assertThat(state()).isEqualTo(before);
            }
        }
    }
}

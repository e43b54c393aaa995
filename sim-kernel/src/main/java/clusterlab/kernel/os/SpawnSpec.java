package clusterlab.kernel.os;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link OperatingSystem#spawn} needs to fork and exec a process. Fields left null are
 * inherited from the parent (or, without a parent, from the machine's initial settings).
 *
 * @param argv the command line; argv[0] is looked up in PATH unless it contains a slash
 * @param executable an explicit path to exec instead of looking up argv[0] (null: look it up)
 */
public record SpawnSpec(
        Process parent,
        List<String> argv,
        String executable,
        Map<String, String> env,
        String cwd,
        Namespaces namespaces,
        Credentials credentials,
        Cgroup cgroup,
        Stdio stdio) {

    public SpawnSpec {
        if (argv == null || argv.isEmpty()) {
            throw new IllegalArgumentException("empty command line");
        }
        argv = List.copyOf(argv);
        env = env == null ? null : new LinkedHashMap<>(env);
    }

    /** A child of {@code parent} running {@code argv} with everything else inherited. */
    public static SpawnSpec child(Process parent, List<String> argv, Stdio stdio) {
        return new SpawnSpec(parent, argv, null, null, null, null, null, null, stdio);
    }

    public SpawnSpec withEnv(Map<String, String> newEnv) {
        return new SpawnSpec(parent, argv, executable, newEnv, cwd, namespaces, credentials, cgroup, stdio);
    }

    public SpawnSpec withCwd(String newCwd) {
        return new SpawnSpec(parent, argv, executable, env, newCwd, namespaces, credentials, cgroup, stdio);
    }

    public SpawnSpec withNamespaces(Namespaces ns) {
        return new SpawnSpec(parent, argv, executable, env, cwd, ns, credentials, cgroup, stdio);
    }

    public SpawnSpec withCredentials(Credentials c) {
        return new SpawnSpec(parent, argv, executable, env, cwd, namespaces, c, cgroup, stdio);
    }

    public SpawnSpec withCgroup(Cgroup g) {
        return new SpawnSpec(parent, argv, executable, env, cwd, namespaces, credentials, g, stdio);
    }

    public SpawnSpec withExecutable(String path) {
        return new SpawnSpec(parent, argv, path, env, cwd, namespaces, credentials, cgroup, stdio);
    }
}

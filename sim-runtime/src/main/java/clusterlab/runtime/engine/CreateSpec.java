package clusterlab.runtime.engine;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything {@code docker container create/run} asks of the daemon: the Config and HostConfig of
 * the Engine API, as typed fields. Nulls mean "take the image's" (cmd, entrypoint, working dir,
 * user) or "none" (limits: 0).
 *
 * @param entrypoint null: the image's; an empty list: none ({@code --entrypoint ""})
 * @param memoryBytes 0: unlimited
 * @param nanoCpus CPUs × 10^9 as the API counts them; 0: unlimited
 * @param pidsLimit 0: unlimited
 * @param userns {@code host} keeps the host's user namespace when the daemon remaps users;
 *     null or empty: the daemon's default
 */
public record CreateSpec(
        String image,
        String name,
        List<String> cmd,
        List<String> entrypoint,
        List<String> env,
        String hostname,
        String workingDir,
        String user,
        boolean tty,
        boolean openStdin,
        List<PortBinding> ports,
        boolean publishAll,
        List<MountSpec> mounts,
        long memoryBytes,
        long nanoCpus,
        long pidsLimit,
        RestartPolicy restartPolicy,
        String network,
        boolean autoRemove,
        SortedMap<String, String> labels,
        String stopSignal,
        Integer stopTimeoutSeconds,
        String userns) {

    public CreateSpec {
        cmd = cmd == null ? null : List.copyOf(cmd);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        env = env == null ? List.of() : List.copyOf(env);
        ports = ports == null ? List.of() : List.copyOf(ports);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        restartPolicy = restartPolicy == null ? RestartPolicy.NO : restartPolicy;
        network = network == null || network.isEmpty() ? "default" : network;
        labels = labels == null ? new TreeMap<>() : new TreeMap<>(labels);
    }

    /** The simplest spec: an image with its own command. */
    public static CreateSpec of(String image) {
        return new CreateSpec(image, null, null, null, List.of(), null, null, null, false, false, List.of(), false,
                List.of(), 0, 0, 0, RestartPolicy.NO, null, false, null, null, null, null);
    }

    public CreateSpec withName(String n) {
        return new CreateSpec(image, n, cmd, entrypoint, env, hostname, workingDir, user, tty, openStdin, ports,
                publishAll, mounts, memoryBytes, nanoCpus, pidsLimit, restartPolicy, network, autoRemove, labels,
                stopSignal, stopTimeoutSeconds, userns);
    }

    public CreateSpec withCmd(List<String> c) {
        return new CreateSpec(image, name, c, entrypoint, env, hostname, workingDir, user, tty, openStdin, ports,
                publishAll, mounts, memoryBytes, nanoCpus, pidsLimit, restartPolicy, network, autoRemove, labels,
                stopSignal, stopTimeoutSeconds, userns);
    }

    public CreateSpec withPorts(List<PortBinding> p) {
        return new CreateSpec(image, name, cmd, entrypoint, env, hostname, workingDir, user, tty, openStdin, p,
                publishAll, mounts, memoryBytes, nanoCpus, pidsLimit, restartPolicy, network, autoRemove, labels,
                stopSignal, stopTimeoutSeconds, userns);
    }

    public CreateSpec withMounts(List<MountSpec> m) {
        return new CreateSpec(image, name, cmd, entrypoint, env, hostname, workingDir, user, tty, openStdin, ports,
                publishAll, m, memoryBytes, nanoCpus, pidsLimit, restartPolicy, network, autoRemove, labels,
                stopSignal, stopTimeoutSeconds, userns);
    }

    public CreateSpec withTty(boolean t, boolean stdin) {
        return new CreateSpec(image, name, cmd, entrypoint, env, hostname, workingDir, user, t, stdin, ports,
                publishAll, mounts, memoryBytes, nanoCpus, pidsLimit, restartPolicy, network, autoRemove, labels,
                stopSignal, stopTimeoutSeconds, userns);
    }

    public CreateSpec withLimits(long memory, long cpus, long pids) {
        return new CreateSpec(image, name, cmd, entrypoint, env, hostname, workingDir, user, tty, openStdin, ports,
                publishAll, mounts, memory, cpus, pids, restartPolicy, network, autoRemove, labels,
                stopSignal, stopTimeoutSeconds, userns);
    }

    public CreateSpec withEnv(List<String> e) {
        return new CreateSpec(image, name, cmd, entrypoint, e, hostname, workingDir, user, tty, openStdin, ports,
                publishAll, mounts, memoryBytes, nanoCpus, pidsLimit, restartPolicy, network, autoRemove, labels,
                stopSignal, stopTimeoutSeconds, userns);
    }

    public CreateSpec withRestart(RestartPolicy r, boolean rm) {
        return new CreateSpec(image, name, cmd, entrypoint, env, hostname, workingDir, user, tty, openStdin, ports,
                publishAll, mounts, memoryBytes, nanoCpus, pidsLimit, r, network, rm, labels,
                stopSignal, stopTimeoutSeconds, userns);
    }
}

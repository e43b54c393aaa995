package clusterlab.runtime.image;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an image says about the containers made from it, in the Engine API's terms (the
 * {@code Config} of {@code docker image inspect}).
 *
 * @param env {@code NAME=value} entries in order
 * @param exposedPorts {@code 80/tcp}-style keys, sorted
 * @param stopSignal e.g. {@code SIGTERM}; null for the default
 */
public record ImageConfig(
        List<String> cmd,
        List<String> entrypoint,
        List<String> env,
        SortedSet<String> exposedPorts,
        String workingDir,
        String user,
        SortedMap<String, String> labels,
        String stopSignal) {

    public ImageConfig {
        cmd = cmd == null ? null : List.copyOf(cmd);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        env = env == null ? List.of() : List.copyOf(env);
        exposedPorts = exposedPorts == null ? new TreeSet<>() : new TreeSet<>(exposedPorts);
        workingDir = workingDir == null ? "" : workingDir;
        user = user == null ? "" : user;
        labels = labels == null ? new TreeMap<>() : new TreeMap<>(labels);
    }

    public static ImageConfig empty() {
        return new ImageConfig(null, null, List.of(), null, "", "", null, null);
    }

    public ImageConfig withCmd(List<String> newCmd) {
        return new ImageConfig(newCmd, entrypoint, env, exposedPorts, workingDir, user, labels, stopSignal);
    }

    public ImageConfig withEntrypoint(List<String> newEntrypoint) {
        return new ImageConfig(cmd, newEntrypoint, env, exposedPorts, workingDir, user, labels, stopSignal);
    }

    public ImageConfig withEnv(List<String> newEnv) {
        return new ImageConfig(cmd, entrypoint, newEnv, exposedPorts, workingDir, user, labels, stopSignal);
    }

    public ImageConfig withExposedPorts(SortedSet<String> ports) {
        return new ImageConfig(cmd, entrypoint, env, ports, workingDir, user, labels, stopSignal);
    }

    public ImageConfig withWorkingDir(String dir) {
        return new ImageConfig(cmd, entrypoint, env, exposedPorts, dir, user, labels, stopSignal);
    }

    public ImageConfig withUser(String newUser) {
        return new ImageConfig(cmd, entrypoint, env, exposedPorts, workingDir, newUser, labels, stopSignal);
    }

    public ImageConfig withLabels(SortedMap<String, String> newLabels) {
        return new ImageConfig(cmd, entrypoint, env, exposedPorts, workingDir, user, newLabels, stopSignal);
    }

    public ImageConfig withStopSignal(String signal) {
        return new ImageConfig(cmd, entrypoint, env, exposedPorts, workingDir, user, labels, signal);
    }
}

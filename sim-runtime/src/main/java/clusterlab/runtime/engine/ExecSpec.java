package clusterlab.runtime.engine;

import clusterlab.kernel.os.Stdio;
import java.util.List;

/** {@code docker exec}: the command, extra environment, user, working directory and streams. */
public record ExecSpec(List<String> cmd, List<String> env, String user, String workingDir, boolean tty, Stdio stdio) {
    public ExecSpec {
        cmd = List.copyOf(cmd);
        env = env == null ? List.of() : List.copyOf(env);
    }
}

package clusterlab.swarm.cli;

import clusterlab.swarm.store.ClusterStore;
import clusterlab.swarm.store.NodeRecord;
import java.util.List;

/** docker swarm init, join, join-token and leave (docker/cli cli/command/swarm). */
final class SwarmCommands {
    private SwarmCommands() {
    }

    /** What the lab says for flags of a feature it does not simulate, instead of pretending. */
    private static final String NO_AUTOLOCK = "clusterlab: --autolock is not simulated yet (managers always restart unlocked)";

    static void init(Call c) {
        if (c.cmd.bool("autolock")) {
            c.fail(NO_AUTOLOCK);
            return;
        }
        String invalid = invalidSpec(c);
        if (invalid != null) {
            c.daemonError(invalid);
            return;
        }
        java.util.function.BiConsumer<String, java.util.function.Consumer<String>> how = c.cmd.bool("force-new-cluster")
                ? c.node::forceNewCluster : c.node::init;
        how.accept(c.cmd.string("advertise-addr"), err -> {
            if (err != null) {
                c.daemonError(err);
                return;
            }
            applySpec(c, () -> {
                ClusterStore s = c.node.store();
                String id = c.node.nodeId();
                c.ok("Swarm initialized: current node (" + id + ") is now a manager.\n\n"
                        + joinCommand(s.workerToken(), address(c), "worker")
                        + "To add a manager to this swarm, run 'docker swarm join-token manager' and follow the "
                        + "instructions.\n\n");
            });
        });
    }

    /** {@code docker swarm update}: changes the cluster spec through Raft, as init's flags do. */
    static void update(Call c) {
        if (c.cmd.changed("autolock")) {
            c.fail(NO_AUTOLOCK);
            return;
        }
        String err = c.node.managerError();
        if (err == null) {
            err = invalidSpec(c);
        }
        if (err != null) {
            c.daemonError(err);
            return;
        }
        applySpec(c, () -> c.ok("Swarm updated.\n"));
    }

    /** SwarmKit's validation of the spec fields clusterlab keeps, or null when they are valid. */
    private static String invalidSpec(Call c) {
        if (c.cmd.changed("dispatcher-heartbeat") && c.cmd.durationNanos("dispatcher-heartbeat") <= 0) {
            return "rpc error: code = InvalidArgument desc = heartbeat period must be positive";
        }
        if (c.cmd.changed("task-history-limit") && c.cmd.integer("task-history-limit") < 0) {
            return "rpc error: code = InvalidArgument desc = task history retention limit must be non-negative";
        }
        return null;
    }

    /**
     * Writes the task history limit and heartbeat period the command changed (the rest of the
     * spec as the store has it), then runs {@code then}; nothing is written when nothing changed.
     */
    private static void applySpec(Call c, Runnable then) {
        boolean limitChanged = c.cmd.changed("task-history-limit");
        boolean periodChanged = c.cmd.changed("dispatcher-heartbeat");
        if (!limitChanged && !periodChanged) {
            then.run();
            return;
        }
        ClusterStore s = c.node.store();
        long limit = limitChanged ? c.cmd.integer("task-history-limit") : s.taskHistoryLimit();
        long period = periodChanged ? c.cmd.durationNanos("dispatcher-heartbeat") : s.heartbeatPeriodNanos();
        c.node.write(List.of(ClusterStore.clusterConfig(limit, period)), e -> {
            if (e != null) {
                c.daemonError(e);
            } else {
                then.run();
            }
        });
    }

    private static String address(Call c) {
        NodeRecord self = c.node.store().node(c.node.nodeId());
        return (self == null ? c.node.host().address().toString() : self.addr) + ":2377";
    }

    private static String joinCommand(String token, String addr, String role) {
        return "To add a " + role + " to this swarm, run the following command:\n\n"
                + "    docker swarm join --token " + token + " " + addr + "\n\n";
    }

    static void join(Call c) {
        c.node.join(c.cmd.string("token"), c.arg(0), (role, err) -> {
            if (err != null) {
                c.daemonError(err);
            } else {
                c.ok("This node joined a swarm as a " + role + ".\n");
            }
        });
    }

    static void joinToken(Call c) {
        String role = c.arg(0);
        if (!role.equals("worker") && !role.equals("manager")) {
            c.fail("unknown role " + role);
            return;
        }
        String err = c.node.managerError();
        if (err != null) {
            c.daemonError(err);
            return;
        }
        if (c.cmd.bool("rotate")) {
            String secret = clusterlab.swarm.manager.Ids.newId(c.ctx.random());
            c.node.write(List.of(ClusterStore.cmd("token", role, secret)), e -> {
                if (e != null) {
                    c.daemonError(e);
                    return;
                }
                c.out("Successfully rotated " + role + " join token.\n\n");
                printToken(c, role);
            });
            return;
        }
        printToken(c, role);
    }

    private static void printToken(Call c, String role) {
        ClusterStore s = c.node.store();
        String token = role.equals("worker") ? s.workerToken() : s.managerToken();
        if (c.cmd.bool("quiet")) {
            c.ok(token + "\n");
        } else {
            c.ok(joinCommand(token, address(c), role));
        }
    }

    static void leave(Call c) {
        c.node.leave(c.cmd.bool("force"), err -> c.okOrError(err, "Node left the swarm.\n"));
    }
}

package clusterlab.swarm.cli;

import clusterlab.swarm.store.ClusterStore;
import clusterlab.swarm.store.NodeRecord;
import java.util.List;

/** docker swarm init, join, join-token and leave (docker/cli cli/command/swarm). */
final class SwarmCommands {
    private SwarmCommands() {
    }

    static void init(Call c) {
        java.util.function.BiConsumer<String, java.util.function.Consumer<String>> how = c.cmd.bool("force-new-cluster")
                ? c.node::forceNewCluster : c.node::init;
        how.accept(c.cmd.string("advertise-addr"), err -> {
            if (err != null) {
                c.daemonError(err);
                return;
            }
            ClusterStore s = c.node.store();
            String id = c.node.nodeId();
            c.ok("Swarm initialized: current node (" + id + ") is now a manager.\n\n"
                    + joinCommand(s.workerToken(), address(c), "worker")
                    + "To add a manager to this swarm, run 'docker swarm join-token manager' and follow the "
                    + "instructions.\n\n");
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

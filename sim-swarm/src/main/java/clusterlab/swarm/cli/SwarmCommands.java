package clusterlab.swarm.cli;

import clusterlab.swarm.manager.Ids;
import clusterlab.swarm.store.ClusterStore;
import clusterlab.swarm.store.NodeRecord;
import java.util.List;

/** docker swarm init, join, join-token and leave (docker/cli cli/command/swarm). */
final class SwarmCommands {
    private SwarmCommands() {
    }

    static void init(Call c) {
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
                        + "instructions.\n\n"
                        + (c.cmd.bool("autolock") ? unlockCommand(s.unlockKey()) : ""));
            });
        });
    }

    /** {@code docker swarm update}: changes the cluster spec through Raft, as init's flags do. */
    static void update(Call c) {
        String err = c.node.managerError();
        if (err == null) {
            err = invalidSpec(c);
        }
        if (err != null) {
            c.daemonError(err);
            return;
        }
        boolean wasLocking = c.node.store().autolock();
        applySpec(c, () -> {
            ClusterStore s = c.node.store();
            c.ok("Swarm updated.\n" + (s.autolock() && !wasLocking ? unlockCommand(s.unlockKey()) : ""));
        });
    }

    /** docker/cli's printUnlockCommand. */
    private static String unlockCommand(String key) {
        return "To unlock a swarm manager after it restarts, run the `docker swarm unlock`\n"
                + "command and provide the following key:\n\n    " + key + "\n\n"
                + "Please remember to store this key in a password manager, since without it you\n"
                + "will not be able to restart the manager.\n";
    }

    /** {@code docker swarm unlock-key [-q] [--rotate]}. */
    static void unlockKey(Call c) {
        String err = c.node.managerError();
        if (err != null) {
            c.daemonError(err);
            return;
        }
        Runnable show = () -> {
            String key = c.node.store().unlockKey();
            if (key.isEmpty()) {
                c.fail("no unlock key is set");
            } else {
                c.ok(c.cmd.bool("quiet") ? key + "\n" : unlockCommand(key));
            }
        };
        if (!c.cmd.bool("rotate")) {
            show.run();
            return;
        }
        if (!c.node.store().autolock()) {
            c.fail("cannot rotate because autolock is not turned on");
            return;
        }
        c.node.write(List.of(ClusterStore.autolockCmd(Ids.unlockKey(c.ctx.random()))), e -> {
            if (e != null) {
                c.daemonError(e);
                return;
            }
            if (!c.cmd.bool("quiet")) {
                c.out("Successfully rotated manager unlock key.\n\n");
            }
            show.run(); // the leader applied the write, and reads go to the leader
        });
    }

    /** {@code docker swarm unlock}: asks for the key (a line of standard input) and unlocks. */
    static void unlock(Call c) {
        if (!c.node.inSwarm()) {
            c.fail("Error: This node is not part of a swarm");
            return;
        }
        if (!c.node.locked()) {
            c.fail("Error: swarm is not locked");
            return;
        }
        // docker/cli's readKey prompts, and reads without echo, only when stdin is the terminal.
        boolean tty = c.ctx.stdinTerminal() != null;
        if (tty) {
            c.out("Please enter unlock key: ");
        }
        c.ctx.readLine(true, key -> {
            if (tty) {
                c.out("\n"); // the key was not echoed; the newline is the CLI's
            }
            c.node.unlock(key == null ? "" : key.strip(), e -> c.okOrError(e, ""));
        });
    }

    /** SwarmKit's validation of the spec fields (controlapi validateClusterSpec), or null when valid. */
    private static String invalidSpec(Call c) {
        if (c.cmd.changed("cert-expiry") && c.cmd.durationNanos("cert-expiry") < MIN_CERT_EXPIRY_NANOS) {
            return "rpc error: code = InvalidArgument desc = minimum certificate expiry time is: 1h0m0s";
        }
        if (c.cmd.changed("dispatcher-heartbeat") && c.cmd.durationNanos("dispatcher-heartbeat") < 0) {
            return "rpc error: code = InvalidArgument desc = heartbeat time period cannot be a negative duration";
        }
        if (c.cmd.changed("task-history-limit") && c.cmd.integer("task-history-limit") < 0) {
            // clusterlab's own check: a negative limit would make the reaper keep nothing sensible.
            return "rpc error: code = InvalidArgument desc = task history retention limit must be non-negative";
        }
        return null;
    }

    /** ca.MinNodeCertExpiration. */
    private static final long MIN_CERT_EXPIRY_NANOS = 3600L * 1_000_000_000L;

    /**
     * Writes what the command changed of the cluster spec (task history limit, heartbeat period,
     * certificate expiry, Raft snapshot interval and old snapshots kept, autolock), then runs {@code then}; nothing is written when nothing changed.
     * A zero heartbeat period means SwarmKit's default, as an unset protobuf duration does.
     */
    private static void applySpec(Call c, Runnable then) {
        boolean limitChanged = c.cmd.changed("task-history-limit");
        boolean periodChanged = c.cmd.changed("dispatcher-heartbeat");
        boolean expiryChanged = c.cmd.changed("cert-expiry");
        boolean intervalChanged = c.cmd.changed("snapshot-interval");
        boolean keepChanged = c.cmd.changed("max-snapshots");
        ClusterStore s = c.node.store();
        List<String> writes = new java.util.ArrayList<>();
        if (limitChanged || periodChanged || expiryChanged || intervalChanged || keepChanged) {
            long limit = limitChanged ? c.cmd.integer("task-history-limit") : s.taskHistoryLimit();
            long period = periodChanged ? c.cmd.durationNanos("dispatcher-heartbeat") : s.heartbeatPeriodNanos();
            long expiry = expiryChanged ? c.cmd.durationNanos("cert-expiry") : s.certExpiryNanos();
            // An unset (zero) interval means SwarmKit's default, as with the heartbeat period.
            long interval = intervalChanged ? c.cmd.integer("snapshot-interval") : s.snapshotInterval();
            long keep = keepChanged ? c.cmd.integer("max-snapshots") : s.maxSnapshots();
            writes.add(ClusterStore.clusterConfig(limit, period == 0 ? ClusterStore.DEFAULT_HEARTBEAT_PERIOD_NANOS : period,
                    expiry, interval == 0 ? ClusterStore.DEFAULT_SNAPSHOT_INTERVAL : interval, keep));
        }
        if (c.cmd.changed("autolock") && c.cmd.bool("autolock") != s.autolock()) {
            writes.add(ClusterStore.autolockCmd(c.cmd.bool("autolock") ? Ids.unlockKey(c.ctx.random()) : ""));
        }
        if (writes.isEmpty()) {
            then.run();
            return;
        }
        c.node.write(writes, e -> {
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
            String secret = Ids.newId(c.ctx.random());
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

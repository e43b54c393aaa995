package clusterlab.swarm.manager;

import clusterlab.kernel.net.CloseReason;
import clusterlab.kernel.net.ConnectCallback;
import clusterlab.kernel.net.ConnectFailure;
import clusterlab.kernel.net.Connection;
import clusterlab.kernel.net.ConnectionHandler;
import clusterlab.kernel.net.Ipv4;
import clusterlab.runtime.engine.Engine;
import java.util.function.BiConsumer;

/**
 * The joining side of {@code docker swarm join}: a TCP connection to a manager's port 2377, one
 * request and its answer; no answer within moby's 20 s join timeout (refused, unreachable, silent)
 * ends in the timeout error.
 */
final class JoinClient {
    private static final long LEADER_POLL_NANOS = 100_000_000L;

    private JoinClient() {
    }

    static void dial(SwarmNode node, String token, Ipv4 to, int port, BiConsumer<String, String> done) {
        boolean[] finished = {false};
        long deadline = node.machine().simulation().now() + SwarmNode.JOIN_TIMEOUT_NANOS;
        BiConsumer<String, String> once = (r, e) -> {
            if (!finished[0]) {
                finished[0] = true;
                done.accept(r, e);
            }
        };
        // gRPC keeps redialing a refusing manager until the join times out, as moby does.
        Runnable timeout = () -> once.accept(null, Errors.JOIN_TIMEOUT);
        node.machine().schedule(SwarmNode.JOIN_TIMEOUT_NANOS, timeout);
        Ipv4 self = node.host().address();
        node.cluster().cluster().transport().connect(node.machine(), to, port, SwarmNode.JOIN_TIMEOUT_NANOS, new ConnectCallback() {
            @Override
            public void connected(Connection c) {
                c.setHandler(new ConnectionHandler() {
                    @Override
                    public void onMessage(Connection conn, Object message) {
                        if (!(message instanceof Wire.JoinResponse r) || finished[0]) {
                            return;
                        }
                        conn.close();
                        if (r.error() != null) {
                            once.accept(null, r.error());
                            return;
                        }
                        if (node.inSwarm()) {
                            once.accept(null, Errors.ALREADY_IN_SWARM);
                            return;
                        }
                        node.adopt(r.nodeId(), r.role(), r.raftId(), self, r.managers(), Ids.tokenCaDigest(token));
                        node.agent().start();
                        if (node.isManager()) {
                            node.cluster().startRaft(node, node.raftId(), false);
                            node.startManagerServices();
                            whenLeaderKnown(node, deadline, () -> once.accept(r.role(), null));
                        } else {
                            once.accept(r.role(), null);
                        }
                    }

                    @Override
                    public void onClose(Connection conn, CloseReason reason) {
                    }
                });
                c.send(new Wire.JoinRequest(token, node.host().name(), self.toString(), Engine.VERSION,
                        node.machine().cores(), node.machine().memoryBytes()), 512);
            }

            @Override
            public void failed(ConnectFailure failure) {
                long left = deadline - node.machine().simulation().now();
                if (left <= 0) {
                    timeout.run();
                }
            }
        });
    }

    /**
     * A manager's join answers once its Raft member has heard from the leader, as SwarmKit's join
     * returns after the Raft join: the next command on the new manager finds the leader.
     */
    private static void whenLeaderKnown(SwarmNode node, long deadline, Runnable then) {
        if (node.leaderNode() != null || node.machine().simulation().now() >= deadline) {
            then.run();
            return;
        }
        node.machine().schedule(LEADER_POLL_NANOS, () -> whenLeaderKnown(node, deadline, then));
    }
}

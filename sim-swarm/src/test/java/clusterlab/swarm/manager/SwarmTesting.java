package clusterlab.swarm.manager;

import clusterlab.kernel.host.CommandResult;
import clusterlab.swarm.SwarmRuntime;

/** What the swarm fault tests share: running docker on a host, finding the leader's host. */
final class SwarmTesting {
    private SwarmTesting() {
    }

    static CommandResult docker(SwarmRuntime rt, String host, String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "docker";
        System.arraycopy(args, 0, argv, 1, args.length);
        return rt.cluster().host(host).run(argv);
    }

    /** The host whose running manager Raft knows as leader, or null while there is none. */
    static String leaderHost(SwarmRuntime rt) {
        long leader = rt.swarm().driver().leader();
        for (SwarmNode n : rt.swarm().nodes()) {
            if (leader != 0 && n.inSwarm() && n.raftId() == leader && n.host().machine().isRunning()) {
                return n.host().name();
            }
        }
        return null;
    }
}

package clusterlab.swarm.manager;

/** The daemon's error texts (moby daemon/cluster and SwarmKit), without "Error response from daemon: ". */
public final class Errors {
    private Errors() {
    }

    public static final String ALREADY_IN_SWARM =
            "This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and join another one.";
    public static final String NOT_IN_SWARM = "This node is not part of a swarm";
    public static final String LOCKED = "Swarm is encrypted and needs to be unlocked before it can be used. "
            + "Please use \"docker swarm unlock\" to unlock it.";
    public static final String INVALID_UNLOCK_KEY = "swarm could not be unlocked: invalid key";
    public static final String NOT_MANAGER = "This node is not a swarm manager. Use \"docker swarm init\" or "
            + "\"docker swarm join\" to connect this node to swarm and try again.";
    public static final String WORKER = "This node is not a swarm manager. Worker nodes can't be used to view or "
            + "modify cluster state. Please run this command on a manager node or promote the current node to a manager.";
    public static final String NO_LEADER = "rpc error: code = Unknown desc = The swarm does not have a leader. "
            + "It's possible that too few managers are online. Make sure more than half of the managers are online.";
    public static final String INVALID_TOKEN = "invalid join token";
    public static final String WRONG_TOKEN =
            "rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster";
    public static final String JOIN_TIMEOUT = "Timeout was reached before node joined. The attempt to join the swarm "
            + "will continue in the background. Use the \"docker info\" command to see the current swarm status of "
            + "your node.";
    public static final String BAD_ADVERTISE =
            "advertise address must be a non-zero IP address or network interface (with optional port number)";
    public static final String DEADLINE = "rpc error: code = DeadlineExceeded desc = context deadline exceeded";
    public static final String LEAVE_MANAGER = "You are attempting to leave the swarm on a node that is "
            + "participating as a manager. ";
    public static final String LEAVE_LAST = "Removing the last manager erases all current state of the swarm. "
            + "Use `--force` to ignore this message. ";
    public static final String LEAVE_QUORUM = "Removing this node leaves %d managers out of %d. Without a Raft "
            + "quorum your swarm will be inaccessible. ";
    public static final String LEAVE_TAIL = "The only way to restore a swarm that has lost consensus is to "
            + "reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message.";
    public static final String DEMOTE_LAST =
            "rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm";

    public static String noSuchNode(String ref) {
        return "node " + ref + " not found";
    }
}

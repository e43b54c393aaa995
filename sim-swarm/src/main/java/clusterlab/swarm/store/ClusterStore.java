package clusterlab.swarm.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The swarm's replicated state on one manager: the cluster's CA digest and join-token secrets, and
 * its nodes. It changes only by {@link #apply} of commands that Raft committed, in log order, so
 * every manager holds the same state once it has applied the same prefix. Commands are one line of
 * space-separated words; words are percent-escaped ({@link #word}) so labels may hold anything.
 */
public final class ClusterStore {
    private String caDigest = "";
    private String workerSecret = "";
    private String managerSecret = "";
    private final TreeMap<String, NodeRecord> nodes = new TreeMap<>();
    private final Workloads workloads = new Workloads();
    /** Ids of the manager nodes (kept with every role change). */
    private final java.util.TreeSet<String> managerIds = new java.util.TreeSet<>();
    /** The cluster spec's settings swarm init/update may change (SwarmKit's defaults until then). */
    private long taskHistoryLimit = DEFAULT_TASK_HISTORY_LIMIT;
    private long heartbeatPeriodNanos = DEFAULT_HEARTBEAT_PERIOD_NANOS;
    private long certExpiryNanos = DEFAULT_CERT_EXPIRY_NANOS;
    private long snapshotInterval = DEFAULT_SNAPSHOT_INTERVAL;
    private long maxSnapshots;
    /** The manager unlock key while autolock is on, else empty. */
    private String unlockKey = "";

    public static final long DEFAULT_TASK_HISTORY_LIMIT = 5;
    public static final long DEFAULT_HEARTBEAT_PERIOD_NANOS = 5_000_000_000L;
    /** SwarmKit's node certificate validity: 90 days (2160h). */
    public static final long DEFAULT_CERT_EXPIRY_NANOS = 2160L * 3600 * 1_000_000_000L;
    /** SwarmKit's Raft.SnapshotInterval: log entries between snapshots. */
    public static final long DEFAULT_SNAPSHOT_INTERVAL = 10_000;

    public boolean initialized() {
        return !caDigest.isEmpty();
    }

    public String caDigest() {
        return caDigest;
    }

    /** Orchestration.TaskHistoryRetentionLimit: finished tasks kept per slot. */
    public long taskHistoryLimit() {
        return taskHistoryLimit;
    }

    /** Dispatcher.HeartbeatPeriod: how often agents heartbeat. */
    public long heartbeatPeriodNanos() {
        return heartbeatPeriodNanos;
    }

    /** CAConfig.NodeCertExpiry: how long node certificates are valid. */
    public long certExpiryNanos() {
        return certExpiryNanos;
    }

    /** Raft.SnapshotInterval. */
    public long snapshotInterval() {
        return snapshotInterval;
    }

    /** Raft.KeepOldSnapshots: snapshots kept besides the newest. */
    public long maxSnapshots() {
        return maxSnapshots;
    }

    /**
     * The command that sets the cluster spec's task history limit, heartbeat period, cert expiry,
     * snapshot interval and old snapshots kept.
     */
    public static String clusterConfig(long taskHistoryLimit, long heartbeatPeriodNanos, long certExpiryNanos,
                                       long snapshotInterval, long maxSnapshots) {
        return cmd("cluster-config", Long.toString(taskHistoryLimit), Long.toString(heartbeatPeriodNanos),
                Long.toString(certExpiryNanos), Long.toString(snapshotInterval), Long.toString(maxSnapshots));
    }

    /** EncryptionConfig.AutoLockManagers: whether restarted managers wait for the unlock key. */
    public boolean autolock() {
        return !unlockKey.isEmpty();
    }

    /** The current unlock key, empty while autolock is off. */
    public String unlockKey() {
        return unlockKey;
    }

    /** The command that turns autolock on with {@code key}, or off when {@code key} is empty. */
    public static String autolockCmd(String key) {
        return key.isEmpty() ? cmd("autolock") : cmd("autolock", key);
    }

    public String workerToken() {
        return token(workerSecret);
    }

    public String managerToken() {
        return token(managerSecret);
    }

    private String token(String secret) {
        return "SWMTKN-1-" + caDigest + "-" + secret;
    }

    /** The services and tasks. */
    public Workloads workloads() {
        return workloads;
    }

    public Collection<NodeRecord> nodes() {
        return nodes.values();
    }

    /** The nodes whose role is manager, in id order (what heartbeats hand out, without a scan). */
    public Collection<NodeRecord> managers() {
        java.util.List<NodeRecord> out = new ArrayList<>();
        for (String id : managerIds) {
            out.add(nodes.get(id));
        }
        return out;
    }

    private void reindexRole(NodeRecord n) {
        if (n.isManager()) {
            managerIds.add(n.id);
        } else {
            managerIds.remove(n.id);
        }
    }

    public NodeRecord node(String id) {
        return nodes.get(id);
    }

    /**
     * {@code node-add ID RAFTID HOSTNAME ADDR ENGINEVERSION ROLE CREATEDNANOS CPUS MEMORYBYTES}: the
     * command that admits a node.
     */
    public static String nodeAdd(String id, long raftId, String hostname, String addr, String engineVersion,
                                 String role, long createdNanos, int cpus, long memoryBytes) {
        return cmd("node-add", id, Long.toString(raftId), hostname, addr, engineVersion, role,
                Long.toString(createdNanos), Integer.toString(cpus), Long.toString(memoryBytes));
    }

    /** Applies one committed command; malformed or stale commands change nothing. */
    public void apply(String command, long nowNanos) {
        String[] w = command.split(" ");
        List<String> a = new ArrayList<>(w.length);
        for (String s : w) {
            a.add(unword(s));
        }
        NodeRecord n = a.size() > 1 ? nodes.get(a.get(1)) : null;
        if (workloads.apply(a, nowNanos)) {
            return;
        }
        switch (a.get(0)) {
            case "init" -> {
                if (a.size() == 4) {
                    caDigest = a.get(1);
                    workerSecret = a.get(2);
                    managerSecret = a.get(3);
                }
            }
            case "cluster-config" -> {
                if (a.size() == 6) {
                    taskHistoryLimit = Long.parseLong(a.get(1));
                    heartbeatPeriodNanos = Long.parseLong(a.get(2));
                    certExpiryNanos = Long.parseLong(a.get(3));
                    snapshotInterval = Long.parseLong(a.get(4));
                    maxSnapshots = Long.parseLong(a.get(5));
                }
            }
            case "autolock" -> unlockKey = a.size() == 2 ? a.get(1) : "";
            case "token" -> {
                if (a.size() == 3 && a.get(1).equals("worker")) {
                    workerSecret = a.get(2);
                } else if (a.size() == 3 && a.get(1).equals("manager")) {
                    managerSecret = a.get(2);
                }
            }
            case "node-add" -> {
                if (a.size() == 10) {
                    try {
                        nodes.put(a.get(1), new NodeRecord(a.get(1), Long.parseLong(a.get(2)), a.get(3), a.get(4),
                                a.get(5), a.get(6), Long.parseLong(a.get(7)), Integer.parseInt(a.get(8)),
                                Long.parseLong(a.get(9))));
                        workloads.nodeAdded(a.get(1));
                        reindexRole(nodes.get(a.get(1)));
                    } catch (IllegalArgumentException e) {
                        // not a command this store wrote: nothing changes
                    }
                }
            }
            case "node-status", "node-role", "node-avail" -> {
                if (n != null && a.size() == 3) {
                    switch (a.get(0)) {
                        case "node-status" -> n.status = a.get(2);
                        case "node-role" -> {
                            n.role = a.get(2);
                            reindexRole(n);
                        }
                        default -> n.availability = a.get(2);
                    }
                    n.updatedNanos = nowNanos;
                }
            }
            case "node-label" -> {
                if (n != null && a.size() == 4) {
                    n.labels.put(a.get(2), a.get(3));
                    n.updatedNanos = nowNanos;
                }
            }
            case "node-unlabel" -> {
                if (n != null && a.size() == 3) {
                    n.labels.remove(a.get(2));
                    n.updatedNanos = nowNanos;
                }
            }
            case "node-rm" -> {
                if (n != null) {
                    nodes.remove(n.id);
                    managerIds.remove(n.id);
                    workloads.nodeRemoved(n.id);
                }
            }
            default -> { }
        }
    }

    /** The whole state as commands that rebuild it (a Raft snapshot's data). */
    public String encode() {
        StringBuilder b = new StringBuilder();
        if (initialized()) {
            b.append(cmd("init", caDigest, workerSecret, managerSecret)).append('\n');
        }
        if (taskHistoryLimit != DEFAULT_TASK_HISTORY_LIMIT || heartbeatPeriodNanos != DEFAULT_HEARTBEAT_PERIOD_NANOS
                || certExpiryNanos != DEFAULT_CERT_EXPIRY_NANOS || snapshotInterval != DEFAULT_SNAPSHOT_INTERVAL
                || maxSnapshots != 0) {
            b.append(clusterConfig(taskHistoryLimit, heartbeatPeriodNanos, certExpiryNanos, snapshotInterval,
                    maxSnapshots)).append('\n');
        }
        if (autolock()) {
            b.append(autolockCmd(unlockKey)).append('\n');
        }
        workloads.encodeSandboxes(b);
        for (NodeRecord n : nodes.values()) {
            b.append(cmd("node-add", n.id, Long.toString(n.raftId), n.hostname, n.addr, n.engineVersion, n.role,
                    Long.toString(n.createdNanos), Integer.toString(n.cpus), Long.toString(n.memoryBytes)))
                    .append('\n');
            b.append(cmd("node-status", n.id, n.status)).append('\n');
            b.append(cmd("node-avail", n.id, n.availability)).append('\n');
            for (Map.Entry<String, String> l : n.labels.entrySet()) {
                b.append(cmd("node-label", n.id, l.getKey(), l.getValue())).append('\n');
            }
        }
        workloads.encode(b);
        return b.toString();
    }

    /** A store rebuilt from {@link #encode()}'s text. */
    public static ClusterStore decode(String data, long nowNanos) {
        ClusterStore s = new ClusterStore();
        for (String line : data.split("\n")) {
            if (!line.isEmpty()) {
                s.apply(line, nowNanos);
            }
        }
        return s;
    }

    /** One command line from its words. */
    public static String cmd(String... words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(word(w));
        }
        return b.toString();
    }

    static String word(String s) {
        if (s.isEmpty()) {
            return "%";
        }
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == ' ' || c == '%' || c == '\n') {
                b.append('%').append(String.format(java.util.Locale.ROOT, "%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String unword(String s) {
        if (s.equals("%")) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}

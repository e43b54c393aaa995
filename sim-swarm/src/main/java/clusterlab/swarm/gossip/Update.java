package clusterlab.swarm.gossip;

import clusterlab.kernel.net.Ipv4;

/** A piece of news that gossip disseminates: a membership change or a key/value change. */
public sealed interface Update {
    /** Newer news about the same subject replaces older news in the broadcast queue. */
    String subject();

    int sizeBytes();

    record Alive(String node, Ipv4 address, long incarnation) implements Update {
        public String subject() {
            return "m:" + node;
        }

        public int sizeBytes() {
            return 20 + node.length();
        }
    }

    record Suspect(String node, long incarnation, String from) implements Update {
        public String subject() {
            return "m:" + node;
        }

        public int sizeBytes() {
            return 16 + node.length() + from.length();
        }
    }

    record Dead(String node, long incarnation, String from) implements Update {
        public String subject() {
            return "m:" + node;
        }

        public int sizeBytes() {
            return 16 + node.length() + from.length();
        }
    }

    record Kv(KvEntry entry) implements Update {
        public String subject() {
            return "k:" + entry.key();
        }

        public int sizeBytes() {
            return entry.sizeBytes();
        }
    }
}

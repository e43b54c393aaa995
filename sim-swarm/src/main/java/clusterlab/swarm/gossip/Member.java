package clusterlab.swarm.gossip;

import clusterlab.kernel.net.Ipv4;

/** What one node believes about one member (immutable snapshot). */
public record Member(String name, Ipv4 address, long incarnation, MemberState state, long stateChangeNanos) {}

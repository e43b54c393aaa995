/**
 * SWIM / hashicorp-memberlist style membership and dissemination, as Docker's networkdb uses it.
 *
 * <p>{@link clusterlab.swarm.gossip.GossipNode} is one member (pure-ish: time, sending and timers
 * come through its {@code Env}); {@link clusterlab.swarm.gossip.GossipDriver} runs nodes on
 * simulated machines over UDP port 7946. Defaults are memberlist's LAN config
 * ({@link clusterlab.swarm.gossip.GossipConfig#lan()}).
 *
 * <p>Simplifications, named: the suspicion timeout is memberlist's minimum
 * (suspicionMult × max(1, log10 N) × probe interval) with no Lifeguard confirmations, awareness or
 * nacks; push/pull travels as one datagram instead of a TCP stream; there is no graceful leave;
 * entries of a dead owner stay in the store (networkdb would reap them); a node that restarts
 * comes back with incarnation 0 and an empty store and relies on refutation and push/pull.
 */
package clusterlab.swarm.gossip;

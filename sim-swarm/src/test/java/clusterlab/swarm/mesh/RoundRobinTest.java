package clusterlab.swarm.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RoundRobinTest {

    @Property(tries = 200)
    void nRequestsOverKBackendsGiveEachNOverKPlusMinusOne(@ForAll @IntRange(min = 1, max = 9) int k,
            @ForAll @IntRange(min = 0, max = 500) int n) {
        List<String> backends = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            backends.add("10.0.0." + (10 + i));
        }
        RoundRobin rr = new RoundRobin();
        Map<String, Integer> hits = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            hits.merge(rr.pick("ingress:80", backends), 1, Integer::sum);
        }
        for (String b : backends) {
            assertThat(hits.getOrDefault(b, 0)).isBetween(n / k - 1, n / k + 1);
        }
    }
}

package clusterlab.runtime.build;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** EXPOSE's port specs as Docker's nat.ParsePortSpecs reads them: {@code 80}, {@code 80/tcp}, {@code 53/udp}. */
final class ExposedPorts {
    private ExposedPorts() {}

    /**
     * @return {@code port/proto} keys, sorted as the history prints them
     * @throws IllegalArgumentException {@code Invalid containerPort: x} or a bad protocol
     */
    static TreeSet<String> parse(List<String> specs) {
        TreeSet<String> out = new TreeSet<>();
        for (String p : specs) {
            String spec = p.contains("/") ? p : p + "/tcp";
            String number = spec.substring(0, spec.indexOf('/'));
            String proto = spec.substring(spec.indexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (!number.matches("[0-9]{1,5}(-[0-9]{1,5})?")) {
                throw new IllegalArgumentException("Invalid containerPort: " + number);
            }
            if (!(proto.equals("tcp") || proto.equals("udp") || proto.equals("sctp"))) {
                throw new IllegalArgumentException("Invalid proto: " + proto);
            }
            out.add(number + "/" + proto);
        }
        return out;
    }
}

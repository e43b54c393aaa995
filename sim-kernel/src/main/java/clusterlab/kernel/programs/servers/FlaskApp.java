package clusterlab.kernel.programs.servers;

import java.util.ArrayList;
import java.util.List;

/** A {@code Flask(__name__)} object: its routes, in registration order. */
final class FlaskApp {
    record Route(String rule, List<String> methods, PyAst.Def view) {}

    final List<Route> routes = new ArrayList<>();

    Route route(String path) {
        for (Route r : routes) {
            if (r.rule().equals(path)) {
                return r;
            }
        }
        return null;
    }
}

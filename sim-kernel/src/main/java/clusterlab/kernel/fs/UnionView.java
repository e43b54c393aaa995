package clusterlab.kernel.fs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The read side of overlayfs over a stack of trees ("strata"), topmost first: a path is looked
 * up segment by segment; the topmost stratum holding it decides what it is; a whiteout hides it
 * and everything below; directories merge with the directories beneath them until one is opaque
 * or a non-directory is met.
 */
final class UnionView {
    /** A path found in the union: the directories (or the one non-directory) that make it up, topmost first. */
    record Resolution(List<Node> nodes, List<Integer> strata) {
        Node top() { return nodes.get(0); }
        int topStratum() { return strata.get(0); }
    }

    private final List<Node> rootsTopFirst;

    UnionView(List<Node> rootsTopFirst) {
        this.rootsTopFirst = List.copyOf(rootsTopFirst);
    }

    /** The union at {@code path}, or null if no stratum shows anything there. */
    Resolution resolve(FsPath path) {
        List<Node> nodes = rootsTopFirst;
        List<Integer> strata = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            strata.add(i);
        }
        for (String name : path.segments()) {
            List<Node> nextNodes = new ArrayList<>();
            List<Integer> nextStrata = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                Node dir = nodes.get(i);
                if (!dir.isDirectory()) {
                    break;
                }
                Node child = dir.children.get(name);
                if (child == null) {
                    continue;
                }
                if (child.kind == EntryKind.WHITEOUT || (!nextNodes.isEmpty() && !child.isDirectory())) {
                    break;
                }
                nextNodes.add(child);
                nextStrata.add(strata.get(i));
                if (!child.isDirectory() || child.opaque) {
                    break;
                }
            }
            if (nextNodes.isEmpty()) {
                return null;
            }
            nodes = nextNodes;
            strata = nextStrata;
        }
        return new Resolution(nodes, strata);
    }

    /** The merged, sorted names of a directory: each name decided by the topmost stratum that has it. */
    List<String> list(Resolution directory) {
        TreeMap<String, Boolean> visible = new TreeMap<>();
        for (Node dir : directory.nodes()) {
            for (Map.Entry<String, Node> e : dir.children.entrySet()) {
                visible.putIfAbsent(e.getKey(), e.getValue().kind != EntryKind.WHITEOUT);
            }
        }
        List<String> names = new ArrayList<>(visible.size());
        for (Map.Entry<String, Boolean> e : visible.entrySet()) {
            if (e.getValue()) {
                names.add(e.getKey());
            }
        }
        return names;
    }

    /**
     * Whether strata below {@code aboveStratum} would show something at {@code path} if the
     * strata at or above it held nothing there: i.e. whether deleting it there needs a whiteout.
     */
    boolean visibleBelow(FsPath path, int aboveStratum) {
        Resolution parent = resolve(path.parent());
        if (parent == null) {
            return false;
        }
        for (int i = 0; i < parent.nodes().size(); i++) {
            Node dir = parent.nodes().get(i);
            if (parent.strata().get(i) <= aboveStratum || !dir.isDirectory()) {
                continue;
            }
            Node child = dir.children.get(path.name());
            if (child != null) {
                return child.kind != EntryKind.WHITEOUT;
            }
        }
        return false;
    }
}

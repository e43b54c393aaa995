package clusterlab.kernel.fs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code docker diff} of an overlay, computed the way moby's {@code archive.OverlayChanges}
 * does it: walk the upper directory in name order and classify each entry.
 *
 * <ul>
 *   <li>a whiteout: {@code D path}; an opaque directory that exists below: {@code D path} too
 *       (the old directory was deleted), its new children then show as A (or C where the
 *       layers below have the same path);
 *   <li>an entry the layers below do not have: {@code A path} (so a new directory's children
 *       are all A);
 *   <li>an entry they do have: {@code C path}, except a directory whose mode, owner and mtime
 *       are unchanged, which was only copied up on the way to a change below it and is skipped;
 *   <li>the parent of every A or D is shown as C even when its metadata is unchanged (moby
 *       PR 13590). So creating /tmp/x gives {@code C /tmp, A /tmp/x}; but rewriting
 *       /etc/passwd gives only {@code C /etc/passwd}, as on a real overlay2 host.
 * </ul>
 *
 * The result is sorted by path, segment by segment.
 */
final class OverlayChanges {
    private OverlayChanges() {}

    static List<FsChange> of(Node upperRoot, UnionView lower) {
        List<FsChange> changes = new ArrayList<>();
        // Lookup only, never iterated: the output order comes from the walk and the final sort.
        Set<FsPath> changedDirs = new HashSet<>();
        walk(FsPath.ROOT, upperRoot, lower, changes, changedDirs, 0);
        changes.sort((a, b) -> FsPath.of(a.path()).compareTo(FsPath.of(b.path())));
        return List.copyOf(changes);
    }

    private static void walk(FsPath dirPath, Node dir, UnionView lower, List<FsChange> changes,
                             Set<FsPath> changedDirs, int depth) {
        if (depth > FsWalk.MAX_DEPTH) {
            throw new IllegalStateException("tree deeper than " + FsWalk.MAX_DEPTH + " at " + dirPath);
        }
        for (Map.Entry<String, Node> e : dir.children.entrySet()) {
            FsPath path = dirPath.child(e.getKey());
            Node node = e.getValue();
            UnionView.Resolution below = lower.resolve(path);
            FsChange.Kind kind;
            if (node.kind == EntryKind.WHITEOUT || (node.isDirectory() && node.opaque && below != null)) {
                kind = FsChange.Kind.DELETED;
            } else if (below == null) {
                kind = FsChange.Kind.ADDED;
            } else if (node.isDirectory() && below.top().isDirectory() && sameMetadata(node, below.top())) {
                kind = null;
            } else {
                kind = FsChange.Kind.CHANGED;
            }
            if (kind != null) {
                if (node.isDirectory()) {
                    changedDirs.add(path);
                }
                if (kind != FsChange.Kind.CHANGED && !dirPath.isRoot() && changedDirs.add(dirPath)) {
                    changes.add(new FsChange(FsChange.Kind.CHANGED, dirPath.toString()));
                }
                changes.add(new FsChange(kind, path.toString()));
            }
            if (node.isDirectory()) {
                walk(path, node, lower, changes, changedDirs, depth + 1);
            }
        }
    }

    private static boolean sameMetadata(Node a, Node b) {
        return a.mode == b.mode && a.uid == b.uid && a.gid == b.gid && a.mtimeNanos == b.mtimeNanos;
    }
}

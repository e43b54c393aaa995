package clusterlab.kernel.os;

import clusterlab.kernel.fs.Errno;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * System V IPC objects: message queues and shared memory segments, keyed by id. Processes in
 * another IPC namespace cannot see them, which is what {@code ipcs} demonstrates.
 */
public final class IpcNamespace extends Namespace {
    /** Linux's default msgmni/shmmni ballpark: a bound on objects per namespace. */
    public static final int MAX_OBJECTS = 32_000;

    public record MessageQueue(int id, long key, int ownerUid, int mode) {}

    public record SharedMemory(int id, long key, int ownerUid, int mode, long sizeBytes) {}

    private final TreeMap<Integer, MessageQueue> queues = new TreeMap<>();
    private final TreeMap<Integer, SharedMemory> segments = new TreeMap<>();
    private int nextId;

    IpcNamespace(long inode) {
        super(NamespaceKind.IPC, inode);
    }

    public MessageQueue createQueue(long key, int ownerUid, int mode) {
        checkRoom();
        MessageQueue q = new MessageQueue(nextId++, key, ownerUid, mode);
        queues.put(q.id(), q);
        return q;
    }

    public SharedMemory createSegment(long key, int ownerUid, int mode, long sizeBytes) {
        checkRoom();
        SharedMemory s = new SharedMemory(nextId++, key, ownerUid, mode, sizeBytes);
        segments.put(s.id(), s);
        return s;
    }

    public boolean remove(int id) {
        return queues.remove(id) != null | segments.remove(id) != null;
    }

    public SortedMap<Integer, MessageQueue> queues() {
        return Collections.unmodifiableSortedMap(queues);
    }

    public SortedMap<Integer, SharedMemory> segments() {
        return Collections.unmodifiableSortedMap(segments);
    }

    private void checkRoom() {
        if (queues.size() + segments.size() >= MAX_OBJECTS) {
            throw new OsException(Errno.ENOSPC);
        }
    }
}

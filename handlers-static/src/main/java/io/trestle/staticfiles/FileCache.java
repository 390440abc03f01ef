package io.trestle.staticfiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPOutputStream;

/**
 * Keeps the bytes of small files in memory (and, lazily, their gzipped form), so hot files are
 * served without opening them. An entry is used only while the file's size, modification time and
 * identity (inode) are still those read for the request; otherwise it is read again. When the
 * budget is exceeded, the least recently used entries go.
 *
 * <pre>{@code
 * FileCache cache = new FileCache(16 << 20, 64 << 10);   // 16 MiB in all, files up to 64 KiB
 * FileCache.Entry e = cache.get(resource);                // null: too big, or changing right now
 * }</pre>
 */
final class FileCache {
    private final long maxBytes;
    private final long maxFileSize;
    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    /** Guards changes of the map and of {@link #used}; hits only read the map and take no lock. */
    private final ReentrantLock lock = new ReentrantLock();
    private long used;

    /** One cached file version. */
    static final class Entry {
        private final Resource version;
        private final byte[] bytes;
        private volatile byte[] gzipped;
        private volatile long lastUsed;

        private Entry(Resource version, byte[] bytes) {
            this.version = version;
            this.bytes = bytes;
            this.lastUsed = System.nanoTime();
        }

        private long weight() {
            byte[] gz = gzipped;
            return bytes.length + (gz == null ? 0 : gz.length);
        }

        /** The file's content; do not modify. */
        byte[] bytes() {
            return bytes;
        }
    }

    FileCache(long maxBytes, long maxFileSize) {
        this.maxBytes = Math.max(0, maxBytes);
        // A cached file is one byte array, so no file above the array size limit can be cached.
        this.maxFileSize = Math.min(Math.min(Math.max(0, maxFileSize), this.maxBytes), Integer.MAX_VALUE - 16);
    }

    /**
     * The cached content of {@code file}, read now if it is small enough; {@code null} when it is
     * too big for the cache, or changed while it was being read (serve it from disk then).
     */
    Entry get(Resource file) {
        if (file.size() > maxFileSize || !file.isFile()) {
            return null;
        }
        Entry entry = entries.get(file.path());
        if (entry != null && entry.version.sameVersionAs(file.attrs())) {
            entry.lastUsed = System.nanoTime();
            return entry;
        }
        byte[] bytes = read(file);
        if (bytes == null) {
            return null;
        }
        Entry fresh = new Entry(file, bytes);
        lock.lock();
        try {
            Entry old = entries.put(file.path(), fresh);
            used += bytes.length - (old == null ? 0 : old.weight());
            evictOverBudget();
        } finally {
            lock.unlock();
        }
        return fresh;
    }

    /** The gzip form of {@code entry}, compressed on first use and kept with it. */
    byte[] gzipped(Entry entry) {
        byte[] gz = entry.gzipped;
        if (gz == null) {
            gz = gzip(entry.bytes);
            lock.lock();
            try {
                if (entry.gzipped == null) {
                    entry.gzipped = gz;
                    if (entries.get(entry.version.path()) == entry) {
                        used += gz.length;
                        evictOverBudget();
                    }
                }
            } finally {
                lock.unlock();
            }
        }
        return gz;
    }

    /** Bytes held, for tests and metrics. */
    long usedBytes() {
        lock.lock();
        try {
            return used;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        return entries.size();
    }

    /** Called with the lock held. */
    private void evictOverBudget() {
        while (used > maxBytes) {
            Map.Entry<Path, Entry> oldest = null;
            for (Map.Entry<Path, Entry> e : entries.entrySet()) {
                if (oldest == null || e.getValue().lastUsed < oldest.getValue().lastUsed) {
                    oldest = e;
                }
            }
            if (oldest == null) {
                return;
            }
            entries.remove(oldest.getKey());
            used -= oldest.getValue().weight();
        }
    }

    private static byte[] read(Resource file) {
        Path path = file.path();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            byte[] bytes = new byte[(int) file.size()];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    return null;                  // truncated since its attributes were read
                }
            }
            // Rewritten while we read? Then these bytes may mix two versions: do not keep them.
            BasicFileAttributes now = Files.readAttributes(path, BasicFileAttributes.class);
            return file.sameVersionAs(now) ? bytes : null;
        } catch (IOException e) {
            return null;
        }
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);    // in-memory streams do not fail
        }
        return out.toByteArray();
    }
}

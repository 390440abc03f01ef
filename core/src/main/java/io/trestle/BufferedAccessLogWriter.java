package io.trestle;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers access-log lines in memory and writes them to an output stream from a thread of its
 * own, a batch at a time: a request pays for a lock and a copy of its line, not for the disk or
 * the console, and the output sees one {@code write(2)} per batch of whole lines.
 *
 * <pre>{@code
 * AccessLogWriter log = new BufferedAccessLogWriter(Files.newOutputStream(path, CREATE, APPEND), path.toString(), true);
 * }</pre>
 *
 * <p>Two buffers take turns: requests fill one while the writer thread writes the other. The
 * writer wakes for the first line after a quiet spell, then every {@code maxDelay} (20 ms) while
 * lines keep coming, or sooner once half the buffer is full. When requests fill a buffer before
 * the writer has emptied the other one, they wait for it: a line is never dropped, and an output
 * slower than the requests slows them down (as with nginx's buffered {@code access_log}) rather
 * than grow memory without bound.
 *
 * <p>Why not a logging event per line: at 400,000 pipelined requests a second the logger, its
 * event and its queue were a third of the server's CPU time per request.
 */
final class BufferedAccessLogWriter implements AccessLogWriter {
    private static final Logger LOG = LoggerFactory.getLogger(BufferedAccessLogWriter.class);

    /** Bytes per buffer: at 40 MB of lines a second (pipelined plaintext) the writer has 3 ms to empty the other. */
    static final int DEFAULT_CAPACITY = 256 * 1024;
    static final Duration DEFAULT_MAX_DELAY = Duration.ofMillis(20);
    private static final long CLOSE_WAIT_MILLIS = 2000;

    private final OutputStream out;
    private final String name;
    private final boolean closeOutput;
    private final int capacity;
    private final int wakeAt;
    private final long maxDelayNanos;
    private final Thread writer;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition emptied = lock.newCondition();
    private byte[] filling;           // the lock guards these five
    private int filled;
    private boolean writerIdle;
    private boolean closed;
    private long waits;

    private final ReentrantLock outputLock = new ReentrantLock(); // the writer thread and over-long lines
    private byte[] draining;          // the writer thread's alone
    private boolean failing;          // under outputLock
    private long lostBytes;           // under outputLock

    /**
     * @param out         where the lines go
     * @param name        what the output is, for log messages ("standard output", a file name)
     * @param closeOutput whether closing this writer closes {@code out}
     */
    BufferedAccessLogWriter(OutputStream out, String name, boolean closeOutput) {
        this(out, name, closeOutput, DEFAULT_CAPACITY, DEFAULT_MAX_DELAY);
    }

    BufferedAccessLogWriter(OutputStream out, String name, boolean closeOutput, int capacity, Duration maxDelay) {
        if (capacity < 2 || maxDelay.isNegative() || maxDelay.isZero()) {
            throw new IllegalArgumentException("capacity and maxDelay must be positive");
        }
        this.out = out;
        this.name = name;
        this.closeOutput = closeOutput;
        this.capacity = capacity;
        this.wakeAt = Math.max(1, capacity / 2);
        this.maxDelayNanos = maxDelay.toNanos();
        this.filling = new byte[capacity];
        this.draining = new byte[capacity];
        this.writer = Thread.ofPlatform().daemon().name("trestle-access-log").unstarted(this::writeLoop);
        writer.start();
    }

    @Override
    public void write(byte[] line, int offset, int length) {
        int size = length + 1;
        if (size > capacity) {
            writeAlone(line, offset, length);
            return;
        }
        boolean wake;
        lock.lock();
        try {
            while (!closed && capacity - filled < size) {
                waits++;
                writerIdle = false;
                LockSupport.unpark(writer); // it swaps the buffers as soon as it has written the other
                emptied.awaitUninterruptibly();
            }
            if (closed) {
                return;
            }
            System.arraycopy(line, offset, filling, filled, length);
            filling[filled + length] = '\n';
            filled += size;
            wake = writerIdle || filled >= wakeAt && filled - size < wakeAt;
            if (wake) {
                writerIdle = false;
            }
        } finally {
            lock.unlock();
        }
        if (wake) {
            LockSupport.unpark(writer);
        }
    }

    /** How often a request found both buffers full and waited for the output. */
    long waits() {
        lock.lock();
        try {
            return waits;
        } finally {
            lock.unlock();
        }
    }

    /** Writes what is buffered (waiting up to 2 s), then closes the output if it was asked to. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            emptied.signalAll(); // lines still waiting for room are dropped: the server has closed
        } finally {
            lock.unlock();
        }
        LockSupport.unpark(writer);
        try {
            writer.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            LOG.warn("access log: {} did not take the last lines within {} ms", name, CLOSE_WAIT_MILLIS);
        }
        if (closeOutput) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("access log: closing {} failed: {}", name, e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private void writeLoop() {
        long reportedWaits = 0;
        while (true) {
            int n;
            boolean stop;
            long waited;
            lock.lock();
            try {
                n = filled;
                stop = closed;
                waited = waits;
                if (n > 0) {
                    byte[] full = filling;
                    filling = draining;
                    draining = full;
                    filled = 0;
                    emptied.signalAll();
                } else if (!stop) {
                    writerIdle = true; // set under the lock: the next line sees it and wakes us
                }
            } finally {
                lock.unlock();
            }
            if (waited != reportedWaits) {
                LOG.debug("access log: requests waited {} times for {}", waited - reportedWaits, name);
                reportedWaits = waited;
            }
            if (n > 0) {
                output(draining, 0, n);
                if (!stop) {
                    LockSupport.parkNanos(this, maxDelayNanos); // let the next batch gather
                }
            } else if (stop) {
                return;
            } else {
                LockSupport.park(this);
            }
        }
    }

    /** A line longer than a buffer (only with raised header limits) goes out by itself. */
    private void writeAlone(byte[] line, int offset, int length) {
        byte[] copy = new byte[length + 1];
        System.arraycopy(line, offset, copy, 0, length);
        copy[length] = '\n';
        output(copy, 0, copy.length);
    }

    private void output(byte[] bytes, int offset, int length) {
        outputLock.lock();
        try {
            out.write(bytes, offset, length);
            out.flush();
            if (failing) {
                failing = false;
                LOG.warn("access log: writing to {} again; {} bytes of lines were lost", name, lostBytes);
                lostBytes = 0;
            }
        } catch (IOException e) {
            lostBytes += length;
            if (!failing) {
                failing = true;
                LOG.error("access log: cannot write to {}: {}; lines are lost until it works again", name, e.toString());
            }
        } finally {
            outputLock.unlock();
        }
    }
}

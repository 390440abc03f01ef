package io.trestle.example;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * An asynchronous appender for busy loggers such as the access log: events queue without a lock,
 * and one writer thread hands them to the attached appenders in batches, flushing those once per
 * batch. Give the attached appender {@code <immediateFlush>false</immediateFlush>} so a batch of
 * lines leaves in one write (for the console, use {@link BufferedConsoleAppender}: logback's
 * {@code ConsoleAppender} writes through {@code System.out}, which flushes every line).
 *
 * <pre>{@code
 * <appender name="ACCESS" class="io.trestle.example.BufferedConsoleAppender">
 *   <encoder class="io.trestle.example.AccessLogEncoder"/>
 *   <immediateFlush>false</immediateFlush>
 * </appender>
 * <appender name="BATCHED_ACCESS" class="io.trestle.example.BatchingAppender">
 *   <appender-ref ref="ACCESS"/>
 *   <maxDelayMillis>20</maxDelayMillis>
 * </appender>
 * }</pre>
 *
 * <p>Why not logback's {@code AsyncAppender} with a console appender: its queue wakes the writer
 * thread for nearly every event, and the console appender flushes every line, so each request paid
 * for a thread wake-up, a context switch and a {@code write(2)} (a third of the server's CPU per
 * plaintext request on this 2-core machine). Here the writer wakes on its own timer while events
 * keep coming, at most {@code maxDelayMillis} after an event is queued, and is woken by a producer
 * only after a quiet spell or when a burst has half filled the queue.
 *
 * <p>When the queue holds {@code queueSize} events, new ones are dropped and counted rather than
 * slowing the requests down; the writer reports the count as a warning in logback's status.
 */
public final class BatchingAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
        implements AppenderAttachable<ILoggingEvent> {

    private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
    private final ConcurrentLinkedQueue<ILoggingEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();
    private int queueSize = 8192;
    private int maxDelayMillis = 20;
    private int maxFlushMillis = 2000;
    private volatile boolean writerIdle;
    private volatile boolean stopping;
    private Thread writer;

    /** Most events waiting to be written; beyond it new ones are dropped. Default 8192. */
    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    /** Longest an event waits in the queue while the writer sleeps between batches. Default 20 ms. */
    public void setMaxDelayMillis(int maxDelayMillis) {
        this.maxDelayMillis = maxDelayMillis;
    }

    /** How long {@link #stop()} waits for queued events to be written. Default 2000 ms. */
    public void setMaxFlushMillis(int maxFlushMillis) {
        this.maxFlushMillis = maxFlushMillis;
    }

    /** Events dropped so far because the queue was full. */
    public long droppedCount() {
        return dropped.sum();
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        if (queueSize < 1 || maxDelayMillis < 1) {
            addError("queueSize and maxDelayMillis must be positive in appender [" + name + "]");
            return;
        }
        if (!appenders.iteratorForAppenders().hasNext()) {
            addWarn("no appender attached to [" + name + "]: its events go nowhere");
        }
        stopping = false;
        writer = new Thread(this::writeLoop, "logback-batching-" + name);
        writer.setDaemon(true); // the app stops the logger context at exit, which drains the queue
        super.start();
        writer.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        int waiting = queued.incrementAndGet();
        if (waiting > queueSize) {
            queued.decrementAndGet();
            dropped.increment();
            return;
        }
        // Thread name, MDC and message are captured now: the writer thread formats the event later.
        event.prepareForDeferredProcessing();
        queue.offer(event);
        // Wake the writer after a quiet spell, or early when a burst has half filled the queue.
        if (writerIdle || waiting == queueSize / 2) {
            LockSupport.unpark(writer);
        }
    }

    /** Writes what is queued (within {@code maxFlushMillis}), then stops the attached appenders. */
    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop(); // no more events are accepted from here on
        stopping = true;
        LockSupport.unpark(writer);
        try {
            writer.join(maxFlushMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            addWarn("[" + name + "]: " + queued.get() + " queued events not written within " + maxFlushMillis + " ms");
        }
        appenders.detachAndStopAllAppenders();
    }

    private void writeLoop() {
        long reportedDrops = 0;
        while (true) {
            int written = drain();
            long drops = dropped.sum();
            if (drops != reportedDrops) {
                addWarn("[" + name + "] dropped " + (drops - reportedDrops) + " events: the queue of " + queueSize + " was full");
                reportedDrops = drops;
            }
            if (written > 0) {
                flushAttached();
                if (!stopping) {
                    // Let the next batch gather rather than wake for each event.
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(maxDelayMillis));
                }
                continue;
            }
            if (stopping) {
                return;
            }
            // A quiet spell: sleep until a producer wakes us. Set the flag before the last look at
            // the queue, so an event queued meanwhile either is seen here or sees the flag.
            writerIdle = true;
            if (queue.isEmpty() && !stopping) {
                LockSupport.park(this);
            }
            writerIdle = false;
        }
    }

    private int drain() {
        int n = 0;
        for (ILoggingEvent e; (e = queue.poll()) != null; n++) {
            queued.decrementAndGet();
            try {
                appenders.appendLoopOnAppenders(e);
            } catch (RuntimeException ex) {
                addError("[" + name + "] failed to append an event", ex);
            }
        }
        return n;
    }

    private void flushAttached() {
        for (Iterator<Appender<ILoggingEvent>> it = appenders.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> out && !out.isImmediateFlush()) {
                OutputStream stream = out.getOutputStream();
                if (stream != null) {
                    try {
                        stream.flush();
                    } catch (IOException e) {
                        addError("[" + name + "] failed to flush [" + out.getName() + "]", e);
                    }
                }
            }
        }
    }

    // ---- AppenderAttachable: what logback's <appender-ref> inside this appender calls ----

    @Override
    public void addAppender(Appender<ILoggingEvent> appender) {
        appenders.addAppender(appender);
    }

    @Override
    public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
        return appenders.iteratorForAppenders();
    }

    @Override
    public Appender<ILoggingEvent> getAppender(String name) {
        return appenders.getAppender(name);
    }

    @Override
    public boolean isAttached(Appender<ILoggingEvent> appender) {
        return appenders.isAttached(appender);
    }

    @Override
    public void detachAndStopAllAppenders() {
        appenders.detachAndStopAllAppenders();
    }

    @Override
    public boolean detachAppender(Appender<ILoggingEvent> appender) {
        return appenders.detachAppender(appender);
    }

    @Override
    public boolean detachAppender(String name) {
        return appenders.detachAppender(name);
    }
}

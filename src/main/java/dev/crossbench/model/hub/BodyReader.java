package dev.crossbench.model.hub;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Pulls a response body chunk by chunk. HttpClient has no read timeout and its InputStream
 * blocks uninterruptibly on a stalled connection; polling a queue gives both a read timeout and
 * a prompt reaction to cancellation.
 */
final class BodyReader implements Flow.Subscriber<List<ByteBuffer>>, AutoCloseable {
    private static final Object END = new Object();
    private static final long POLL_MS = 100;

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final long timeoutNanos;
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;
    private boolean ended;

    BodyReader(Flow.Publisher<List<ByteBuffer>> body, Duration readTimeout) {
        this.timeoutNanos = readTimeout.toNanos();
        body.subscribe(this);
    }

    /** The next chunk, or null at the end of the body. */
    List<ByteBuffer> next(Cancellation cancel) throws IOException {
        if (ended) {
            return null;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            cancel.check();
            Object item;
            try {
                item = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw cancel.interrupted();
            }
            if (item == null) {
                if (System.nanoTime() - deadline > 0) {
                    throw new HttpTimeoutException("no data for " + Duration.ofNanos(timeoutNanos).toSeconds() + " s");
                }
                continue;
            }
            if (item == END) {
                ended = true;
                return null;
            }
            if (item instanceof Throwable t) {
                ended = true;
                throw t instanceof IOException io ? io : new IOException(t.getMessage(), t);
            }
            subscription.request(1);
            @SuppressWarnings("unchecked")
            List<ByteBuffer> chunk = (List<ByteBuffer>) item;
            return chunk;
        }
    }

    /** Reads what is left, up to {@code limit} bytes (for small JSON answers). */
    byte[] readAll(Cancellation cancel, int limit) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        for (List<ByteBuffer> chunk; (chunk = next(cancel)) != null; ) {
            for (ByteBuffer b : chunk) {
                if (out.size() + b.remaining() > limit) {
                    throw new IOException("answer larger than " + limit + " bytes");
                }
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                out.write(bytes);
            }
        }
        return out.toByteArray();
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (closed) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable t) {
        queue.add(t);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    /** Stops the transfer; the connection is dropped unless the body was read to its end. */
    @Override
    public void close() {
        closed = true;
        Flow.Subscription s = subscription;
        if (s != null && !ended) {
            s.cancel();
        }
    }
}

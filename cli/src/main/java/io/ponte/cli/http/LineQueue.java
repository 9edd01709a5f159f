package io.ponte.cli.http;

import java.net.http.HttpResponse.ResponseInfo;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands what the HTTP client pushes (the answer's status and headers, then its body a line at a time, then its end
 * or a failure) to the thread that waits for it, so that this thread can give up after a deadline.
 */
final class LineQueue implements Flow.Subscriber<String> {
    /** The body ended. */
    static final Object END = new Object();

    private final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;

    void headers(ResponseInfo info) {
        items.add(info);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        items.add(line);
    }

    @Override
    public void onError(Throwable failure) {
        items.add(failure);
    }

    @Override
    public void onComplete() {
        items.add(END);
    }

    /**
     * What came next: a {@link ResponseInfo}, a line, {@link #END} or a {@link Throwable}; null when nothing came
     * within {@code wait}.
     */
    Object next(Duration wait) throws InterruptedException {
        return items.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the body; nothing more is pushed. */
    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}

package dev.gomvn.core.net;

import dev.gomvn.core.HumanReadable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * An answer of {@link HttpTransport}: status and headers, and a body that is read with the read timeout and the
 * minimum throughput, so that neither a silent nor a trickling server can hold the build.
 */
public final class TransportResponse implements AutoCloseable {
    /** Below this a Go SDK takes over an hour: the server is stalling, not serving. */
    public static final long MINIMUM_BYTES_PER_SECOND = 16 * 1024;

    private final HttpResponse<InputStream> response;
    private final Duration readTimeout;

    TransportResponse(HttpResponse<InputStream> response, Duration readTimeout) {
        this.response = response;
        this.readTimeout = readTimeout;
    }

    public int status() {
        return response.statusCode();
    }

    /** Where the answer came from: the request's URL, or where its redirects led. */
    public URI uri() {
        return response.uri();
    }

    public Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    /** The Content-Length, or -1 when the server did not say. */
    public long contentLength() {
        return response.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    /** The whole body; for small answers such as manifests, tokens and error texts. */
    public byte[] bytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copyTo(out, 0, written -> {});
        return out.toByteArray();
    }

    /**
     * Copies the body to {@code out}, reporting the bytes written so far (starting from {@code offset}, what an
     * earlier attempt already wrote) to {@code progress}.
     *
     * @return the bytes written, {@code offset} included
     * @throws RetryableException when the body stalls, trickles below the minimum throughput or breaks off
     */
    public long copyTo(OutputStream out, long offset, LongConsumer progress) throws IOException {
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        InputStream body = response.body();
        boolean[] stalled = {false};
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "gomvn-download-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long readTimeoutNanos = readTimeout.toNanos();
        // java.net.http has no per-read timeout: a stalled body would block forever, so close it.
        ScheduledFuture<?> check = watchdog.scheduleAtFixedRate(
                () -> {
                    if (System.nanoTime() - lastProgress.get() > readTimeoutNanos) {
                        stalled[0] = true;
                        closeQuietly(body);
                    }
                },
                50,
                Math.max(50, readTimeout.toMillis() / 4),
                TimeUnit.MILLISECONDS);
        long written = offset;
        long lastMark = offset;
        long minimumBytes = MINIMUM_BYTES_PER_SECOND * Math.max(1, readTimeout.toSeconds());
        try (InputStream in = body) {
            byte[] buffer = new byte[128 * 1024];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                written += read;
                // Progress is a window's worth of data, not a byte: a trickling server must not hold the build.
                if (written - lastMark >= minimumBytes) {
                    lastMark = written;
                    lastProgress.set(System.nanoTime());
                }
                progress.accept(written);
            }
        } catch (IOException e) {
            throw stalled[0]
                    ? new RetryableException(tooSlow(written - lastMark, written), e)
                    : new RetryableException(HttpTransport.describe(e) + " after " + HumanReadable.size(written), e);
        } finally {
            check.cancel(true);
            watchdog.shutdownNow();
        }
        if (stalled[0]) {
            throw new RetryableException(tooSlow(written - lastMark, written));
        }
        return written;
    }

    /** Closes the body; the JDK gives the 407 it makes of a refused tunnel none at all. */
    @Override
    public void close() {
        closeQuietly(response.body());
    }

    private String tooSlow(long lastWindowBytes, long written) {
        if (lastWindowBytes == 0) {
            return "no data for " + HumanReadable.duration(readTimeout) + " (go.readTimeout) after "
                    + HumanReadable.size(written);
        }
        return "only " + HumanReadable.size(lastWindowBytes) + " in " + HumanReadable.duration(readTimeout)
                + " (go.readTimeout), below the minimum of " + HumanReadable.size(MINIMUM_BYTES_PER_SECOND)
                + "/s, after " + HumanReadable.size(written);
    }

    private static void closeQuietly(InputStream body) {
        if (body == null) {
            return;
        }
        try {
            body.close();
        } catch (IOException ignored) {
            // Whoever reads it sees the failure.
        }
    }
}
